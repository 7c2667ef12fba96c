package dev.canopy.diagrams.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.scenario.InitOutcome;
import dev.canopy.engine.scenario.NodeKind;
import dev.canopy.engine.scenario.NodeSpec;
import dev.canopy.engine.scenario.Scenario;
import dev.canopy.engine.scenario.Step;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.Strategy;

/** The defaults of FORMAT.md §1 are applied to whatever a file leaves out. */
class DefaultsTest {

    /** A scenario whose root is {@code root} (given as JSON) with one child {@code child}. */
    private static Scenario withChild(String root, String child) {
        String json = """
                {"name": "t", "tree": %s, "steps": []}""".formatted(root.replace("CHILD", child));
        return ConformanceScenariosTest.ok(ScenarioReader.parse(json, "t.json"));
    }

    private static NodeSpec child(String child) {
        return withChild("{\"id\": \"root\", \"children\": [CHILD]}", child).tree().children().getFirst();
    }

    static Stream<Arguments> childDefaults() {
        return Stream.of(
                row("{\"id\": \"c\"}", "kind", NodeSpec::kind, NodeKind.WORKER),
                row("{\"id\": \"c\"}", "init", NodeSpec::init, new InitBehaviour.Sequence(List.of(InitOutcome.OK))),
                row("{\"id\": \"c\"}", "restart", NodeSpec::restart, Restart.PERMANENT),
                row("{\"id\": \"c\"}", "worker shutdown", NodeSpec::shutdown, new Shutdown.Timeout(5000)),
                row("{\"id\": \"c\"}", "significant", NodeSpec::significant, false),
                row("{\"id\": \"c\"}", "trap_exit", NodeSpec::trapExit, false),
                row("{\"id\": \"c\"}", "terminate_ms", NodeSpec::terminateMs, 0L),
                row("{\"id\": \"c\", \"kind\": \"supervisor\"}", "supervisor shutdown", NodeSpec::shutdown, Shutdown.INFINITY),
                row("{\"id\": \"c\", \"kind\": \"supervisor\"}", "strategy", NodeSpec::strategy, Strategy.ONE_FOR_ONE),
                row("{\"id\": \"c\", \"kind\": \"supervisor\"}", "max_restarts", NodeSpec::maxRestarts, 1),
                row("{\"id\": \"c\", \"kind\": \"supervisor\"}", "max_seconds", NodeSpec::maxSeconds, 5),
                row("{\"id\": \"c\", \"kind\": \"supervisor\"}", "auto_shutdown", NodeSpec::autoShutdown, AutoShutdown.NEVER),
                row("{\"id\": \"c\", \"kind\": \"supervisor\"}", "children", NodeSpec::children, List.of()),
                row("{\"id\": \"c\", \"kind\": \"dynamic_supervisor\"}", "dynsup shutdown", NodeSpec::shutdown, Shutdown.INFINITY),
                row("{\"id\": \"c\", \"kind\": \"dynamic_supervisor\"}", "dynsup max_restarts", NodeSpec::maxRestarts, 3),
                row("{\"id\": \"c\", \"kind\": \"dynamic_supervisor\"}", "dynsup max_seconds", NodeSpec::maxSeconds, 5),
                row("{\"id\": \"c\", \"kind\": \"dynamic_supervisor\"}", "max_children", NodeSpec::maxChildren, -1),
                // given values, including the special forms
                row("{\"id\": \"c\", \"kind\": \"dynamic_supervisor\", \"max_children\": \"infinity\"}", "max_children infinity",
                        NodeSpec::maxChildren, -1),
                row("{\"id\": \"c\", \"kind\": \"dynamic_supervisor\", \"max_children\": 2}", "max_children 2", NodeSpec::maxChildren, 2),
                row("{\"id\": \"c\", \"init\": \"ok\"}", "init ok", NodeSpec::init, InitBehaviour.OK),
                row("{\"id\": \"c\", \"init\": \"ignore\"}", "init ignore", NodeSpec::init,
                        new InitBehaviour.Sequence(List.of(InitOutcome.IGNORE))),
                row("{\"id\": \"c\", \"init\": [\"ok\", \"crash\", \"ignore\"]}", "init array", NodeSpec::init,
                        new InitBehaviour.Sequence(List.of(InitOutcome.OK, InitOutcome.CRASH, InitOutcome.IGNORE))),
                row("{\"id\": \"c\", \"init\": {\"crash_first\": 2}}", "crash_first", NodeSpec::init, new InitBehaviour.CrashFirst(2)),
                row("{\"id\": \"c\", \"shutdown\": \"brutal_kill\"}", "brutal_kill", NodeSpec::shutdown, Shutdown.BRUTAL_KILL),
                row("{\"id\": \"c\", \"shutdown\": 0}", "shutdown 0", NodeSpec::shutdown, new Shutdown.Timeout(0)),
                row("{\"id\": \"c\", \"restart\": \"transient\"}", "transient", NodeSpec::restart, Restart.TRANSIENT));
    }

    private static Arguments row(String json, String what, Function<NodeSpec, Object> field, Object expected) {
        return Arguments.argumentSet(what + " of " + json, json, field, expected);
    }

    @ParameterizedTest
    @MethodSource("childDefaults")
    void a_child_gets_the_format_defaults(String json, Function<NodeSpec, Object> field, Object expected) {
        assertThat(field.apply(child(json))).isEqualTo(expected);
    }

    @Test
    void defaults_are_those_of_NodeSpec_defaults() {
        assertThat(child("{\"id\": \"w\"}")).isEqualTo(NodeSpec.defaults("w", NodeKind.WORKER));
        assertThat(child("{\"id\": \"s\", \"kind\": \"supervisor\"}")).isEqualTo(NodeSpec.defaults("s", NodeKind.SUPERVISOR));
        assertThat(child("{\"id\": \"d\", \"kind\": \"dynamic_supervisor\"}"))
                .isEqualTo(NodeSpec.defaults("d", NodeKind.DYNAMIC_SUPERVISOR));
    }

    @Test
    void the_root_defaults_to_a_supervisor_and_a_start_child_node_to_a_worker() {
        Scenario s = ConformanceScenariosTest.ok(ScenarioReader.parse("""
                {"name": "t", "tree": {"id": "top", "children": [{"id": "d", "kind": "dynamic_supervisor"}]},
                 "steps": [{"at_ms": 0, "do": "start_child", "target": "top/d", "child": {"id": "x"}}]}""", "t.json"));
        assertThat(s.tree()).isEqualTo(new NodeSpec("top", NodeKind.SUPERVISOR, InitBehaviour.OK, Restart.PERMANENT,
                Shutdown.INFINITY, false, false, 0, Strategy.ONE_FOR_ONE, 1, 5, AutoShutdown.NEVER, -1,
                List.of(NodeSpec.defaults("d", NodeKind.DYNAMIC_SUPERVISOR))));
        assertThat(s.description()).isEmpty();
        assertThat(s.steps().getFirst()).isEqualTo(new Step(0, false,
                new Step.StartChild("top/d", NodeSpec.defaults("x", NodeKind.WORKER))));
    }

    @Test
    void steps_default_to_none_and_calls_to_no_sleep_and_a_5000_ms_timeout() {
        Scenario none = ConformanceScenariosTest.ok(ScenarioReader.parse("{\"name\": \"t\", \"tree\": {\"id\": \"r\"}}", "t"));
        assertThat(none.steps()).isEmpty();

        Scenario calls = ConformanceScenariosTest.ok(ScenarioReader.parse("""
                {"name": "t", "tree": {"id": "r", "children": [{"id": "w"}]}, "steps": [
                  {"at_ms": 1, "do": "call", "target": "r/w", "request": "ping"},
                  {"at_ms": 1, "do": "call", "target": "r/w", "request": "sleep", "timeout_ms": 10},
                  {"at_ms": 2, "do": "exit", "target": "r", "reason": "{shutdown,bye}", "unordered": true}]}""", "t"));
        assertThat(calls.steps()).containsExactly(
                new Step(1, false, new Step.Call("r/w", Step.Request.PING, 0, 5000)),
                new Step(1, false, new Step.Call("r/w", Step.Request.SLEEP, 0, 10)),
                new Step(2, true, new Step.Exit("r", "{shutdown,bye}")));
    }
}
