package dev.canopy.diagrams.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.scenario.Step;
import org.junit.jupiter.api.Test;

/** The fault script's terminate_child, restart_child and delete_child steps are played, not dropped. */
class SupervisorFaultStepsTest {

    private static Design design() {
        var root = SupervisorNode.of("root", List.of(WorkerNode.of("a"), WorkerNode.of("b")));
        return Design.of("child_ops", "", root).withFaultScript(List.of(
                new Step(100, false, new Step.TerminateChild("root", "b")),
                new Step(200, false, new Step.RestartChild("root", "b")),
                new Step(300, false, new Step.TerminateChild("root", "a")),
                new Step(400, false, new Step.DeleteChild("root", "a")),
                new Step(500, false, new Step.RestartChild("root", "a"))));
    }

    @Test
    void every_supervisor_step_of_the_script_becomes_an_input() {
        assertThat(SimulationSession.faultScript(design())).extracting(TimedInput::input).containsExactly(
                new SimInput.TerminateChild("root", "b"), new SimInput.RestartChild("root", "b"),
                new SimInput.TerminateChild("root", "a"), new SimInput.DeleteChild("root", "a"),
                new SimInput.RestartChild("root", "a"));
    }

    @Test
    void the_supervisor_carries_them_out_and_the_log_says_what_it_answered() {
        var d = design();
        try (var s = SimulationSessionTest.start(d, 3)) {
            s.advance(50);
            String firstB = s.states().get("root/b").pid();
            assertThat(s.states().get("root/b").status()).isEqualTo(NodeStatus.RUNNING);
            for (var in : SimulationSession.faultScript(d)) {
                s.advanceTo(in.atMs());
                s.inject(in.input());
                switch ((int) in.atMs()) {
                    case 100 -> assertThat(s.states().get("root/b").status()).as("terminated, not restarted")
                            .isNotEqualTo(NodeStatus.RUNNING);
                    case 200 -> {
                        assertThat(s.states().get("root/b").status()).isEqualTo(NodeStatus.RUNNING);
                        assertThat(s.states().get("root/b").pid()).isNotEqualTo(firstB);
                    }
                    case 300 -> assertThat(s.states().get("root/a").status()).isNotEqualTo(NodeStatus.RUNNING);
                    default -> { }
                }
            }
            s.advance(100);
            assertThat(s.log()).filteredOn(e -> e.kind() == SimEvent.Kind.CALL).extracting(SimEvent::text).containsExactly(
                    "supervisor:terminate_child b => ok (called on root)",
                    "supervisor:restart_child b => ok (called on root)",
                    "supervisor:terminate_child a => ok (called on root)",
                    "supervisor:delete_child a => ok (called on root)",
                    "supervisor:restart_child a => error not_found (called on root)");
            assertThat(s.states().get("root/a").status()).isNotEqualTo(NodeStatus.RUNNING);
        }
    }
}
