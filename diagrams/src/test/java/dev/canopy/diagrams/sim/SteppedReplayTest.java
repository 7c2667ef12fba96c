package dev.canopy.diagrams.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * A run driven by hand (single steps, advances and faults interleaved) replays exactly: rewinding
 * to its end reproduces the same log and states, for every sample.
 */
class SteppedReplayTest {

    /** Steps one process, or (nothing runnable) moves time on by 1 ms: what the Step button does. */
    private static void stepByHand(SimulationSession s) {
        if (!s.step()) s.advance(1);
    }

    @Test
    void a_run_stepped_by_hand_replays_to_the_same_log_and_states() {
        for (String name : SimulationSessionTest.SAMPLES) {
            var d = SimulationSessionTest.sample(name);
            List<String> paths = dev.canopy.diagrams.design.DesignPaths.allPaths(d);
            var random = new SplittableRandom(name.hashCode());
            try (var live = SimulationSessionTest.start(d, 11)) {
                for (int i = 0; i < 120; i++) {
                    switch (random.nextInt(6)) {
                        case 0, 1, 2 -> stepByHand(live);
                        case 3 -> live.advance(random.nextInt(1, 300));
                        case 4 -> live.inject(new SimInput.Kill(paths.get(random.nextInt(paths.size()))));
                        default -> live.inject(new SimInput.Raise(paths.get(random.nextInt(paths.size()))));
                    }
                }
                var replay = SimulationSession.replay(d, 11, live.inputs(), live.nowMs());
                try (var r = ((SimulationSession.Start.Running) replay).session()) {
                    assertThat(r.nowMs()).isEqualTo(live.nowMs());
                    assertThat(r.log()).as(name).isEqualTo(live.log());
                    assertThat(r.states()).as(name).isEqualTo(live.states());
                }
            }
        }
    }
}
