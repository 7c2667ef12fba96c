package dev.canopy.diagrams.whiteboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.canopy.diagrams.whiteboard.StrategyWizard.Answer;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Strategy;
import org.junit.jupiter.api.Test;

/** The guided whiteboard: answers → strategies → every process crashed in the simulator. */
class GuidedExerciseTest {

    /** The answers that describe the strategies sample as it is drawn. */
    static Map<String, Answer> answersMatchingTheSample() {
        var a = new HashMap<String, Answer>();
        for (var c : List.of("a", "b", "c")) {
            a.put("root/one_for_one/" + c, Answer.NO);
            a.put("root/one_for_all/" + c, Answer.YES_ALL);
            a.put("root/rest_for_one/" + c, Answer.YES_LATER_ONES);
            a.put("root/" + c, Answer.NO);
        }
        a.put("root/rest_for_one/c", Answer.NO);
        return a;
    }

    @Test
    void theWalkAsksAboutEveryProcessWithSiblingsDepthFirst() {
        var d = Samples.load("strategies");
        var walk = GuidedExercise.walk(d);
        assertThat(walk).extracting(StrategyWizard.Question::childPath).containsExactly(
                "root/one_for_one", "root/one_for_all", "root/rest_for_one",
                "root/one_for_one/a", "root/one_for_one/b", "root/one_for_one/c",
                "root/one_for_all/a", "root/one_for_all/b", "root/one_for_all/c",
                "root/rest_for_one/a", "root/rest_for_one/b", "root/rest_for_one/c");
        assertThat(walk.getFirst().text()).startsWith("If one_for_one dies, should its siblings (one_for_all, rest_for_one) die too?");
    }

    @Test
    void theStrategyIsDerivedFromTheAnswersWithTheReasoning() {
        var d = Samples.load("strategies");
        var answers = new HashMap<String, Answer>();
        answers.put("root/one_for_one/b", Answer.YES_ALL);
        answers.put("root/one_for_all/a", Answer.YES_LATER_ONES);
        var derivation = GuidedExercise.derive(d, answers);
        var bySup = new HashMap<String, StrategyWizard.Proposal>();
        derivation.proposals().forEach(p -> bySup.put(p.supervisorPath(), p));
        assertThat(bySup.get("root/one_for_one").proposed()).isEqualTo(Strategy.ONE_FOR_ALL);
        assertThat(bySup.get("root/one_for_one").reason()).contains("siblings of b cannot carry on without it");
        assertThat(bySup.get("root/one_for_all").proposed()).isEqualTo(Strategy.REST_FOR_ONE);
        assertThat(bySup.get("root/rest_for_one").proposed()).isEqualTo(Strategy.ONE_FOR_ONE);
        assertThat(((dev.canopy.diagrams.design.SupervisorNode) Samples.at(derivation.design(), "root/one_for_one")).strategy())
                .isEqualTo(Strategy.ONE_FOR_ALL);
    }

    @Test
    void answersThatMatchOtpHoldForEveryCrash() {
        var result = GuidedExercise.run(Samples.load("strategies"), answersMatchingTheSample(), 7);
        assertThat(result.crashes()).hasSize(12);
        for (var r : result.reports()) {
            assertThat(r.misses()).as(r.path()).isEmpty();
            assertThat(r.surprises()).as(r.path()).isEmpty();
        }
        assertThat(result.held()).isEqualTo(12);
        var b = result.reports().stream().filter(r -> r.path().equals("root/one_for_all/b")).findFirst().orElseThrow();
        assertThat(b.rows()).extracting(NodeVerdict::path, NodeVerdict::simulated).contains(
                org.assertj.core.groups.Tuple.tuple("root/one_for_all/a", Fate.RESTARTED),
                org.assertj.core.groups.Tuple.tuple("root/one_for_all/c", Fate.RESTARTED),
                org.assertj.core.groups.Tuple.tuple("root/one_for_one/a", Fate.UNTOUCHED));
    }

    @Test
    void aTemporarySiblingIsNotRestartedInAGroupRestart() {
        var d = Samples.restart(Samples.load("strategies"), "root/one_for_all/c", Restart.TEMPORARY);
        var result = GuidedExercise.run(d, answersMatchingTheSample(), 7);
        var a = report(result, "root/one_for_all/a");
        assertThat(a.held()).isFalse();
        assertThat(a.misses()).extracting(NodeVerdict::path).containsExactly("root/one_for_all/c");
        assertThat(a.misses().getFirst().predicted()).isEqualTo(Fate.RESTARTED);
        assertThat(a.misses().getFirst().simulated()).isEqualTo(Fate.STOPPED);
        assertThat(a.surprises()).extracting(Surprise::kind).containsExactly(Surprise.Kind.TEMPORARY_NOT_RESTARTED);
        assertThat(a.surprises().getFirst().text()).contains("temporary");
        // Crashing c itself: it is temporary, so it stays down.
        var c = report(result, "root/one_for_all/c");
        assertThat(c.surprises()).extracting(Surprise::kind).contains(Surprise.Kind.TEMPORARY_NOT_RESTARTED);
    }

    @Test
    void aSupervisorWithNoRestartBudgetGivesUpAndEscalates() {
        var d = Samples.sup(Samples.load("strategies"), "root/one_for_one", s -> s.withIntensity(0, 5));
        var result = GuidedExercise.run(d, answersMatchingTheSample(), 7);
        var b = report(result, "root/one_for_one/b");
        assertThat(b.held()).isFalse();
        assertThat(b.surprises()).extracting(Surprise::kind, Surprise::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Surprise.Kind.INTENSITY_EXHAUSTED, "root/one_for_one"),
                org.assertj.core.groups.Tuple.tuple(Surprise.Kind.ESCALATION, "root/one_for_one"));
        assertThat(b.surprises().get(1).text()).contains("root restarted one_for_one");
        assertThat(b.rows()).filteredOn(r -> r.path().equals("root/one_for_one")).extracting(NodeVerdict::simulated)
                .containsExactly(Fate.RESTARTED);
        assertThat(b.evidence()).anyMatch(l -> l.contains("root/one_for_one"));
    }

    @Test
    void answeringNoForAOneForAllGroupIsCaughtByTheSimulatorWhenTheTreeIsNotRederived() {
        // The exercise on the tree as drawn: expectation from "no" answers, outcome from one_for_all.
        var d = Samples.load("strategies");
        var answers = Map.<String, Answer>of();
        var check = SimulatorCheck.against(d, "root/one_for_all/b", ExitKind.CRASH,
                GuidedExercise.expectation(d, answers, "root/one_for_all/b"), 7);
        var r = ((SimulatorCheck.Check.Checked) check).report();
        assertThat(r.misses()).extracting(NodeVerdict::path).containsExactly("root/one_for_all/a", "root/one_for_all/c");
        assertThat(r.surprises()).extracting(Surprise::kind).containsOnly(Surprise.Kind.STRATEGY);
        assertThat(r.surprises().getFirst().text()).contains("one_for_all");
    }

    @Test
    void theWhatIfPredictionHoldsInTheSimulatorForEveryNodeOfTheSamples() {
        for (var name : List.of("strategies", "classic_application", "restart_storm", "sessions_per_user")) {
            var d = Samples.load(name);
            for (var p : Tree.staticPaths(d)) {
                if (!Tree.runningAtBoot(d, p)) continue;
                var check = SimulatorCheck.whatIf(d, p, ExitKind.CRASH, 3);
                var r = ((SimulatorCheck.Check.Checked) check).report();
                assertThat(r.misses()).as(name + " " + p).isEmpty();
                assertThat(r.rows()).isNotEmpty();
            }
        }
    }

    @Test
    void aSupervisorCannotBeMadeToExitNormallyFromOutside() {
        var check = SimulatorCheck.whatIf(Samples.load("strategies"), "root/one_for_all", ExitKind.NORMAL, 3);
        assertThat(check).isInstanceOf(SimulatorCheck.Check.CannotRun.class);
        assertThat(((SimulatorCheck.Check.CannotRun) check).reason()).contains("traps exits");
    }

    private static CrashReport report(GuidedExercise.Result result, String path) {
        return result.reports().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
    }
}
