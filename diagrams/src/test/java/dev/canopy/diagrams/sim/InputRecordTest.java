package dev.canopy.diagrams.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputRecordTest {
    private static TimedInput kill(long at) {
        return new TimedInput(at, new SimInput.Kill("root/a"));
    }

    @Test
    void keeps_the_first_inputs_and_rewinds_only_up_to_before_the_first_one_dropped() {
        var record = new InputRecord(2);
        assertThat(record.add(kill(10))).isTrue();
        assertThat(record.add(kill(20))).isTrue();
        assertThat(record.rewindLimitMs()).isEqualTo(Long.MAX_VALUE);
        assertThat(record.add(kill(30))).isFalse();
        assertThat(record.add(kill(40))).isFalse();
        assertThat(record.list()).extracting(TimedInput::atMs).containsExactly(10L, 20L);
        assertThat(record.full()).isTrue();
        assertThat(record.unkept()).isEqualTo(2);
        assertThat(record.rewindLimitMs()).isEqualTo(29);

        record.dropAfter(15);
        assertThat(record.list()).extracting(TimedInput::atMs).containsExactly(10L);
        assertThat(record.full()).isFalse();
        assertThat(record.add(kill(16))).isTrue();
    }

    @Test
    void a_long_restart_storm_keeps_a_bounded_number_of_pids_and_replays_its_kept_prefix_exactly() {
        var design = dev.canopy.diagrams.design.Design.of("storm", "",
                dev.canopy.diagrams.design.SupervisorNode.of("root", java.util.List.of(
                        dev.canopy.diagrams.design.WorkerNode.of("a"))).withIntensity(1_000_000, 1));
        var live = ((SimulationSession.Start.Running) SimulationSession.start(design, 3, 50)).session();
        for (int i = 0; i < 30_000; i++) {
            live.advance(1);
            live.inject(new SimInput.Kill("root/a"));
        }
        // every kill makes a new pid; the book forgets those whose exit left the history
        assertThat(live.knownPids()).isLessThan(15_000); // 30,000 without forgetting
        assertThat(live.inputs()).hasSize(50);
        long limit = live.rewindLimitMs();
        assertThat(limit).isEqualTo(50);
        assertThat(live.log()).anyMatch(e -> e.text().contains("rewind history is full: the first 50 inputs are kept"));

        var replayed = ((SimulationSession.Start.Running) SimulationSession.replay(design, 3, live.inputs(), limit, 50)).session();
        var again = ((SimulationSession.Start.Running) SimulationSession.start(design, 3, 50)).session();
        for (int i = 0; i < 50; i++) {
            again.advance(1);
            again.inject(new SimInput.Kill("root/a"));
        }
        again.advanceTo(limit);
        assertThat(replayed.states()).isEqualTo(again.states());
        assertThat(replayed.log()).containsExactlyElementsOf(again.log());
    }
}
