package dev.canopy.app.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.FxFlows;
import dev.canopy.app.ui.Screenshots;
import dev.canopy.app.ui.canvas.DesignCanvas;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.edit.Dragged;
import dev.canopy.app.ui.theme.ThemeMode;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.DesignKind;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.LoadResult;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.engine.supervisor.Strategy;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The editor end to end, headless: palette drops build a tree on the canvas, a click selects,
 * the inspector changes a strategy through the undo stack, Ctrl+Z undoes it, Ctrl+S saves, the
 * file reloads, the export dialog writes an Elixir project; and a screenshot of the editor.
 * The drops go through {@link DesignCanvas#drop}, the method the canvas's drag-dropped handler
 * calls (Monocle has no native drag gesture).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EditorFlowTest {

    @TempDir
    Path tmp;

    private MainViewModel vm;
    private MainView view;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        FxFlows.MainWindow window = FxFlows.showOverGallery(stage, "canopy-editor-home",
                FxFlows.testGallery("canopy-editor-samples"), 1440, 900);
        vm = window.vm();
        scene = window.scene();
        view = window.view();
    }

    private DesignCanvas canvas(FxRobot robot) {
        return robot.lookup(".design-canvas").queryAs(DesignCanvas.class);
    }

    private Point2D centreOf(FxRobot robot, String path, double fx) {
        WaitForAsyncUtils.waitForFxEvents();
        Rectangle2D r = canvas(robot).treeCanvas().screenRect(path).orElseThrow();
        return new Point2D(r.getMinX() + r.getWidth() * fx, r.getMinY() + r.getHeight() / 2);
    }

    private void dropAt(FxRobot robot, DesignKind kind, Point2D p) {
        robot.interact(() -> canvas(robot).drop(Dragged.of(kind), p.getX(), p.getY()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void build_edit_undo_save_reload_export(FxRobot robot) throws Exception {
        robot.clickOn("#blank-design");
        DocumentViewModel doc = vm.activeProperty().get();
        String root = doc.design().root().id();

        // palette → canvas: a supervisor on the background goes inside the root
        dropAt(robot, DesignKind.SUPERVISOR, new Point2D(20, 20));
        assertThat(doc.design().root().children()).hasSize(1);
        String sup = root + "/" + doc.design().root().children().get(0).id();
        // a worker onto the middle of the new supervisor goes inside it
        dropAt(robot, DesignKind.WORKER, centreOf(robot, sup, 0.5));
        SupervisorNode s = (SupervisorNode) doc.node(sup).orElseThrow();
        assertThat(s.children()).hasSize(1);
        String w1 = sup + "/" + s.children().get(0).id();
        // a registry onto the left edge of the worker goes before it, among its siblings
        dropAt(robot, DesignKind.REGISTRY, centreOf(robot, w1, 0.1));
        s = (SupervisorNode) doc.node(sup).orElseThrow();
        assertThat(s.children()).extracting(DesignNode::kind).containsExactly(DesignKind.REGISTRY, DesignKind.WORKER);
        assertThat(doc.processCountBinding().get()).isEqualTo(4);
        assertThat(vm.windowTitleProperty().get()).startsWith("• ");

        // a click on the root selects it; the inspector shows its strategy
        Point2D rootAt = centreOf(robot, root, 0.5);
        robot.clickOn(canvas(robot).localToScreen(rootAt));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.editor().selection()).contains(root);
        // a segmented chooser (ControlsFX SegmentedButton): every strategy in sight, one click
        robot.clickOn("#inspector-strategy-one_for_all");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((SupervisorNode) doc.design().root()).strategy()).isEqualTo(Strategy.ONE_FOR_ALL);
        assertThat(vm.editActions().undo().textProperty().get()).startsWith("Undo ");

        // a label typed in the inspector is one undo step; a bad id shows an inline message
        TextField label = robot.lookup("#inspector-label").queryAs(TextField.class);
        robot.interact(() -> label.setText("MyApp.Supervisor"));
        assertThat(doc.design().root().label()).isEqualTo("MyApp.Supervisor");
        robot.interact(() -> doc.editor().endTyping());

        // Ctrl+Z twice: the label, then the strategy
        robot.clickOn(canvas(robot).localToScreen(rootAt));
        key(robot, KeyCode.Z, true);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.design().root().label()).isEmpty();
        key(robot, KeyCode.Z, true);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((SupervisorNode) doc.design().root()).strategy()).isEqualTo(Strategy.ONE_FOR_ONE);

        // Delete removes the selected worker; Ctrl+Z brings it back
        robot.interact(() -> doc.editor().select(w1));
        key(robot, KeyCode.DELETE, false);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.node(w1)).isEmpty();
        key(robot, KeyCode.Z, true);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.node(w1)).isPresent();

        // Ctrl+S on a new design asks where (answered by the test), saves atomically, clean afterwards
        Path file = tmp.resolve("flow.canopy.json");
        view.files().saveTarget = d -> Optional.of(file);
        key(robot, KeyCode.S, true);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(file).exists();
        assertThat(doc.dirtyProperty().get()).isFalse();
        assertThat(vm.windowTitleProperty().get()).doesNotStartWith("• ");
        assertThat(vm.startPage().recent()).anySatisfy(r -> assertThat(r.path()).isEqualTo(file.toAbsolutePath().normalize()));
        Design saved = doc.design();

        // close and reload from the file
        robot.interact(() -> vm.close(doc));
        robot.interact(() -> vm.openFile(file));
        WaitForAsyncUtils.waitForFxEvents();
        DocumentViewModel reloaded = vm.activeProperty().get();
        assertThat(reloaded).isNotSameAs(doc);
        assertThat(reloaded.design().root()).isEqualTo(saved.root());
        assertThat(DesignFiles.load(file)).isInstanceOf(LoadResult.Loaded.class);

        // an unsaved change prompts on close; Cancel keeps the design open
        robot.interact(() -> reloaded.editor().select(reloaded.design().root().id()));
        robot.interact(() -> vm.report(reloaded.editor().duplicate()));
        robot.interact(() -> reloaded.descriptionProperty().set("changed"));
        assertThat(reloaded.dirtyProperty().get()).isTrue();
        view.files().closePrompt = d -> javafx.scene.control.ButtonType.CANCEL;
        robot.interact(() -> assertThat(view.files().confirmClose(reloaded)).isFalse());
        view.files().closePrompt = d -> FileActions.DONT_SAVE;
        robot.interact(() -> assertThat(view.files().confirmClose(reloaded)).isTrue());

        // export Elixir through the dialog's model: preview, then write
        Path out = tmp.resolve("elixir");
        List<Path>[] written = new List[1];
        robot.interact(() -> {
            ExportDialog dialog = new ExportDialog(saved, ThemeMode.LIGHT, vm.log(), null);
            dialog.content();
            dialog.format.setValue("elixir");
            assertThat(dialog.files.getItems()).isNotEmpty();
            assertThat(dialog.text.getText()).isNotBlank();
            written[0] = dialog.write(out);
            dialog.format.setValue("png");
            assertThat(dialog.image.getImage()).isNotNull();
            assertThat(dialog.image.getImage().getWidth()).isGreaterThan(100);
        });
        assertThat(written[0]).isNotEmpty().allSatisfy(p -> assertThat(p).exists());
        assertThat(out.resolve("mix.exs")).exists();
    }

    @Test
    void what_if_highlights_and_explains(FxRobot robot) throws Exception {
        DocumentViewModel doc = FxFlows.openGallerySample(robot, vm, "Web app");
        robot.interact(() -> doc.editor().select("root/repo"));
        robot.clickOn("#tool-what-if");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#whiteboard-panel").query().isVisible()).isTrue();
        assertThat(robot.lookup("What if 'repo' dies?").tryQuery()).isPresent();
        assertThat(canvas(robot).treeCanvas().visual("root/repo").orElseThrow().state())
                .isEqualTo(dev.canopy.diagrams.render.StyleToken.STATE_GAVE_UP);
        shoot("what-if.png");

        robot.interact(() -> view.files().advisor());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Design advisor").queryAs(Label.class).isVisible()).isTrue();
        var cards = robot.lookup(".advice-card").queryAll();
        if (!cards.isEmpty()) {
            var first = (dev.canopy.diagrams.whiteboard.Advice) cards.iterator().next().getUserData();
            robot.clickOn(cards.iterator().next());
            WaitForAsyncUtils.waitForFxEvents();
            if (doc.node(first.path()).isPresent()) assertThat(doc.editor().selection()).contains(first.path());
        }
        shoot("advisor.png");
    }

    @Test
    void the_wizard_applies_its_proposals_as_undoable_edits(FxRobot robot) {
        DocumentViewModel doc = FxFlows.openGallerySample(robot, vm, "Web app");
        Design before = doc.design();
        java.util.Map<String, dev.canopy.diagrams.whiteboard.StrategyWizard.Answer> answers = new java.util.LinkedHashMap<>();
        for (var q : dev.canopy.diagrams.whiteboard.StrategyWizard.questions(before)) {
            answers.put(q.childPath(), dev.canopy.diagrams.whiteboard.StrategyWizard.Answer.YES_ALL);
        }
        robot.interact(() -> view.files().applyWizard(doc, answers));
        assertThat(((SupervisorNode) doc.design().root()).strategy()).isEqualTo(Strategy.ONE_FOR_ALL);
        assertThat(doc.dirtyProperty().get()).isTrue();
        robot.interact(() -> vm.report(vm.editActions().undo().run()));
        assertThat(doc.design()).isEqualTo(before);
    }

    @Test
    void screenshot_of_the_editor(FxRobot robot) throws Exception {
        DocumentViewModel doc = FxFlows.openGallerySample(robot, vm, "Web app");
        robot.interact(() -> doc.editor().select("root/sessions"));
        Path f = shoot("editor.png");
        assertThat(Files.size(f)).isGreaterThan(10_000);
    }

    /** A key press through the scene (the menus' accelerators); Monocle's robot cannot type keys here. */
    private void key(FxRobot robot, KeyCode code, boolean ctrl) {
        robot.interact(() -> {
            javafx.scene.Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
            javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                    "", "", code, false, ctrl, false, false));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Path shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400); // the canvas draws on the next pulses (and glides for 200 ms)
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> Screenshots.snapshot(scene)).get(30, TimeUnit.SECONDS);
        return Screenshots.writePng(img, Path.of("target", "screenshots").resolve(name));
    }
}
