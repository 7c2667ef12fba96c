package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.FxFlows;
import dev.canopy.app.ui.main.MainViewModel;
import dev.canopy.diagrams.sequence.SequenceDiagram;
import dev.canopy.diagrams.sim.SimInput;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A run's sequence diagram from the Simulate menu: calls, replies and EXIT arrows drawn; saved as Mermaid and SVG. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SequenceFlowTest {
    private MainViewModel vm;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) throws Exception {
        vm = FxFlows.showMainWindow(stage, "canopy-seq-home");
    }

    private static Stage sequenceWindow() {
        return FxFlows.windowTitled("Sequence");
    }

    @Test
    void the_simulate_menu_shows_the_runs_sequence_diagram_and_saves_it(FxRobot robot) throws Exception {
        SimulatorViewModel run = FxFlows.openAndSimulate(vm, "strategies.canopy.json");
        FxFlows.waitUntil(() -> run.runningProperty().get());
        WaitForAsyncUtils.asyncFx(() -> run.inject(new SimInput.Call("root/one_for_all/b", 1000))).get();
        WaitForAsyncUtils.asyncFx(() -> run.raise("root/one_for_all/b")).get();
        FxFlows.waitUntil(() -> run.inputs().size() == 2);

        MenuItem item = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "menu-sequence".equals(i.getId())).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(item::fire).get();
        FxFlows.waitUntil(() -> sequenceWindow() != null && vm.simulations().sequences().size() == 1
                && vm.simulations().sequences().getFirst().diagramProperty().get() != null);
        SequenceViewModel seq = vm.simulations().sequences().getFirst();
        SequenceDiagram d = seq.diagramProperty().get();
        assertThat(d.items()).anyMatch(i -> i instanceof SequenceDiagram.Message m && m.kind() == SequenceDiagram.Kind.CALL);
        assertThat(d.items()).anyMatch(i -> i instanceof SequenceDiagram.Message m && m.kind() == SequenceDiagram.Kind.REPLY);
        assertThat(d.items()).anyMatch(i -> i instanceof SequenceDiagram.Message m && m.kind() == SequenceDiagram.Kind.EXIT);
        Stage window = sequenceWindow();
        Pane drawing = (Pane) window.getScene().lookup("#sequence-drawing");
        FxFlows.waitUntil(() -> drawing.getChildren().stream().anyMatch(n -> n.getStyleClass().contains("sequence-exit")));
        assertThat(drawing.getChildren().stream().filter(n -> n instanceof Line).count()).isGreaterThan(d.lifelines().size());

        Path mmd = tmp.resolve("run.mmd");
        Path svg = tmp.resolve("run.svg");
        assertThat(seq.save(mmd, SequenceViewModel.Format.MERMAID)).isInstanceOf(SequenceViewModel.Saved.Written.class);
        assertThat(seq.save(svg, SequenceViewModel.Format.SVG)).isInstanceOf(SequenceViewModel.Saved.Written.class);
        assertThat(Files.readString(mmd)).startsWith("sequenceDiagram\n").contains("->>").contains("-x");
        assertThat(Files.readString(svg)).startsWith("<svg").contains("class=\"msg exit\"");
        assertThat(seq.save(tmp.resolve("missing/dir/run.svg"), SequenceViewModel.Format.SVG))
                .isInstanceOf(SequenceViewModel.Saved.Failed.class);
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = dev.canopy.app.ui.Screenshots.snapshot(window.getScene())).get();
        dev.canopy.app.ui.Screenshots.writePng(image[0], Path.of("target", "screenshots", "sequence.png"));
        WaitForAsyncUtils.asyncFx(window::close).get();
        assertThat(vm.simulations().sequences()).isEmpty();
    }
}
