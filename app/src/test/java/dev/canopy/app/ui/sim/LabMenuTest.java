package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.canopy.diagrams.sim.SimEvent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The fault menu's Pattern lab submenu: its items inject the lessons' inputs, which the engine then really carries out. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabMenuTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    private static MenuItem find(List<MenuItem> items, String id) {
        for (var i : items) {
            if (id.equals(i.getId())) return i;
            if (i instanceof Menu m) {
                var found = findOrNull(m.getItems(), id);
                if (found != null) return found;
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    private static MenuItem findOrNull(List<MenuItem> items, String id) {
        try {
            return find(items, id);
        } catch (AssertionError e) {
            return null;
        }
    }

    private static List<String> log(SimulatorViewModel vm) {
        return vm.events().stream().map(SimEvent::text).toList();
    }

    @Test
    void jumping_the_clock_from_the_menu_during_a_timed_job_shows_both_durations() throws Exception {
        var vm = new SimulatorViewModel(Samples.load("monotonic_time"), 1, Runnable::run);
        vm.run();
        vm.pull();
        ContextMenu[] menu = new ContextMenu[1];
        WaitForAsyncUtils.asyncFx(() -> menu[0] = FaultMenu.forNode(vm, "root/meter", f -> { })).get();
        WaitForAsyncUtils.asyncFx(() -> find(menu[0].getItems(), "fault-lab-timed-job").fire()).get();
        vm.advance(500);
        WaitForAsyncUtils.asyncFx(() -> find(menu[0].getItems(), "fault-lab-clock-86400000").fire()).get();
        vm.advance(2000);
        vm.pull();
        assertThat(log(vm)).anyMatch(t -> t.equals("job done: by monotonic time it took 2000 ms; by system time 86402000 ms"
                + " — wrong by 86400000 ms: the system clock was moved during the job"));
        assertThat(log(vm)).contains("you: make root/meter time a 2000 ms job", "you: jump the system clock forward 86400000 ms");
    }

    @Test
    void the_fan_out_and_request_items_run_on_the_samples_workers() throws Exception {
        var vm = new SimulatorViewModel(Samples.load("task_fanout"), 1, Runnable::run);
        vm.run();
        vm.pull();
        ContextMenu[] menu = new ContextMenu[1];
        WaitForAsyncUtils.asyncFx(() -> menu[0] = FaultMenu.forNode(vm, "root/aggregator", f -> { })).get();
        assertThat(find(menu[0].getItems(), "fault-lab-async-nolink").isDisable()).as("a task supervisor is beside it").isFalse();
        WaitForAsyncUtils.asyncFx(() -> find(menu[0].getItems(), "fault-lab-yield-many").fire()).get();
        vm.advance(1000);
        vm.pull();
        assertThat(log(vm)).contains("deadline at +450 ms: shard1 had no result yet; Task.shutdown stopped its task");

        var shop = new SimulatorViewModel(Samples.load("request_metadata"), 1, Runnable::run);
        shop.run();
        shop.pull();
        WaitForAsyncUtils.asyncFx(() -> menu[0] = FaultMenu.forNode(shop, "root/api", f -> { })).get();
        assertThat(find(menu[0].getItems(), "fault-lab-request").getText()).isEqualTo("Send a request through orders, stock, pricing with a deadline of…");
        WaitForAsyncUtils.asyncFx(() -> find(menu[0].getItems(), "fault-lab-request-250").fire()).get();
        shop.advance(1000);
        shop.pull();
        assertThat(log(shop)).anyMatch(t -> t.startsWith("[trace_id=req-0 deadline_in=50ms] pricing has 50 ms left"));
    }

    @Test
    void with_nothing_selected_the_simulators_inspector_shows_the_samples_lesson_card() throws Exception {
        var vm = new SimulatorViewModel(Samples.load("task_fanout"), 1, Runnable::run);
        vm.run();
        vm.pull();
        ProcessInspectorView[] view = new ProcessInspectorView[1];
        WaitForAsyncUtils.asyncFx(() -> view[0] = new ProcessInspectorView(vm)).get();
        var pane = (javafx.scene.control.ScrollPane) view[0].lookup("#process-lesson-card-pane");
        var card = (javafx.scene.control.Label) pane.getContent();
        assertThat(card.getText()).startsWith("Task fan-out three ways on the same tasks").contains("Watch the log");
        assertThat(pane.isVisible()).isTrue();
        WaitForAsyncUtils.asyncFx(() -> vm.selectedPathProperty().set("root/aggregator")).get();
        assertThat(pane.isVisible()).isFalse();
    }
}
