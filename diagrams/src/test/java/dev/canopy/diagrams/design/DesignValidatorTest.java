package dev.canopy.diagrams.design;

import static dev.canopy.diagrams.design.DesignProblem.Severity.ERROR;
import static dev.canopy.diagrams.design.DesignProblem.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.Strategy;

/** One case per rule: the exact JSON path, severity and sentence. */
class DesignValidatorTest {

    /** app: [a (worker), reg (registry), dyn (dynamic_supervisor; template t via reg), sub (supervisor: [x, y])]. */
    static Design base() {
        WorkerNode a = WorkerNode.of("a").withSpec(ChildSpecFields.defaults(DesignKind.WORKER).withStartModule("MyApp.A"));
        RegistryNode reg = RegistryNode.of("reg");
        WorkerNode t = WorkerNode.of("t").withNaming(new Naming.Via("reg", "user_id"));
        DynamicSupervisorNode dyn = DynamicSupervisorNode.of("dyn").withChildTemplate(Optional.of(t));
        SupervisorNode sub = SupervisorNode.of("sub", List.of(WorkerNode.of("x"), WorkerNode.of("y")));
        return Design.of("my_app", "", SupervisorNode.of("app", List.of(a, reg, dyn, sub)));
    }

    static Design edit(String path, UnaryOperator<DesignNode> change) {
        Design d = base();
        return DesignPaths.replace(d, path, change.apply(DesignPaths.find(d, path).orElseThrow()));
    }

    static WorkerNode worker(DesignNode n) {
        return (WorkerNode) n;
    }

    static SupervisorNode sup(DesignNode n) {
        return (SupervisorNode) n;
    }

    static ChildSpecFields spec(DesignNode n) {
        return n.spec();
    }

    @Test
    void the_base_design_is_clean() {
        assertThat(DesignValidator.validate(base())).isEmpty();
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("duplicate ids", edit("app/sub", n -> sup(n).withChildren(List.of(WorkerNode.of("x"), WorkerNode.of("x")))),
                        "$.tree.children[3].children[1].id", ERROR,
                        "duplicate id 'x': children[0] of 'sub' already has it; ids must be unique under one supervisor"),
                rule("significant and permanent", edit("app/sub", n -> sup(n).withAutoShutdown(AutoShutdown.ANY_SIGNIFICANT)
                                .withChildren(List.of(WorkerNode.of("x").withSpec(spec(WorkerNode.of("x")).withSignificant(true))))),
                        "$.tree.children[3].children[0].significant", ERROR,
                        "'x' is significant, so it must be transient or temporary, not permanent (OTP rejects the child spec)"),
                rule("significant under auto_shutdown never", edit("app/sub/x", n -> n.withSpec(spec(n).withSignificant(true)
                                .withRestart(Restart.TRANSIENT))),
                        "$.tree.children[3].children[0].significant", ERROR,
                        "'x' is significant but its supervisor 'sub' has auto_shutdown never; set auto_shutdown to "
                                + "any_significant or all_significant, or make the child not significant"),
                rule("auto_shutdown without significant children", edit("app/sub", n -> sup(n).withAutoShutdown(AutoShutdown.ALL_SIGNIFICANT)),
                        "$.tree.children[3].auto_shutdown", WARNING,
                        "auto_shutdown is all_significant but no child of 'sub' is significant, so it never takes effect"),
                rule("significant under a dynamic supervisor", edit("app/dyn/t", n -> n.withSpec(spec(n).withSignificant(true)
                                .withRestart(Restart.TRANSIENT))),
                        "$.tree.children[2].child_template.significant", WARNING,
                        "significant is ignored under a dynamic_supervisor"),
                rule("shutdown beyond Erlang's largest timer", edit("app/a", n -> n.withSpec(spec(n).withShutdown(new Shutdown.Timeout(5_000_000_000L)))),
                        "$.tree.children[0].shutdown", ERROR,
                        "shutdown must be at most 4294967295 ms (Erlang's largest timeout), not 5000000000; use infinity to wait forever"),
                rule("a supervisor child with a shutdown timeout", edit("app/sub", n -> n.withSpec(spec(n).withShutdown(new Shutdown.Timeout(100)))),
                        "$.tree.children[3].shutdown", WARNING,
                        "'sub' is a supervisor; give it shutdown infinity so that its children have time to stop "
                                + "(a timeout of 100 ms may kill them mid-shutdown)"),
                rule("brutal_kill on a supervisor child", edit("app/dyn", n -> n.withSpec(spec(n).withShutdown(Shutdown.BRUTAL_KILL))),
                        "$.tree.children[2].shutdown", WARNING,
                        "'dyn' is a dynamic_supervisor; brutal_kill leaves its children to die unordered; use infinity"),
                rule("temporary child under one_for_all", edit("app/sub", n -> sup(n).withStrategy(Strategy.ONE_FOR_ALL)
                                .withChildren(List.of(WorkerNode.of("x").withSpec(spec(WorkerNode.of("x")).withRestart(Restart.TEMPORARY))))),
                        "$.tree.children[3].children[0].restart", WARNING,
                        "'x' is temporary: when one_for_all restarts its siblings, it is stopped and not started again"),
                rule("id not an atom", edit("app/a", n -> n.withId("Repo")),
                        "$.tree.children[0].id", ERROR,
                        "id 'Repo' must start with a lowercase letter and use only letters, digits and _ (such as repo or "
                                + "cache_1), so that it is a plain Erlang atom"),
                rule("reserved word id", edit("app/a", n -> n.withId("end")),
                        "$.tree.children[0].id", WARNING,
                        "id 'end' is an Erlang reserved word; Erlang exports will quote it as 'end'"),
                rule("quote in an id", edit("app/a", n -> n.withId("a'b")),
                        "$.tree.children[0].id", ERROR,
                        "id 'a'b' cannot become an Erlang atom: it contains a quote; use lowercase letters, digits and _, such as cache"),
                rule("newline in an id", edit("app/a", n -> n.withId("a\nb")),
                        "$.tree.children[0].id", ERROR,
                        "id 'a\\nb' cannot become an Erlang atom: it contains a line break; use lowercase letters, digits and _, such as cache"),
                rule("non-ASCII id", edit("app/a", n -> n.withId("caché")),
                        "$.tree.children[0].id", ERROR,
                        "id 'caché' cannot become an Erlang atom: it contains a non-ASCII character ('é'); use lowercase letters, digits and _, such as cache"),
                rule("interpolation in a module", edit("app/a", n -> n.withSpec(spec(n).withStartModule("A#{System.halt()}"))),
                        "$.tree.children[0].start.module", ERROR,
                        "start module 'A#{System.halt()}' cannot become a module name: it contains #{...} interpolation"),
                rule("module not an alias", edit("app/a", n -> n.withSpec(spec(n).withStartModule("My App"))),
                        "$.tree.children[0].start.module", ERROR,
                        "start module 'My App' must be an Elixir alias such as MyApp.Repo or an Erlang module atom such as my_repo"),
                rule("bad start function", edit("app/a", n -> n.withSpec(spec(n).withStart("MyApp.A", "Start", List.of()))),
                        "$.tree.children[0].start.function", ERROR,
                        "start function 'Start' must be a plain function name such as start_link"),
                rule("hostile argument", edit("app/a", n -> n.withSpec(spec(n).withStart("MyApp.A", "start_link", List.of("1\n2")))),
                        "$.tree.children[0].start.args[0]", ERROR,
                        "args[0] '1\\n2' cannot be written into generated code: it contains a line break; write a plain term such as 42, :name or [1, 2]"),
                rule("bad modules entry", edit("app/a", n -> n.withSpec(spec(n).withModules(List.of("9lives")))),
                        "$.tree.children[0].modules[0]", ERROR,
                        "modules[0] '9lives' must be an Elixir alias such as MyApp.Repo or an Erlang module atom such as my_repo"),
                rule("max_seconds below 1", edit("app/sub", n -> sup(n).withIntensity(3, 0)),
                        "$.tree.children[3].max_seconds", ERROR, "max_seconds must be at least 1, not 0"),
                rule("negative max_restarts", edit("app/dyn", n -> ((DynamicSupervisorNode) n).withIntensity(-1, 5)),
                        "$.tree.children[2].max_restarts", ERROR, "max_restarts must be 0 or more, not -1"),
                rule("bad max_children", edit("app/dyn", n -> ((DynamicSupervisorNode) n).withMaxChildren(-5)),
                        "$.tree.children[2].max_children", ERROR, "max_children must be 0 or more, or infinity, not -5"),
                rule("via to a missing registry", edit("app/dyn/t", n -> worker(n).withNaming(new Naming.Via("nope", "k"))),
                        "$.tree.children[2].child_template.name.registry", ERROR,
                        "no registry with id 'nope' in this design; a via name needs a registry node"),
                rule("via to a registry with duplicate keys", edit("app/reg", n -> ((RegistryNode) n).withKeys(RegistryNode.Keys.DUPLICATE)),
                        "$.tree.children[2].child_template.name.registry", ERROR,
                        "registry 'reg' has duplicate keys; a via name needs a registry with unique keys"),
                rule("registry after its user", DesignPaths.replace(base(), "app/a",
                                worker(DesignPaths.find(base(), "app/a").orElseThrow()).withNaming(new Naming.Via("reg", "k"))),
                        "$.tree.children[0].name.registry", ERROR,
                        "registry 'reg' starts after 'a'; put the registry before its users in start order"),
                rule("local name taken twice", DesignPaths.replace(edit("app/sub/x", n -> worker(n).withNaming(new Naming.Local("MyApp.Cache"))),
                                "app/sub/y", WorkerNode.of("y").withNaming(new Naming.Local("MyApp.Cache"))),
                        "$.tree.children[3].children[1].name.name", ERROR,
                        "the local name 'MyApp.Cache' is already taken by 'app/sub/x'; the second process would fail to start with already_started"),
                rule("global name that is not a name", edit("app/a", n -> worker(n).withNaming(new Naming.Global("my cache"))),
                        "$.tree.children[0].name.name", ERROR,
                        "name 'my cache' must be an Elixir alias such as MyApp.Cache or an Erlang atom such as my_cache"),
                rule("a named template under a dynamic supervisor", edit("app/dyn/t", n -> worker(n).withNaming(new Naming.Local("MyApp.T"))),
                        "$.tree.children[2].child_template.name", WARNING,
                        "every process 'dyn' starts from this template would take the same name, so the second one fails "
                                + "with already_started; use a via name through a Registry"),
                rule("async backoff of 0", edit("app/a", n -> worker(n).withSim(WorkerSim.DEFAULT.withDependency(Dependency.remote(0)))),
                        "$.tree.children[0].sim.dependency.backoff_ms", ERROR,
                        "backoff_ms must be more than 0 when connecting asynchronously with backoff, not 0"),
                rule("remote dependency connected in init", edit("app/a", n -> worker(n).withSim(WorkerSim.DEFAULT.withDependency(
                                new Dependency(Dependency.Kind.REMOTE, Dependency.Connect.SYNC_IN_INIT, 0)))),
                        "$.tree.children[0].sim.dependency.connect", WARNING,
                        "'a' connects to a remote dependency in init: whenever the remote is down, init fails and the "
                                + "restarts can exhaust the supervisor; connect asynchronously with backoff"),
                rule("negative message rate", edit("app/a", n -> worker(n).withSim(WorkerSim.DEFAULT.withMessageRatePerSecond(-1))),
                        "$.tree.children[0].sim.message_rate_per_s", ERROR, "message_rate_per_s must be a number, 0 or more, not -1.0"),
                rule("terminate longer than the shutdown", edit("app/a", n -> worker(n).withSim(WorkerSim.DEFAULT.withTrapExit(true).withTerminateMs(6000))),
                        "$.tree.children[0].terminate_ms", WARNING,
                        "terminate takes 6000 ms but the supervisor kills 'a' after its shutdown of 5000 ms"),
                rule("registry partitions", edit("app/reg", n -> ((RegistryNode) n).withPartitions(0)),
                        "$.tree.children[1].partitions", ERROR, "partitions must be at least 1, not 0"),
                rule("worker as the root", base().withRoot(WorkerNode.of("app")),
                        "$.tree.kind", ERROR, "the root must be a supervisor, a dynamic_supervisor or a task_supervisor, not a worker"),
                rule("design name", base().withName("My App"),
                        "$.name", ERROR, "the design's name 'My App' must start with a lowercase letter and use only lowercase "
                                + "letters, digits and _ (such as my_app), so that it can name the OTP application"),
                rule("cluster size", base().withClusterNodes(0),
                        "$.cluster_nodes", ERROR, "cluster_nodes must be at least 1, not 0"),
                rule("multi-line label", edit("app/a", n -> n.withLabel("two\nlines")),
                        "$.tree.children[0].label", ERROR, "label must be one line without control characters"));
    }

    private static Arguments rule(String name, Design design, String path, DesignProblem.Severity severity, String message) {
        return Arguments.of(name, design, path, severity, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void each_rule_reports_its_path_and_sentence(String name, Design design, String path,
                                                 DesignProblem.Severity severity, String message) {
        assertThat(DesignValidator.validate(design)).containsExactly(DesignProblem.error(path, message).withSeverity(severity));
    }

    @Test
    void every_problem_is_reported_at_once() {
        Design bad = DesignPaths.replace(base().withClusterNodes(0), "app/sub",
                sup(DesignPaths.find(base(), "app/sub").orElseThrow()).withIntensity(-1, 0));
        assertThat(DesignValidator.validate(bad)).extracting(DesignProblem::jsonPath)
                .containsExactly("$.cluster_nodes", "$.tree.children[3].max_restarts", "$.tree.children[3].max_seconds");
    }

    @Test
    void global_names_on_a_cluster_are_allowed() {
        Design d = edit("app/a", n -> worker(n).withNaming(new Naming.Global("MyApp.Leader"))).withClusterNodes(3);
        assertThat(DesignValidator.validate(d)).isEmpty();
    }

    @Test
    void the_engine_refuses_what_the_validator_refuses() {
        Design bad = base().withClusterNodes(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ToScenario.checked(bad))
                .isInstanceOf(ToScenario.InvalidDesignException.class)
                .hasMessageContaining("cluster_nodes must be at least 1");
        assertThat(ToScenario.checked(base()).tree().children()).hasSize(4);
    }
}
