package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.FxFlows;
import dev.canopy.app.ui.main.MainViewModel;
import dev.canopy.app.ui.render.TreeCanvas;
import dev.canopy.diagrams.sim.SimInput;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lesson "init guarantees" in the app: the fault menu takes a worker's remote service down and brings
 * it back, and the worker's node says when it tries next.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LessonDependencyFaultsTest {
    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = FxFlows.showMainWindow(stage, "canopy-lesson-home", 1320, 840);
    }

    private static void fire(ContextMenu menu, String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow().fire()).get();
    }

    @Test
    void the_fault_menu_takes_the_remote_service_down_and_the_node_shows_the_next_attempt(FxRobot robot) throws Exception {
        SimulatorViewModel run = FxFlows.openAndSimulate(vm, "init_guarantees.canopy.json");
        TreeCanvas canvas = robot.lookup("#sim-canvas").queryAs(TreeCanvas.class);
        WaitForAsyncUtils.asyncFx(() -> run.advance(60)).get(); // the tree is up at 50 ms (the store's init)
        FxFlows.waitUntil(() -> canvas.visual("root/client").map(v -> v.sublabel().endsWith(" · connecting")).orElse(false));

        ContextMenu[] menu = new ContextMenu[1];
        WaitForAsyncUtils.asyncFx(() -> menu[0] = FaultMenu.forNode(run, "root/client", f -> { })).get();
        assertThat(menu[0].getItems()).filteredOn(i -> i.getId() != null && i.getId().startsWith("fault-dependency"))
                .extracting(MenuItem::getText).containsExactly("Take its remote service down", "Bring its remote service back");
        WaitForAsyncUtils.asyncFx(() -> menu[0] = FaultMenu.forNode(run, "root/store", f -> { })).get();
        assertThat(menu[0].getItems()).extracting(MenuItem::getText)
                .contains("Take its local dependency down (it crashes; init fails while down)");

        WaitForAsyncUtils.asyncFx(() -> menu[0] = FaultMenu.forNode(run, "root/client", f -> { })).get();
        fire(menu[0], "fault-dependency-down");
        FxFlows.waitUntil(() -> run.inputs().size() == 1);
        assertThat(run.inputs().getFirst().input()).isEqualTo(new SimInput.DependencyDown("root/client"));
        // The first attempt (50 to 130 ms) fails: the node shows when the next one is.
        WaitForAsyncUtils.asyncFx(() -> run.advance(200)).get();
        FxFlows.waitUntil(() -> canvas.visual("root/client").map(v -> v.sublabel().contains("down · try 2 at 230 ms")).orElse(false));

        fire(menu[0], "fault-dependency-up");
        WaitForAsyncUtils.asyncFx(() -> run.advance(200)).get();
        FxFlows.waitUntil(() -> canvas.visual("root/client").map(v -> !v.sublabel().contains("·")).orElse(false));
        assertThat(run.events()).anyMatch(e -> e.text().equals("server: connect attempt 2 succeeded: connected to its remote service"));
        WaitForAsyncUtils.asyncFx(() -> vm.simulations().close(run)).get();
    }
}
