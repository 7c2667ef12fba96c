package dev.canopy.app.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.FxFlows;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.diagrams.design.CallPolicy;
import dev.canopy.diagrams.design.Dependency;
import dev.canopy.diagrams.design.Outage;
import dev.canopy.diagrams.design.WorkerNode;
import javafx.event.ActionEvent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lessons' simulator-only fields (a dependency's outages, a worker's calls) are not edited by the
 * inspector, and editing the fields it does show keeps them.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LessonFieldsInspectorTest {
    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = FxFlows.showMainWindow(stage, "canopy-lesson-fields-home", 1440, 900);
    }

    private static Path sample(String name) {
        return FxFlows.sample(name + ".canopy.json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void editing_a_dependency_keeps_its_outages_and_editing_a_caller_keeps_its_calls(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.openFile(sample("init_guarantees"))).get();
        WaitForAsyncUtils.waitForFxEvents();
        DocumentViewModel doc = vm.activeProperty().get();
        robot.interact(() -> doc.editor().select("root/client"));
        robot.interact(() -> {
            TextField backoff = robot.lookup("#inspector-sim-dependency-backoff_ms").queryAs(TextField.class);
            backoff.setText("250");
            backoff.fireEvent(new ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        Dependency dep = ((WorkerNode) doc.node("root/client").orElseThrow()).sim().dependency();
        assertThat(dep.backoffMs()).isEqualTo(250);
        assertThat(dep.outages()).containsExactly(new Outage(0, 1500));
        robot.interact(() -> robot.lookup("#inspector-sim-dependency-connect").queryAs(ComboBox.class)
                .setValue(Dependency.Connect.SYNC_IN_INIT));
        assertThat(((WorkerNode) doc.node("root/client").orElseThrow()).sim().dependency().outages()).isEqualTo(List.of(new Outage(0, 1500)));

        WaitForAsyncUtils.asyncFx(() -> vm.openFile(sample("callers_decide"))).get();
        WaitForAsyncUtils.waitForFxEvents();
        DocumentViewModel callers = vm.activeProperty().get();
        robot.interact(() -> callers.editor().select("root/ops"));
        robot.interact(() -> {
            TextField latency = robot.lookup("#inspector-sim-call_latency_ms").queryAs(TextField.class);
            latency.setText("5");
            latency.fireEvent(new ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        WorkerNode ops = (WorkerNode) callers.node("root/ops").orElseThrow();
        assertThat(ops.sim().callLatencyMs()).isEqualTo(5);
        assertThat(ops.sim().calls().policy()).isEqualTo(CallPolicy.ALERT);
        // shown, read-only, so that nothing in the file is hidden
        assertThat(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class)).extracting(javafx.scene.control.Label::getText)
                .contains("root/inventory every 500 ms (timeout 500 ms); on an error: alert (simulator only; edit in the file)");
    }
}
