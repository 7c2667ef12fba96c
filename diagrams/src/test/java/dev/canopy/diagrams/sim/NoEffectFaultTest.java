package dev.canopy.diagrams.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.WorkerNode;
import org.junit.jupiter.api.Test;

/** A fault that cannot have the effect a person expects says why, in the log. */
class NoEffectFaultTest {

    @Test
    void slow_terminate_on_a_worker_that_does_not_trap_exits_says_terminate_never_runs_on_shutdown() {
        var design = SimulationSessionTest.sample("strategies");
        try (var s = SimulationSessionTest.start(design, 1)) {
            s.inject(new SimInput.SlowTerminate("root/one_for_one/b", 10_000));
            assertThat(s.log().getLast().text()).startsWith("note: a slow terminate of b only shows when it stops itself")
                    .contains("does not trap exits");
        }
        var w = (WorkerNode) DesignPaths.find(design, "root/one_for_one/b").orElseThrow();
        var trapping = DesignPaths.replace(design, "root/one_for_one/b", (DesignNode) new WorkerNode(w.id(), w.label(), w.notes(),
                w.spec(), w.sim().withTrapExit(true), w.naming()));
        assertThat(SimulationSession.whyNoEffect(trapping, new SimInput.SlowTerminate("root/one_for_one/b", 10_000))).isEmpty();
        assertThat(SimulationSession.whyNoEffect(design, new SimInput.Kill("root/one_for_one/b"))).isEmpty();
    }
}
