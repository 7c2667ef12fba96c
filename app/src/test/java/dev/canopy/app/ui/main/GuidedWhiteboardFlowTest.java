package dev.canopy.app.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.FxFlows;
import dev.canopy.app.ui.Screenshots;
import dev.canopy.app.ui.canvas.DesignCanvas;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.whiteboard.CrashReport;
import dev.canopy.engine.supervisor.Strategy;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The guided whiteboard end to end, headless: the menu opens the walk, the answer buttons are
 * clicked for every process of the Web app sample, the derived strategy is shown, every process
 * is crashed in the simulator, and the surprises (a temporary child not restarted; siblings taken
 * down by one_for_all) are shown node by node; the what-if check runs in the panel.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GuidedWhiteboardFlowTest {

    /** repo, a temporary cache, api: small enough to answer, with a rule the answers do not cover. */
    static final String DEMO = """
            {"format": 1, "name": "guided_demo", "description": "Three workers under one supervisor.",
             "cluster_nodes": 1,
             "tree": {"id": "root", "kind": "supervisor", "label": "Demo.Supervisor", "strategy": "one_for_one",
                      "children": [
                        {"id": "repo", "kind": "worker", "label": "Demo.Repo"},
                        {"id": "cache", "kind": "worker", "label": "Demo.Cache", "restart": "temporary"},
                        {"id": "api", "kind": "worker", "label": "Demo.Api"}]},
             "steps": []}
            """;

    private MainViewModel vm;
    private MainView view;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path samples = FxFlows.testGallery("canopy-guided-samples");
        Files.writeString(samples.resolve("guided_demo.canopy.json"), DEMO);
        FxFlows.MainWindow window = FxFlows.showOverGallery(stage, "canopy-guided-home", samples, 1440, 900);
        vm = window.vm();
        scene = window.scene();
        view = window.view();
    }

    private DesignCanvas canvas(FxRobot robot) {
        return robot.lookup(".design-canvas").queryAs(DesignCanvas.class);
    }

    @Test
    void guided_exercise_from_questions_to_prediction_against_outcome(FxRobot robot) throws Exception {
        DocumentViewModel doc = FxFlows.openGallerySample(robot, vm, "guided_demo");
        robot.interact(() -> view.files().guided());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#guided-whiteboard").query().isVisible()).isTrue();
        assertThat(robot.lookup("#guided-question").queryAs(Label.class).getText())
                .isEqualTo("If repo dies, should its siblings die too?");
        assertThat(canvas(robot).treeCanvas().visual("root/repo").orElseThrow().state()).isEqualTo(StyleToken.STATE_GAVE_UP);

        // repo: everyone depends on it; the others: no.
        robot.clickOn("#guided-yes");
        for (int i = 0; i < 2; i++) robot.clickOn("#guided-no");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("root: one_for_all (drawn as one_for_one)").tryQuery()).isPresent();
        robot.clickOn("#guided-run");
        WaitForAsyncUtils.waitForFxEvents();
        Label summary = robot.lookup("#guided-summary").queryAs(Label.class);
        assertThat(summary.getText()).matches("0 of 3 crashes went as your answers said");
        var lines = robot.lookup(".crash-line").queryAllAs(Label.class);
        assertThat(lines).hasSize(3);
        // repo crashes: on the one_for_all tree its siblings go down too, as answered, but the
        // temporary cache is not started again: the surprise says why.
        Label repoLine = lines.stream().filter(l -> ((CrashReport) l.getUserData()).path().equals("root/repo")).findFirst().orElseThrow();
        robot.clickOn(repoLine);
        WaitForAsyncUtils.waitForFxEvents();
        CrashReport shown = view.files().panel(doc).orElseThrow().exercise().orElseThrow().shownProperty().get();
        assertThat(shown.path()).isEqualTo("root/repo");
        assertThat(shown.held()).isFalse();
        assertThat(robot.lookup("Temporary child not restarted · cache").tryQuery()).isPresent();
        assertThat(canvas(robot).treeCanvas().visual("root/api").orElseThrow().state()).isEqualTo(StyleToken.STATE_RESTARTING);
        assertThat(canvas(robot).treeCanvas().visual("root/cache").orElseThrow().state()).isEqualTo(StyleToken.STATE_EXITED);
        shoot("guided-whiteboard.png");
        // api crashes: the answer was "no", but one_for_all (from repo's answer) takes its siblings down.
        Label apiLine = robot.lookup(".crash-line").queryAllAs(Label.class).stream()
                .filter(l -> ((CrashReport) l.getUserData()).path().equals("root/api")).findFirst().orElseThrow();
        robot.clickOn(apiLine);
        WaitForAsyncUtils.waitForFxEvents();
        shown = view.files().panel(doc).orElseThrow().exercise().orElseThrow().shownProperty().get();
        assertThat(shown.held()).isFalse();
        assertThat(robot.lookup("The strategy decides · repo").tryQuery()).isPresent();

        // Apply: the answers' strategy becomes an undoable edit.
        // (below the fold of the panel's scroll pane, so fired rather than clicked)
        robot.interact(() -> robot.lookup("#guided-apply").queryAs(javafx.scene.control.Button.class).fire());
        assertThat(((SupervisorNode) doc.design().root()).strategy()).isEqualTo(Strategy.ONE_FOR_ALL);
        robot.interact(() -> vm.report(vm.editActions().undo().run()));
        assertThat(((SupervisorNode) doc.design().root()).strategy()).isEqualTo(Strategy.ONE_FOR_ONE);
    }

    @Test
    void what_if_is_checked_against_the_simulator_in_the_panel(FxRobot robot) throws Exception {
        DocumentViewModel doc = FxFlows.openGallerySample(robot, vm, "guided_demo");
        robot.interact(() -> doc.editor().select("root/cache"));
        robot.clickOn("#tool-what-if");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#what-if-run");
        WaitForAsyncUtils.waitForFxEvents();
        Label verdict = robot.lookup("#crash-verdict").queryAs(Label.class);
        assertThat(verdict.getText()).isEqualTo("✓ Went as predicted");
        Node table = robot.lookup(".verdict-table").query();
        assertThat(table.isVisible()).isTrue();
        shoot("what-if-check.png");
    }

    private void shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> Screenshots.snapshot(scene)).get(30, TimeUnit.SECONDS);
        Screenshots.writePng(img, Path.of("target", "screenshots").resolve(name));
    }
}
