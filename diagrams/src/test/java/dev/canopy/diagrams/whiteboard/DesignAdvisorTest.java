package dev.canopy.diagrams.whiteboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import dev.canopy.diagrams.design.Dependency;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Strategy;
import org.junit.jupiter.api.Test;

class DesignAdvisorTest {

    static List<Advice> of(Design d, Advice.Rule rule) {
        return DesignAdvisor.review(d).stream().filter(a -> a.rule() == rule).toList();
    }

    static Design tree(DesignNode... children) {
        return Design.of("t", "", SupervisorNode.of("root", List.of(children)).withIntensity(3, 5));
    }

    static WorkerNode dep(String id, Dependency dependency) {
        return WorkerNode.of(id).withSim(WorkerNode.of(id).sim().withDependency(dependency));
    }

    @Test
    void remoteDependencyInInit() {
        var sync = tree(dep("client", new Dependency(Dependency.Kind.REMOTE, Dependency.Connect.SYNC_IN_INIT, 0)));
        var a = of(sync, Advice.Rule.REMOTE_DEPENDENCY_IN_INIT);
        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("root/client");
            assertThat(x.fix()).startsWith("Connect asynchronously").contains("handle_continue").contains("backoff")
                    .contains("a remote outage cannot stop your tree from booting");
            assertThat(x.reason()).contains("3 restarts in 5 seconds").contains("gives up after 4 attempts");
        });
        assertThat(of(tree(dep("client", Dependency.remote(1000))), Advice.Rule.REMOTE_DEPENDENCY_IN_INIT)).isEmpty();
        assertThat(of(tree(dep("store", Dependency.local())), Advice.Rule.REMOTE_DEPENDENCY_IN_INIT)).isEmpty();
    }

    @Test
    void independentChildrenUnderOneForAll() {
        var sup = SupervisorNode.of("group", List.of(WorkerNode.of("a"), WorkerNode.of("b"))).withStrategy(Strategy.ONE_FOR_ALL);
        assertThat(of(tree(sup), Advice.Rule.INDEPENDENT_CHILDREN_UNDER_ONE_FOR_ALL)).singleElement()
                .satisfies(x -> assertThat(x.fix()).contains("Use one_for_one"));
        var withDep = sup.withChildren(List.of(dep("a", Dependency.local()), WorkerNode.of("b")));
        assertThat(of(tree(withDep), Advice.Rule.INDEPENDENT_CHILDREN_UNDER_ONE_FOR_ALL)).isEmpty();
        assertThat(of(tree(sup.withStrategy(Strategy.ONE_FOR_ONE)), Advice.Rule.INDEPENDENT_CHILDREN_UNDER_ONE_FOR_ALL)).isEmpty();
        // The strategies sample's one_for_all group is exactly this.
        assertThat(of(Samples.load("strategies"), Advice.Rule.INDEPENDENT_CHILDREN_UNDER_ONE_FOR_ALL))
                .extracting(Advice::path).containsExactly("root/one_for_all");
    }

    @Test
    void innerBudgetOutlastsParent() {
        var inner = SupervisorNode.of("inner", List.of(WorkerNode.of("w"))).withIntensity(3, 60);
        var a = of(tree(inner), Advice.Rule.INNER_BUDGET_OUTLASTS_PARENT);
        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.reason()).contains("60 seconds").contains("only remembers 5 seconds").contains("never escalates");
            assertThat(x.fix()).contains("no longer than root's (5 s)");
        });
        var absorbing = inner.withIntensity(10, 5);
        assertThat(of(tree(absorbing), Advice.Rule.INNER_BUDGET_OUTLASTS_PARENT)).singleElement()
                .satisfies(x -> assertThat(x.reason()).contains("once every 0.50 s"));
        assertThat(of(tree(inner.withIntensity(3, 5)), Advice.Rule.INNER_BUDGET_OUTLASTS_PARENT)).isEmpty();
    }

    @Test
    void globalNameInACluster() {
        var gs = Samples.load("global_singleton");
        assertThat(of(gs, Advice.Rule.GLOBAL_NAME_IN_CLUSTER)).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("root/scheduler");
            assertThat(x.reason()).contains("netsplit").contains("2 of them");
            assertThat(x.fix()).contains("per-node process").contains("distributed registry");
        });
        assertThat(of(gs.withClusterNodes(1), Advice.Rule.GLOBAL_NAME_IN_CLUSTER)).isEmpty();
    }

    @Test
    void temporaryChildUnderOneForAll() {
        var d = Samples.restart(Samples.load("strategies"), "root/one_for_all/c", Restart.TEMPORARY);
        assertThat(of(d, Advice.Rule.TEMPORARY_UNDER_ONE_FOR_ALL)).extracting(Advice::path).containsExactly("root/one_for_all/c");
        var d2 = Samples.restart(Samples.load("strategies"), "root/one_for_one/c", Restart.TEMPORARY);
        assertThat(of(d2, Advice.Rule.TEMPORARY_UNDER_ONE_FOR_ALL)).isEmpty();
    }

    @Test
    void maxRestartsZero() {
        var d = Samples.sup(Samples.load("restart_storm"), "root/middle", s -> s.withIntensity(0, 5));
        assertThat(of(d, Advice.Rule.MAX_RESTARTS_ZERO)).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("root/middle");
            assertThat(x.reason()).contains("escalates to root");
        });
        assertThat(of(Samples.load("restart_storm"), Advice.Rule.MAX_RESTARTS_ZERO)).isEmpty();
    }

    @Test
    void veryHighIntensity() {
        var d = Samples.sup(Samples.load("restart_storm"), "root", s -> s.withIntensity(100, 1));
        assertThat(of(d, Advice.Rule.VERY_HIGH_INTENSITY)).singleElement().satisfies(x ->
                assertThat(x.reason()).contains("100 restarts in 1 second").contains("100 per second"));
        assertThat(of(Samples.sup(Samples.load("restart_storm"), "root", s -> s.withIntensity(10, 1)), Advice.Rule.VERY_HIGH_INTENSITY)).isEmpty();
    }

    @Test
    void transientSupervisor() {
        var d = Samples.restart(Samples.load("restart_storm"), "root/middle", Restart.TRANSIENT);
        assertThat(of(d, Advice.Rule.TRANSIENT_SUPERVISOR)).singleElement()
                .satisfies(x -> assertThat(x.reason()).contains("escalation stops here"));
        var auto = Samples.sup(d, "root/middle", s -> s.withAutoShutdown(AutoShutdown.ANY_SIGNIFICANT));
        assertThat(of(auto, Advice.Rule.TRANSIENT_SUPERVISOR)).isEmpty();
        assertThat(of(Samples.load("restart_storm"), Advice.Rule.TRANSIENT_SUPERVISOR)).isEmpty();
    }

    @Test
    void unboundedDynamicSupervisorForSessions() {
        var d = Samples.load("sessions_per_user");
        assertThat(of(d, Advice.Rule.UNBOUNDED_DYNAMIC_SUPERVISOR)).isEmpty(); // max_children 10000
        var unbounded = dev.canopy.diagrams.design.DesignPaths.replace(d, "root/sessions",
                ((DynamicSupervisorNode) Samples.at(d, "root/sessions")).withMaxChildren(DynamicSupervisorNode.INFINITY));
        assertThat(of(unbounded, Advice.Rule.UNBOUNDED_DYNAMIC_SUPERVISOR)).singleElement()
                .satisfies(x -> assertThat(x.fix()).contains("max_children"));
        var plain = tree(DynamicSupervisorNode.of("jobs").withChildTemplate(Optional.of(WorkerNode.of("job"))));
        assertThat(of(plain, Advice.Rule.UNBOUNDED_DYNAMIC_SUPERVISOR)).isEmpty();
    }

    @Test
    void registryStartedAfterItsUsers() {
        var user = WorkerNode.of("user").withNaming(new Naming.Via("names", "u"));
        var late = tree(SupervisorNode.of("users", List.of(user)), RegistryNode.of("names"));
        assertThat(of(late, Advice.Rule.REGISTRY_STARTED_TOO_LATE)).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("root/users/user");
            assertThat(x.severity()).isEqualTo(Advice.Severity.ERROR);
            assertThat(x.fix()).contains("Move names before user");
        });
        var early = tree(RegistryNode.of("names"), SupervisorNode.of("users", List.of(user)));
        assertThat(of(early, Advice.Rule.REGISTRY_STARTED_TOO_LATE)).isEmpty();
        assertThat(of(Samples.load("sessions_per_user"), Advice.Rule.REGISTRY_STARTED_TOO_LATE)).isEmpty();
    }

    @Test
    void everyAdviceHasAllItsParts() {
        for (var name : List.of("classic_application", "global_singleton", "init_guarantees", "restart_storm",
                "sessions_per_user", "strategies", "task_fanout")) {
            for (var a : DesignAdvisor.review(Samples.load(name))) {
                assertThat(a.title()).isNotBlank();
                assertThat(a.reason()).isNotBlank();
                assertThat(a.fix()).isNotBlank();
            }
        }
    }
}
