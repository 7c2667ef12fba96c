package dev.canopy.diagrams.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import org.junit.jupiter.api.Test;

/**
 * The intensity gauge counts restarts the way the supervisor does (OTP's add_restart counts whole
 * seconds of monotonic time), so at the window's edge it still says what the supervisor will do.
 */
class IntensityGaugeTest {

    private static Design oneRestartPerSecond() {
        var root = SupervisorNode.of("root", List.of(WorkerNode.of("w"))).withIntensity(1, 1);
        return Design.of("edge", "", root);
    }

    private static boolean gaveUp(SimulationSession s) {
        return s.log().stream().anyMatch(e -> e.kind() == SimEvent.Kind.GAVE_UP && e.path().equals("root"));
    }

    @Test
    void a_restart_at_900_ms_still_counts_at_1950_ms_and_the_gauge_says_the_next_one_gives_up() {
        try (var s = SimulationSessionTest.start(oneRestartPerSecond(), 5)) {
            s.advanceTo(900);
            s.inject(new SimInput.Kill("root/w"));
            s.advanceTo(1950);
            // second 0 is within period 1 of second 1: the supervisor still counts it (a ms window would not)
            NodeState root = s.states().get("root");
            assertThat(root.recentRestarts()).isEqualTo(1);
            assertThat(root.nextRestartGivesUp()).isTrue();
            assertThat(gaveUp(s)).isFalse();
            s.inject(new SimInput.Kill("root/w"));
            s.advance(10);
            assertThat(gaveUp(s)).as("the supervisor decided what the gauge showed").isTrue();
        }
    }

    @Test
    void once_the_whole_second_leaves_the_window_the_gauge_empties_and_the_supervisor_restarts() {
        try (var s = SimulationSessionTest.start(oneRestartPerSecond(), 5)) {
            s.advanceTo(900);
            s.inject(new SimInput.Kill("root/w"));
            s.advanceTo(2000);
            NodeState root = s.states().get("root");
            assertThat(root.recentRestarts()).isZero();
            assertThat(root.nextRestartGivesUp()).isFalse();
            s.inject(new SimInput.Kill("root/w"));
            s.advance(10);
            assertThat(gaveUp(s)).isFalse();
            assertThat(s.states().get("root/w").status()).isEqualTo(NodeStatus.RUNNING);
            assertThat(s.states().get("root").recentRestarts()).isEqualTo(1);
        }
    }
}
