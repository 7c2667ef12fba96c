package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.FxFlows;
import dev.canopy.app.ui.main.MainViewModel;
import javafx.scene.Node;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What Prism paints under the simulator's tree canvas at every frame, in the main window as the
 * app styles it. JavaFX repaints the background of every ancestor of a changed node over the
 * changed area, and the tree canvas changes every frame of a run. In the software pipeline an
 * opaque single fill is a cheap store, but a translucent or transparent fill is blended pixel by
 * pixel, and a region with several fills is drawn from a cached image stretched over the whole
 * area: each costs milliseconds per frame over a canvas of a million pixels.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatorCanvasBackdropTest {
    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = FxFlows.showMainWindow(stage, "canopy-backdrop-home");
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void every_background_under_the_tree_canvas_is_one_opaque_fill_in_both_themes(FxRobot robot) throws Exception {
        fx(() -> vm.openFile(FxFlows.sample("strategies.canopy.json")));
        fx(vm::simulate);
        SimulatorViewModel run = vm.simulations().runs().getFirst();
        FxFlows.waitUntil(() -> run.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Node canvas = robot.lookup("#sim-canvas").query();

        assertThat(costlyBackdrops(canvas)).as("backgrounds painted under the canvas every frame (light theme)").isEmpty();
        fx(() -> vm.themeProperty().set(vm.themeProperty().get().toggled()));
        assertThat(costlyBackdrops(canvas)).as("backgrounds painted under the canvas every frame (dark theme)").isEmpty();
    }

    /** The canvas and its ancestors whose background is more than one fill, or a fill that is not opaque. */
    private static List<String> costlyBackdrops(Node canvas) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            canvas.getScene().getRoot().applyCss();
            List<String> costly = new ArrayList<>();
            for (Node n = canvas; n != null; n = n.getParent()) {
                if (!(n instanceof Region r) || r.getBackground() == null) continue;
                List<BackgroundFill> fills = r.getBackground().getFills();
                if (fills.size() > 1 || fills.stream().anyMatch(f -> !f.getFill().isOpaque())) {
                    costly.add(n.getClass().getSimpleName() + n.getStyleClass() + ": " + fills.stream().map(BackgroundFill::getFill).toList());
                }
            }
            return costly;
        }).get();
    }
}
