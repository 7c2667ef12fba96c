package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.FxFlows;
import dev.canopy.app.ui.main.MainViewModel;
import dev.canopy.app.ui.render.TreeCanvas;
import dev.canopy.diagrams.render.StyleToken;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The simulator in the main window, headless: Run opens a tab whose canvas follows the run. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SimulatorViewTest {
    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = FxFlows.showMainWindow(stage, "canopy-sim-home");
    }

    private static Stage compareWindow() {
        return FxFlows.windowTitled("Compare strategies");
    }

    /** Writes what the person would see into target/screenshots, for looking at. */
    private static void shoot(Scene scene, String name) throws Exception {
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = dev.canopy.app.ui.Screenshots.snapshot(scene)).get();
        dev.canopy.app.ui.Screenshots.writePng(image[0], Path.of("target", "screenshots", name));
    }

    @Test
    void run_opens_a_simulator_tab_whose_canvas_shows_faults_and_restarts(FxRobot robot) throws Exception {
        FxFlows.openAndSimulate(vm, "strategies.canopy.json");

        assertThat(vm.simulations().runs()).as("runs; log: %s", vm.log().entries()).hasSize(1);
        TabPane tabs = robot.lookup("#centre-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("sim-tab");
        SimulatorViewModel run = vm.simulations().runs().getFirst();
        TreeCanvas canvas = robot.lookup("#sim-canvas").queryAs(TreeCanvas.class);
        FxFlows.waitUntil(() -> canvas.treeLayout().map(l -> l.size() == 13).orElse(false));
        assertThat(canvas.visual("root/one_for_all/b").orElseThrow().state()).isEqualTo(StyleToken.STATE_RUNNING);
        assertThat(robot.lookup("#simulator-toolbar").tryQuery()).isPresent();
        assertThat(robot.lookup("#sim-timeline").tryQuery()).isPresent();
        assertThat(robot.lookup("#sim-log-list").tryQuery()).isPresent();

        // the fault menu of a worker has every fault
        ContextMenu[] menu = new ContextMenu[1];
        WaitForAsyncUtils.asyncFx(() -> menu[0] = FaultMenu.forNode(run, "root/one_for_all/b", f -> { })).get();
        assertThat(menu[0].getItems()).extracting(MenuItem::getId).contains("fault-kill", "fault-exit", "fault-raise",
                "fault-fail-init", "fault-hang", "fault-flood", "fault-slow-terminate", "fault-call", "fault-compare");

        // a crash under one_for_all restarts the siblings: the canvas restyles them in place
        var before = canvas.screenRect("root/one_for_all/a").orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> menu[0].getItems().stream().filter(i -> "fault-raise".equals(i.getId()))
                .findFirst().orElseThrow().fire()).get();
        FxFlows.waitUntil(() -> canvas.visual("root/one_for_all/a").map(v -> v.restarts() == 1).orElse(false));
        assertThat(canvas.screenRect("root/one_for_all/a").orElseThrow()).isEqualTo(before);
        assertThat(run.inputs()).hasSize(1);
        assertThat(run.events()).anyMatch(e -> e.text().contains("one_for_all"));
        shoot(robot.lookup("#sim-canvas").queryAs(TreeCanvas.class).getScene(), "simulation-restart.png");

        // the three strategies side by side, for the same fault
        WaitForAsyncUtils.asyncFx(vm::compareStrategies).get();
        WaitForAsyncUtils.waitForFxEvents();
        FxFlows.waitUntil(() -> compareWindow() != null
                && compareWindow().getScene().getRoot() instanceof CompareView view
                && view.canvas(2).treeLayout().isPresent());
        Stage compare = compareWindow();
        assertThat(compare.getTitle()).startsWith("Compare strategies");
        shoot(compare.getScene(), "compare.png");
        WaitForAsyncUtils.asyncFx(compare::close).get();

        // closing the tab ends the run
        WaitForAsyncUtils.asyncFx(() -> tabs.getTabs().remove(tabs.getSelectionModel().getSelectedItem())).get();
        WaitForAsyncUtils.asyncFx(() -> vm.simulations().close(run)).get();
        assertThat(vm.simulations().runs()).isEmpty();
    }
}
