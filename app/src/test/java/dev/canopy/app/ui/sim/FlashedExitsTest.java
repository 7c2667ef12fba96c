package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FlashedExitsTest {
    @Test
    void a_storm_of_exits_flashes_a_few_spread_over_the_tree_and_every_supervisor_that_gave_up() {
        List<SimVisualMapper.Exit> exits = new ArrayList<>();
        for (int i = 0; i < 60; i++) exits.add(new SimVisualMapper.Exit("root/pool/w_" + i, ":killed", i == 17));
        List<SimVisualMapper.Exit> shown = SimulatorView.flashed(exits);
        assertThat(shown).extracting(SimVisualMapper.Exit::path).containsExactly("root/pool/w_0", "root/pool/w_10",
                "root/pool/w_17", "root/pool/w_20", "root/pool/w_30", "root/pool/w_40", "root/pool/w_50");
        assertThat(SimulatorView.flashed(exits.subList(0, 4))).hasSize(4);
    }
}
