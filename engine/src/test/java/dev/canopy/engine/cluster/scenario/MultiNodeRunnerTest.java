package dev.canopy.engine.cluster.scenario;

import dev.canopy.engine.cluster.scenario.MultiNodeScenario.ProcessRef;
import dev.canopy.engine.cluster.scenario.MultiNodeScenario.Step;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multi-node scenarios built in code (the JSON reader lives in the app) after
 * conformance/multinode: the trace is the one recorded on real OTP 25, and the same for every
 * seed of the scheduler.
 */
class MultiNodeRunnerTest {
    static final Path RECORDED = Path.of("../conformance/multinode");

    static ProcessRef p(String label) {
        var parts = label.split(":");
        return new ProcessRef(parts[0], parts[1]);
    }

    static Step at(long ms, MultiNodeScenario.Action a) { return new Step(ms, a); }

    static final MultiNodeScenario CALLERS = new MultiNodeScenario("mn_netsplit_callers", "", List.of("a", "b"), List.of(
            at(0, new MultiNodeScenario.Spawn(p("b:server"))),
            at(100, new MultiNodeScenario.Spawn(p("a:worker"))),
            at(200, new MultiNodeScenario.Call("a", new MultiNodeScenario.ProcessTarget(p("b:server")), 1000)),
            at(300, new MultiNodeScenario.Monitor("a", p("b:server"))),
            at(400, new MultiNodeScenario.MonitorNode("a", "b")),
            at(500, new MultiNodeScenario.Link(p("a:worker"), p("b:server"))),
            at(600, new MultiNodeScenario.Partition(List.of(List.of("a"), List.of("b")))),
            at(1600, new MultiNodeScenario.Call("a", new MultiNodeScenario.ProcessTarget(p("b:server")), 500)),
            at(2300, new MultiNodeScenario.Nodes("a")),
            at(2400, new MultiNodeScenario.Heal()),
            at(3400, new MultiNodeScenario.Nodes("a")),
            at(3500, new MultiNodeScenario.Call("a", new MultiNodeScenario.ProcessTarget(p("b:server")), 1000))));

    static final MultiNodeScenario OWNER_CUT_OFF = new MultiNodeScenario("mn_owner_node_cut_off", "", List.of("a", "b", "c"), List.of(
            at(0, new MultiNodeScenario.Spawn(p("a:p1"))),
            at(100, new MultiNodeScenario.RegisterGlobal("single", p("a:p1"), "keep_first_node")),
            at(400, new MultiNodeScenario.WhereisGlobal("c", "single")),
            at(500, new MultiNodeScenario.Partition(List.of(List.of("a"), List.of("b", "c")))),
            at(1500, new MultiNodeScenario.Nodes("a")),
            at(1600, new MultiNodeScenario.Nodes("b")),
            at(1700, new MultiNodeScenario.WhereisGlobal("c", "single")),
            at(1800, new MultiNodeScenario.Spawn(p("c:p3"))),
            at(1900, new MultiNodeScenario.RegisterGlobal("single", p("c:p3"), "keep_first_node")),
            at(2000, new MultiNodeScenario.WhereisGlobal("b", "single")),
            at(2100, new MultiNodeScenario.WhereisGlobal("a", "single")),
            at(2200, new MultiNodeScenario.Heal()),
            at(4200, new MultiNodeScenario.Nodes("b")),
            at(4300, new MultiNodeScenario.WhereisGlobal("b", "single"))));

    static List<String> recorded(String name) throws IOException {
        return Files.readAllLines(RECORDED.resolve(name + ".expected"));
    }

    @Test void the_netsplit_callers_trace_is_the_one_recorded_on_otp() throws IOException {
        assertThat(MultiNodeRunner.trace(CALLERS, 1)).containsExactlyElementsOf(recorded("mn_netsplit_callers"));
    }

    @Test void the_owner_cut_off_trace_is_the_one_recorded_on_otp() throws IOException {
        assertThat(MultiNodeRunner.trace(OWNER_CUT_OFF, 1)).containsExactlyElementsOf(recorded("mn_owner_node_cut_off"));
    }

    @Property(tries = 25)
    void the_trace_does_not_depend_on_the_seed(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        assertThat(MultiNodeRunner.trace(CALLERS, seed)).isEqualTo(MultiNodeRunner.trace(CALLERS, 1));
        assertThat(MultiNodeRunner.trace(OWNER_CUT_OFF, seed)).isEqualTo(MultiNodeRunner.trace(OWNER_CUT_OFF, 1));
    }
}
