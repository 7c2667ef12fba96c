package dev.canopy.app.ui.whiteboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.LoadResult;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.whiteboard.ExitKind;
import dev.canopy.diagrams.whiteboard.Fate;
import dev.canopy.diagrams.whiteboard.SimulatorCheck;
import dev.canopy.diagrams.whiteboard.StrategyWizard.Answer;
import dev.canopy.diagrams.whiteboard.Surprise;
import dev.canopy.engine.supervisor.Strategy;
import org.junit.jupiter.api.Test;

class GuidedWhiteboardViewModelTest {

    static Design strategies() {
        Path dir = Files.isDirectory(Path.of("../samples")) ? Path.of("../samples") : Path.of("samples");
        return ((LoadResult.Loaded) DesignFiles.load(dir.resolve("strategies.canopy.json"))).design();
    }

    @Test
    void walksTheTreeDerivesTheStrategiesAndCrashesEachProcess() {
        var vm = new GuidedWhiteboardViewModel(GuidedWhiteboardViewModelTest::strategies, Dispatch.inline());
        assertThat(vm.phaseProperty().get()).isEqualTo(GuidedWhiteboardViewModel.Phase.ASKING);
        assertThat(vm.current().orElseThrow().childPath()).isEqualTo("root/one_for_one");
        assertThat(vm.highlights()).containsEntry("root/one_for_one", StyleToken.STATE_GAVE_UP);
        // Everyone says "no": every supervisor becomes one_for_one.
        int asked = 0;
        while (vm.current().isPresent()) {
            vm.answer(Answer.NO);
            asked++;
        }
        assertThat(asked).isEqualTo(12);
        assertThat(vm.phaseProperty().get()).isEqualTo(GuidedWhiteboardViewModel.Phase.DERIVED);
        assertThat(vm.proposals()).allSatisfy(p -> assertThat(p.proposed()).isEqualTo(Strategy.ONE_FOR_ONE));
        assertThat(vm.proposals()).anySatisfy(p -> assertThat(p.reason()).contains("restarts only the child that crashed"));

        vm.crashEach();
        assertThat(vm.phaseProperty().get()).isEqualTo(GuidedWhiteboardViewModel.Phase.DONE);
        var result = vm.resultProperty().get();
        assertThat(result.reports()).hasSize(12);
        // The derived tree does what the answers said: every crash holds.
        assertThat(result.held()).isEqualTo(12);
        var shown = vm.shownProperty().get();
        assertThat(shown).isNotNull();
        assertThat(vm.highlights()).containsKey(shown.path());
    }

    @Test
    void backGoesToThePreviousQuestionAndKeepsTheAnswer() {
        var vm = new GuidedWhiteboardViewModel(GuidedWhiteboardViewModelTest::strategies, Dispatch.inline());
        vm.answer(Answer.YES_ALL);
        assertThat(vm.indexProperty().get()).isEqualTo(1);
        vm.back();
        assertThat(vm.indexProperty().get()).isZero();
        assertThat(vm.answerFor("root/one_for_one")).contains(Answer.YES_ALL);
    }

    @Test
    void resultsArriveThroughTheUiExecutor() {
        List<Runnable> background = new ArrayList<>();
        List<Runnable> ui = new ArrayList<>();
        var vm = new GuidedWhiteboardViewModel(GuidedWhiteboardViewModelTest::strategies, new Dispatch(background::add, ui::add));
        while (vm.current().isPresent()) vm.answer(Answer.YES_LATER_ONES);
        vm.crashEach();
        assertThat(vm.phaseProperty().get()).isEqualTo(GuidedWhiteboardViewModel.Phase.RUNNING);
        background.removeFirst().run();
        assertThat(vm.resultProperty().get()).isNull();
        ui.removeFirst().run();
        assertThat(vm.phaseProperty().get()).isEqualTo(GuidedWhiteboardViewModel.Phase.DONE);
        // rest_for_one everywhere, derived from "the ones started after it"; c, started last, has
        // nothing after it, so the derivation starts it first: a's crash then restarts a and b only.
        assertThat(vm.proposals()).allSatisfy(p -> assertThat(p.proposed()).isEqualTo(Strategy.REST_FOR_ONE));
        assertThat(vm.proposals().stream().filter(p -> p.supervisorPath().equals("root/one_for_all")).findFirst().orElseThrow().reorder())
                .containsExactly("c", "a", "b");
        var a = vm.resultProperty().get().reports().stream().filter(r -> r.path().equals("root/one_for_all/a")).findFirst().orElseThrow();
        assertThat(a.held()).isTrue();
        assertThat(a.rows()).filteredOn(r -> r.path().startsWith("root/one_for_all/")).extracting(r -> r.path(), r -> r.simulated())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("root/one_for_all/c", Fate.UNTOUCHED),
                        org.assertj.core.groups.Tuple.tuple("root/one_for_all/a", Fate.RESTARTED),
                        org.assertj.core.groups.Tuple.tuple("root/one_for_all/b", Fate.RESTARTED));
    }

    @Test
    void theWhatIfCheckComparesThePredictionWithTheSimulator() {
        var check = new WhatIfCheckViewModel(Dispatch.inline());
        check.check(strategies(), "root/rest_for_one/b", ExitKind.CRASH);
        var r = ((SimulatorCheck.Check.Checked) check.resultProperty().get()).report();
        assertThat(r.held()).isTrue();
        assertThat(r.rows()).filteredOn(v -> v.path().equals("root/rest_for_one/c")).extracting(v -> v.simulated())
                .containsExactly(Fate.RESTARTED);
        assertThat(r.rows()).filteredOn(v -> v.path().equals("root/rest_for_one/a")).extracting(v -> v.simulated())
                .containsExactly(Fate.UNTOUCHED);
        assertThat(r.surprises()).extracting(Surprise::kind).isEmpty();
    }
}
