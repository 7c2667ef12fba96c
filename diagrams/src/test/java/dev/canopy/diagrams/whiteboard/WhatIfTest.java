package dev.canopy.diagrams.whiteboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.diagrams.sim.SimulationSession;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Strategy;
import org.junit.jupiter.api.Test;

class WhatIfTest {
    final Design strategies = Samples.load("strategies");

    @Test
    void oneForOneRestartsOnlyTheFailedChild() {
        var p = WhatIf.predict(strategies, "root/one_for_one/b", ExitKind.CRASH);
        assertThat(p.restarted()).containsExactly("root/one_for_one/b");
        assertThat(p.stopped()).isEmpty();
        assertThat(p.untouched()).contains("root/one_for_one/a", "root/one_for_one/c", "root/one_for_all/b").hasSize(12);
        assertThat(p.escalation().level()).isEqualTo(Prediction.Escalation.Level.NONE);
        assertThat(p.explain("root/one_for_one/b")).contains("restarts b because it is permanent");
    }

    @Test
    void oneForAllRestartsEveryChildAndRestForOneTheLaterOnes() {
        var all = WhatIf.predict(strategies, "root/one_for_all/b", ExitKind.CRASH);
        assertThat(all.restarted()).containsExactly("root/one_for_all/a", "root/one_for_all/b", "root/one_for_all/c");
        assertThat(all.explain("root/one_for_all/a")).contains("because its sibling b").contains("the strategy is one_for_all");
        var rest = WhatIf.predict(strategies, "root/rest_for_one/b", ExitKind.CRASH);
        assertThat(rest.restarted()).containsExactly("root/rest_for_one/b", "root/rest_for_one/c");
        assertThat(rest.untouched()).contains("root/rest_for_one/a");
    }

    @Test
    void restartTypeTimesReason() {
        // permanent: restarted for every reason
        for (var kind : ExitKind.values()) {
            assertThat(WhatIf.predict(strategies, "root/one_for_one/a", kind).restarted()).containsExactly("root/one_for_one/a");
        }
        var transientA = Samples.restart(strategies, "root/one_for_one/a", Restart.TRANSIENT);
        assertThat(WhatIf.predict(transientA, "root/one_for_one/a", ExitKind.CRASH).restarted()).containsExactly("root/one_for_one/a");
        for (var kind : List.of(ExitKind.NORMAL, ExitKind.SHUTDOWN)) {
            var p = WhatIf.predict(transientA, "root/one_for_one/a", kind);
            assertThat(p.restarted()).isEmpty();
            assertThat(p.stopped()).containsExactly("root/one_for_one/a");
            assertThat(p.budget().counts()).isFalse();
            assertThat(p.explain("root/one_for_one/a")).contains("transient").contains("leaves it stopped");
        }
        var temporaryA = Samples.restart(strategies, "root/one_for_one/a", Restart.TEMPORARY);
        for (var kind : ExitKind.values()) {
            var p = WhatIf.predict(temporaryA, "root/one_for_one/a", kind);
            assertThat(p.restarted()).isEmpty();
            assertThat(p.stopped()).containsExactly("root/one_for_one/a");
        }
    }

    @Test
    void temporarySiblingIsDroppedFromAGroupRestart() {
        var d = Samples.restart(strategies, "root/one_for_all/c", Restart.TEMPORARY);
        var p = WhatIf.predict(d, "root/one_for_all/a", ExitKind.CRASH);
        assertThat(p.restarted()).containsExactly("root/one_for_all/a", "root/one_for_all/b");
        assertThat(p.stopped()).containsExactly("root/one_for_all/c");
        assertThat(p.explain("root/one_for_all/c")).contains("temporary").contains("not started again");
    }

    @Test
    void transientSiblingThatExitedNormallyIsStartedByAGroupRestart() {
        var d = Samples.restart(strategies, "root/one_for_all/c", Restart.TRANSIENT);
        d = Samples.worker(d, "root/one_for_all/c", w -> w.withSim(w.sim().withInit(
                new dev.canopy.engine.scenario.InitBehaviour.Sequence(List.of(
                        dev.canopy.engine.scenario.InitOutcome.IGNORE, dev.canopy.engine.scenario.InitOutcome.OK)))));
        var p = WhatIf.predict(d, "root/one_for_all/a", ExitKind.CRASH);
        assertThat(p.restarted()).containsExactly("root/one_for_all/a", "root/one_for_all/b", "root/one_for_all/c");
        assertThat(p.explain("root/one_for_all/c")).contains("although it was not running");
    }

    @Test
    void budgetAndEscalationInTheRestartStorm() {
        var storm = Samples.load("restart_storm");
        var p = WhatIf.predict(storm, "root/middle/flaky", ExitKind.CRASH);
        assertThat(p.restarted()).containsExactly("root/middle/flaky");
        var b = p.budget();
        assertThat(b.supervisorPath()).isEqualTo("root/middle");
        assertThat(b.giveUpAt()).isEqualTo(3);
        assertThat(b.exceededAfter(2)).isFalse();
        assertThat(b.exceededAfter(3)).isTrue();
        assertThat(b.crashesToStopTree()).hasValue(6);
        var exceeded = b.ifExceeded().orElseThrow();
        assertThat(exceeded.escalation().level()).isEqualTo(Prediction.Escalation.Level.PARENT_RESTARTS_SUPERVISOR);
        assertThat(exceeded.restarted()).containsExactly("root/middle");
        assertThat(exceeded.startedAgain()).containsExactly("root/middle/flaky");
        assertThat(b.text()).contains("3 times within 5 seconds").contains("6 occurrences");
    }

    @Test
    void maxRestartsZeroEscalatesAtOnceAndTheRootStopsTheTree() {
        var d = Samples.sup(Samples.load("restart_storm"), "root/middle", s -> s.withIntensity(0, 5));
        d = Samples.sup(d, "root", s -> s.withIntensity(0, 5));
        var p = WhatIf.predict(d, "root/middle/flaky", ExitKind.CRASH);
        assertThat(p.escalation().level()).isEqualTo(Prediction.Escalation.Level.WHOLE_TREE_STOPS);
        assertThat(p.stopped()).containsExactlyInAnyOrder("root", "root/steady", "root/middle", "root/middle/flaky");
        assertThat(p.explain("root/middle")).contains("gives up");
    }

    @Test
    void transientSupervisorStopsEscalation() {
        var d = Samples.restart(Samples.sup(Samples.load("restart_storm"), "root/middle", s -> s.withIntensity(0, 5)),
                "root/middle", Restart.TRANSIENT);
        var p = WhatIf.predict(d, "root/middle/flaky", ExitKind.CRASH);
        assertThat(p.escalation().level()).isEqualTo(Prediction.Escalation.Level.SUPERVISOR_STAYS_DOWN);
        assertThat(p.stopped()).containsExactly("root/middle", "root/middle/flaky");
        assertThat(p.untouched()).containsExactly("root", "root/steady");
    }

    @Test
    void significantChildShutsTheSupervisorDown() {
        var d = Samples.sup(strategies, "root/one_for_one", s -> s.withAutoShutdown(AutoShutdown.ANY_SIGNIFICANT));
        d = Samples.restart(d, "root/one_for_one", Restart.TRANSIENT);
        d = Samples.significant(Samples.restart(d, "root/one_for_one/b", Restart.TRANSIENT), "root/one_for_one/b");
        var p = WhatIf.predict(d, "root/one_for_one/b", ExitKind.NORMAL);
        assertThat(p.stopped()).containsExactlyInAnyOrder("root/one_for_one", "root/one_for_one/a", "root/one_for_one/b", "root/one_for_one/c");
        assertThat(p.explain("root/one_for_one")).contains("significant child b").contains("any_significant");
        assertThat(p.escalation().level()).isEqualTo(Prediction.Escalation.Level.SUPERVISOR_STAYS_DOWN);
        // A significant transient child that crashes is just restarted.
        assertThat(WhatIf.predict(d, "root/one_for_one/b", ExitKind.CRASH).restarted()).containsExactly("root/one_for_one/b");
        // all_significant waits for the other significant children.
        var all = Samples.sup(d, "root/one_for_one", s -> s.withAutoShutdown(AutoShutdown.ALL_SIGNIFICANT));
        all = Samples.significant(Samples.restart(all, "root/one_for_one/c", Restart.TEMPORARY), "root/one_for_one/c");
        var q = WhatIf.predict(all, "root/one_for_one/b", ExitKind.NORMAL);
        assertThat(q.stopped()).containsExactly("root/one_for_one/b");
        assertThat(q.explain("root/one_for_one/b")).contains("all_significant");
    }

    @Test
    void dynamicSupervisorIsOneForOne() {
        var d = Samples.load("sessions_per_user");
        var p = WhatIf.predict(d, "root/sessions/session", ExitKind.CRASH);
        assertThat(p.restarted()).containsExactly("root/sessions/session");
        assertThat(p.explain("root/sessions/session")).contains("restarts session because it is transient and crashed");
        assertThat(WhatIf.predict(d, "root/sessions/session", ExitKind.NORMAL).stopped()).containsExactly("root/sessions/session");
    }

    @Test
    void aRegistryTakesItsRegisteredWorkersWithIt() {
        var w = WorkerNode.of("user").withNaming(new Naming.Via("names", "u"));
        var root = SupervisorNode.of("root", List.of(RegistryNode.of("names"), w, WorkerNode.of("other"))).withIntensity(5, 5);
        var d = Design.of("reg", "", root);
        var p = WhatIf.predict(d, "root/names", ExitKind.CRASH);
        assertThat(p.restarted()).containsExactly("root/names", "root/user");
        assertThat(p.explain("root/user")).contains("linked");
        var check = PredictionCheckTest.runAndCompare(d, "root/names", ExitKind.CRASH);
        assertThat(check.differences()).isEmpty();
        // Under rest_for_one the worker is in the registry's group anyway: one restart only.
        var rfo = Samples.sup(d, "root", s -> s.withStrategy(Strategy.REST_FOR_ONE));
        var q = WhatIf.predict(rfo, "root/names", ExitKind.CRASH);
        assertThat(q.restarted()).containsExactly("root/names", "root/user", "root/other");
        assertThat(PredictionCheckTest.runAndCompare(rfo, "root/names", ExitKind.CRASH).differences()).isEmpty();
    }

    @Test
    void everyNodeOfEverySampleHasAPredictionWithASummary() {
        for (var name : List.of("classic_application", "global_singleton", "init_guarantees", "restart_storm",
                "sessions_per_user", "strategies", "task_fanout")) {
            var d = Samples.load(name);
            for (var path : DesignPaths.allPaths(d)) {
                for (var kind : ExitKind.values()) {
                    var p = WhatIf.predict(d, path, kind);
                    assertThat(p.summary()).startsWith("If ");
                    Set<String> affected = new java.util.HashSet<>(p.restarted());
                    affected.addAll(p.stopped());
                    affected.addAll(p.startedAgain());
                    for (var a : affected) assertThat(p.explain(a)).as(name + " " + path + " " + kind + " " + a).isNotBlank();
                }
            }
        }
    }
}
