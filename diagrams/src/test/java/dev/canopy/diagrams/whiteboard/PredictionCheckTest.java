package dev.canopy.diagrams.whiteboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.diagrams.sim.SimulationSession;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import org.junit.jupiter.api.Test;

/** Predictions against the simulator: crash the node, let the tree react, compare exactly. */
class PredictionCheckTest {

    static SimulationSession started(Design d) {
        var start = SimulationSession.start(d, 11);
        assertThat(start).isInstanceOf(SimulationSession.Start.Running.class);
        return ((SimulationSession.Start.Running) start).session();
    }

    static PredictionCheck.Result runAndCompare(Design d, String path, ExitKind kind) {
        var prediction = WhatIf.predict(d, path, kind);
        var input = PredictionCheck.faultFor(d, path, kind).orElseThrow();
        try (var s = started(d)) {
            s.advance(500);
            s.inject(input);
            s.advance(2000);
            return PredictionCheck.compare(prediction, s);
        }
    }

    private static void holds(Design d, String path, ExitKind kind) {
        var r = runAndCompare(d, path, kind);
        assertThat(r.differences()).as(d.name() + " " + path + " " + kind).isEmpty();
        assertThat(r.held()).isTrue();
    }

    @Test
    void everyWorkerOfTheSamplesForEveryKind() {
        for (var name : List.of("strategies", "classic_application", "restart_storm", "init_guarantees", "global_singleton", "task_fanout")) {
            var d = Samples.load(name);
            for (var path : Tree.staticPaths(d)) {
                for (var kind : ExitKind.values()) {
                    if (PredictionCheck.faultFor(d, path, kind).isEmpty()) continue;
                    holds(d, path, kind);
                }
            }
        }
    }

    @Test
    void groupRestartsWithTemporaryAndTransientSiblings() {
        var d = Samples.restart(Samples.load("strategies"), "root/one_for_all/c", Restart.TEMPORARY);
        d = Samples.restart(d, "root/rest_for_one/c", Restart.TEMPORARY);
        d = Samples.restart(d, "root/one_for_all/a", Restart.TRANSIENT);
        for (var path : Tree.staticPaths(d)) for (var kind : ExitKind.values()) {
            if (PredictionCheck.faultFor(d, path, kind).isPresent()) holds(d, path, kind);
        }
    }

    @Test
    void escalationAndAutoShutdown() {
        var storm = Samples.load("restart_storm");
        holds(Samples.sup(storm, "root/middle", s -> s.withIntensity(0, 5)), "root/middle/flaky", ExitKind.CRASH);
        holds(Samples.restart(Samples.sup(storm, "root/middle", s -> s.withIntensity(0, 5)), "root/middle", Restart.TRANSIENT),
                "root/middle/flaky", ExitKind.CRASH);
        var both = Samples.sup(Samples.sup(storm, "root/middle", s -> s.withIntensity(0, 5)), "root", s -> s.withIntensity(0, 5));
        holds(both, "root/middle/flaky", ExitKind.CRASH);

        var d = Samples.sup(Samples.load("strategies"), "root/one_for_one", s -> s.withAutoShutdown(AutoShutdown.ANY_SIGNIFICANT));
        d = Samples.restart(d, "root/one_for_one", Restart.TRANSIENT);
        d = Samples.significant(Samples.restart(d, "root/one_for_one/b", Restart.TRANSIENT), "root/one_for_one/b");
        holds(d, "root/one_for_one/b", ExitKind.NORMAL);
        holds(d, "root/one_for_one/b", ExitKind.CRASH);
        // A significant auto-shutdown supervisor that is itself significant: the shutdown cascades to the top.
        var cascade = Samples.significant(Samples.sup(d, "root", s -> s.withAutoShutdown(AutoShutdown.ANY_SIGNIFICANT)), "root/one_for_one");
        var p = WhatIf.predict(cascade, "root/one_for_one/b", ExitKind.NORMAL);
        assertThat(p.escalation().level()).isEqualTo(Prediction.Escalation.Level.WHOLE_TREE_STOPS);
        holds(cascade, "root/one_for_one/b", ExitKind.NORMAL);
    }

    @Test
    void theBudgetPredictionHoldsWhenTheCrashRepeats() {
        var storm = Samples.load("restart_storm");
        var p = WhatIf.predict(storm, "root/middle/flaky", ExitKind.CRASH);
        int times = p.budget().giveUpAt();
        try (var s = started(storm)) {
            s.advance(500);
            for (int i = 0; i < times; i++) {
                s.inject(new SimInput.Raise("root/middle/flaky"));
                s.advance(20);
            }
            s.advance(1000);
            var r = PredictionCheck.compare(p.budget().ifExceeded().orElseThrow(), s);
            assertThat(r.differences()).isEmpty();
        }
        // And crashesToStopTree quick crashes stop the whole tree.
        try (var s = started(storm)) {
            s.advance(500);
            for (int i = 0; i < p.budget().crashesToStopTree().getAsInt(); i++) {
                s.inject(new SimInput.Raise("root/middle/flaky"));
                s.advance(20);
            }
            assertThat(s.states().get("root").status()).isEqualTo(dev.canopy.diagrams.sim.NodeStatus.GAVE_UP);
        }
    }

    @Test
    void aWrongPredictionIsReported() {
        var d = Samples.load("strategies");
        var wrong = WhatIf.predict(d, "root/one_for_one/b", ExitKind.CRASH);
        try (var s = started(d)) {
            s.advance(500);
            s.inject(new SimInput.Raise("root/one_for_one/b"));
            s.advance(1000);
            // compare a one_for_one prediction with a run where b's supervisor is one_for_one: holds
            assertThat(PredictionCheck.compare(wrong, s).held()).isTrue();
        }
        var allPrediction = WhatIf.predict(d, "root/one_for_all/b", ExitKind.CRASH);
        var relabelled = new Prediction("root/one_for_one/b", ExitKind.CRASH, "root/one_for_one",
                java.util.Set.of("root/one_for_one/a", "root/one_for_one/b", "root/one_for_one/c"), java.util.Set.of(), java.util.Set.of(),
                allPrediction.untouched(), java.util.Map.of(), allPrediction.escalation(), allPrediction.budget(), "");
        try (var s = started(d)) {
            s.advance(500);
            s.inject(new SimInput.Raise("root/one_for_one/b"));
            s.advance(1000);
            var r = PredictionCheck.compare(relabelled, s);
            assertThat(r.held()).isFalse();
            assertThat(r.differences()).anyMatch(t -> t.startsWith("restarted:") && t.contains("not in the run"));
        }
    }
}
