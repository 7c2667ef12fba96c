package dev.canopy.engine.properties;

import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.scenario.InitOutcome;
import dev.canopy.engine.scenario.NodeKind;
import dev.canopy.engine.scenario.NodeSpec;
import dev.canopy.engine.scenario.Scenario;
import dev.canopy.engine.scenario.ScenarioRunner;
import dev.canopy.engine.scenario.Step;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Strategy;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OTP's causal orders hold for every interleaving: a conformance scenario gives the same
 * normalized trace whatever the scheduler's seed. Scenarios are built in code (JSON parsing
 * lives in another module) after shared/conformance/scenarios; where the expected trace
 * recorded on real OTP is present, seed 1 must also match it.
 */
class ScenarioCausalOrderPropertiesTest {
    static final Path SCENARIOS = Path.of("../../shared/conformance/scenarios");

    // ---- scenario construction ----------------------------------------------------------------

    static NodeSpec worker(String id) { return NodeSpec.defaults(id, NodeKind.WORKER); }

    static NodeSpec with(NodeSpec n, Restart restart, boolean trap, InitBehaviour init) {
        return new NodeSpec(n.id(), n.kind(), init, restart, n.shutdown(), n.significant(), trap, n.terminateMs(),
                n.strategy(), n.maxRestarts(), n.maxSeconds(), n.autoShutdown(), n.maxChildren(), n.children());
    }

    static NodeSpec sup(String id, Strategy s, int maxRestarts, int maxSeconds, NodeSpec... children) {
        var d = NodeSpec.defaults(id, NodeKind.SUPERVISOR);
        return new NodeSpec(id, NodeKind.SUPERVISOR, d.init(), d.restart(), d.shutdown(), false, false, 0,
                s, maxRestarts, maxSeconds, d.autoShutdown(), -1, List.of(children));
    }

    static NodeSpec dyn(String id, int maxChildren) {
        var d = NodeSpec.defaults(id, NodeKind.DYNAMIC_SUPERVISOR);
        return new NodeSpec(id, NodeKind.DYNAMIC_SUPERVISOR, d.init(), d.restart(), d.shutdown(), false, false, 0,
                d.strategy(), d.maxRestarts(), d.maxSeconds(), d.autoShutdown(), maxChildren, List.of());
    }

    static Step at(long ms, Step.Action a) { return new Step(ms, false, a); }

    static final Map<String, Scenario> SCENARIOS_BY_NAME = Map.of(
            "rest_for_one_order", new Scenario("rest_for_one_order", "",
                    sup("root", Strategy.REST_FOR_ONE, 10, 5, worker("a"), worker("b"), worker("c"), worker("d")),
                    List.of(at(100, new Step.Crash("root/b")),
                            at(300, new Step.Exit("root/d", "boom")),
                            at(500, new Step.Exit("root/a", "kill")),
                            at(700, new Step.StopTree()))),
            "intensity_escalation_to_top", new Scenario("intensity_escalation_to_top", "",
                    sup("root", Strategy.ONE_FOR_ONE, 1, 5,
                            sup("mid", Strategy.ONE_FOR_ONE, 1, 5,
                                    sup("leaf", Strategy.ONE_FOR_ONE, 0, 5, worker("w")),
                                    worker("m")),
                            worker("z")),
                    List.of(at(100, new Step.Exit("root/mid/leaf/w", "boom")),
                            at(300, new Step.Exit("root/mid/leaf/w", "boom")),
                            at(500, new Step.Exit("root/mid/leaf/w", "boom")),
                            at(700, new Step.Exit("root/mid/leaf/w", "boom")),
                            at(900, new Step.StopTree()))),
            "dynsup_basic", new Scenario("dynsup_basic", "",
                    sup("root", Strategy.ONE_FOR_ONE, 1, 5, worker("before"), dyn("dyn", 2), worker("after")),
                    List.of(at(100, new Step.StartChild("root/dyn", worker("w1"))),
                            at(200, new Step.StartChild("root/dyn", with(worker("w2"), Restart.PERMANENT, true, InitBehaviour.OK))),
                            at(300, new Step.StartChild("root/dyn", worker("w3"))),
                            at(400, new Step.TerminateChild("root/dyn", "w1")),
                            at(500, new Step.TerminateChild("root/dyn", "w1")),
                            at(600, new Step.StartChild("root/dyn", worker("w3"))),
                            at(700, new Step.StartChild("root/dyn", worker("w4"))),
                            at(800, new Step.StopTree()))),
            "call_semantics", new Scenario("call_semantics", "",
                    sup("root", Strategy.ONE_FOR_ONE, 5, 5, worker("srv"),
                            with(worker("tmp"), Restart.TEMPORARY, false, InitBehaviour.OK)),
                    List.of(at(100, new Step.Call("root/srv", Step.Request.PING, 0, 1000)),
                            at(200, new Step.Call("root/srv", Step.Request.SLEEP, 100, 1000)),
                            at(400, new Step.Call("root/srv", Step.Request.SLEEP, 600, 100)),
                            at(600, new Step.Call("root/srv", Step.Request.PING, 0, 1000)),
                            at(1500, new Step.Stop("root/tmp", "normal")),
                            at(1600, new Step.Call("root/tmp", Step.Request.PING, 0, 1000)),
                            at(1700, new Step.StopTree()))),
            "restart_init_crash_retry", new Scenario("restart_init_crash_retry", "",
                    sup("root", Strategy.ONE_FOR_ONE, 3, 5, worker("a"),
                            with(worker("b"), Restart.PERMANENT, false,
                                    new InitBehaviour.Sequence(List.of(InitOutcome.OK, InitOutcome.CRASH))),
                            worker("c")),
                    List.of(at(100, new Step.Exit("root/b", "boom")), at(300, new Step.StopTree()))));

    static final List<String> NAMES = SCENARIOS_BY_NAME.keySet().stream().sorted().toList();

    private static final Map<String, List<String>> SEED_ONE = new ConcurrentHashMap<>();

    static List<String> seedOne(String name) {
        return SEED_ONE.computeIfAbsent(name, n -> ScenarioRunner.trace(SCENARIOS_BY_NAME.get(n), 1));
    }

    // ---- properties --------------------------------------------------------------------------

    @Property(tries = 150)
    void everySeedGivesTheSameTraceAsSeedOne(@ForAll @IntRange(min = 0, max = 4) int which, @ForAll long seed) {
        String name = NAMES.get(which);
        assertThat(ScenarioRunner.trace(SCENARIOS_BY_NAME.get(name), seed)).as("%s with seed %d", name, seed)
                .containsExactlyElementsOf(seedOne(name));
    }

    @Example
    void seedOneMatchesTheTracesRecordedOnOtp() throws IOException {
        int compared = 0;
        for (var name : NAMES) {
            var expected = SCENARIOS.resolve(name + ".expected");
            if (!Files.exists(expected)) continue;
            var lines = Files.readAllLines(expected).stream().filter(l -> !l.isBlank()).toList();
            assertThat(seedOne(name)).as(name).containsExactlyElementsOf(lines);
            compared++;
        }
        // The shared directory is part of the workspace; if it is missing, this example checks nothing.
        if (Files.isDirectory(SCENARIOS)) assertThat(compared).isEqualTo(NAMES.size());
    }
}
