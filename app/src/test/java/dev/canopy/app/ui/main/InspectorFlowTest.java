package dev.canopy.app.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.FxFlows;
import dev.canopy.app.ui.Screenshots;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.scenario.InitOutcome;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;
import javafx.event.ActionEvent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
 * The inspector edits every field of the selected node through the undo stack and shows the
 * validator's messages under each field; "Find process" selects and centres a node.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InspectorFlowTest {

    private MainViewModel vm;
    private MainView view;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        FxFlows.MainWindow window = FxFlows.showOverGallery(stage, "canopy-inspector-home",
                FxFlows.testGallery("canopy-inspector-samples"), 1440, 900);
        vm = window.vm();
        scene = window.scene();
        view = window.view();
    }

    private DocumentViewModel openWebApp(FxRobot robot) {
        return FxFlows.openGallerySample(robot, vm, "Web app");
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(FxRobot robot, String field) {
        return robot.lookup("#inspector-" + field.replace('.', '-')).queryAs(ComboBox.class);
    }

    private TextField text(FxRobot robot, String field) {
        return robot.lookup("#inspector-" + field.replace('.', '-')).queryAs(TextField.class);
    }

    private Label problem(FxRobot robot, String field) {
        return robot.lookup("#inspector-problem-" + field.replace('.', '-')).queryAs(Label.class);
    }

    /** Types into a parsed field and presses Enter. */
    private void enter(FxRobot robot, String field, String value) {
        robot.interact(() -> {
            TextField tf = text(robot, field);
            tf.setText(value);
            tf.fireEvent(new ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private WorkerNode repo(DocumentViewModel doc) {
        return (WorkerNode) doc.node("root/repo").orElseThrow();
    }

    @Test
    void restart_and_shutdown_change_the_design_and_undo_reverts_each(FxRobot robot) {
        DocumentViewModel doc = openWebApp(robot);
        robot.interact(() -> doc.editor().select("root/repo"));
        Design before = doc.design();

        robot.interact(() -> combo(robot, "restart").setValue(Restart.TRANSIENT));
        assertThat(repo(doc).spec().restart()).isEqualTo(Restart.TRANSIENT);
        robot.interact(() -> combo(robot, "shutdown").setValue("brutal_kill"));
        assertThat(repo(doc).spec().shutdown()).isEqualTo(Shutdown.BRUTAL_KILL);
        assertThat(repo(doc).spec().restart()).isEqualTo(Restart.TRANSIENT);
        // the inspector shows the new values
        assertThat(combo(robot, "restart").getValue()).isEqualTo(Restart.TRANSIENT);
        assertThat(combo(robot, "shutdown").getValue()).isEqualTo("brutal_kill");

        robot.interact(() -> vm.report(doc.editor().undo()));
        assertThat(repo(doc).spec().shutdown()).isEqualTo(new Shutdown.Timeout(5000));
        assertThat(repo(doc).spec().restart()).isEqualTo(Restart.TRANSIENT);
        assertThat(combo(robot, "shutdown").getValue()).isEqualTo("5000");
        robot.interact(() -> vm.report(doc.editor().undo()));
        assertThat(repo(doc).spec().restart()).isEqualTo(Restart.PERMANENT);
        assertThat(doc.design()).isEqualTo(before);

        // a shutdown that does not parse shows why and changes nothing
        robot.interact(() -> combo(robot, "shutdown").setValue("soon"));
        assertThat(doc.design()).isEqualTo(before);
        assertThat(problem(robot, "shutdown").isVisible()).isTrue();
        assertThat(problem(robot, "shutdown").getText()).contains("'soon' is not brutal_kill, infinity or a time in ms");
    }

    @Test
    void invalid_numbers_show_messages_under_the_field(FxRobot robot) {
        DocumentViewModel doc = openWebApp(robot);
        robot.interact(() -> doc.editor().select("root"));
        assertThat(problem(robot, "max_restarts").isVisible()).isFalse();

        // the validator's message for a negative max_restarts, under the field
        enter(robot, "max_restarts", "-1");
        assertThat(((SupervisorNode) doc.design().root()).maxRestarts()).isEqualTo(-1);
        assertThat(problem(robot, "max_restarts").isVisible()).isTrue();
        assertThat(problem(robot, "max_restarts").getText()).contains("max_restarts must be 0 or more, not -1");
        // and a ControlsFX validation decoration on the field itself
        WaitForAsyncUtils.waitForFxEvents();
        var validation = robot.lookup("#inspector").queryAs(dev.canopy.app.ui.inspector.InspectorView.class).validation().orElseThrow();
        assertThat(validation.getHighestMessage(text(robot, "max_restarts"))).hasValueSatisfying(m -> {
            assertThat(m.getSeverity()).isEqualTo(org.controlsfx.validation.Severity.ERROR);
            assertThat(m.getText()).contains("max_restarts must be 0 or more");
        });
        assertThat(validation.getHighestMessage(text(robot, "max_seconds"))).isEmpty();

        // text that is not a number: a message, and the design is unchanged
        Design before = doc.design();
        enter(robot, "max_seconds", "abc");
        assertThat(doc.design()).isEqualTo(before);
        assertThat(problem(robot, "max_seconds").getText()).contains("'abc' is not a whole number");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#inspector").queryAs(dev.canopy.app.ui.inspector.InspectorView.class).validation().orElseThrow()
                .getHighestMessage(text(robot, "max_seconds"))).hasValueSatisfying(m -> assertThat(m.getText()).contains("'abc'"));

        robot.interact(() -> vm.report(doc.editor().undo()));
        assertThat(((SupervisorNode) doc.design().root()).maxRestarts()).isEqualTo(1);
        assertThat(problem(robot, "max_restarts").isVisible()).isFalse();
    }

    @Test
    void worker_simulation_naming_and_registry_fields(FxRobot robot) {
        DocumentViewModel doc = openWebApp(robot);
        robot.interact(() -> doc.editor().select("root/repo"));
        Design before = doc.design();
        enter(robot, "sim.init_ms", "250");
        assertThat(repo(doc).sim().initDurationMs()).isEqualTo(250);
        robot.interact(() -> combo(robot, "init").setValue("ok,crash"));
        assertThat(repo(doc).sim().init()).isEqualTo(new InitBehaviour.Sequence(
                java.util.List.of(InitOutcome.OK, InitOutcome.CRASH)));
        robot.interact(() -> robot.lookup("#inspector-trap_exit").queryAs(CheckBox.class).setSelected(true));
        assertThat(repo(doc).sim().trapExit()).isTrue();
        enter(robot, "sim.message_rate_per_s", "2.5");
        assertThat(repo(doc).sim().messageRatePerSecond()).isEqualTo(2.5);
        enter(robot, "sim.call_latency_ms", "-3");
        assertThat(problem(robot, "sim.call_latency_ms").getText()).contains("call_latency_ms must be 0 or more");

        robot.interact(() -> combo(robot, "name.scope").setValue("via"));
        assertThat(repo(doc).naming()).isInstanceOf(Naming.Via.class);
        robot.interact(() -> combo(robot, "name.registry").setValue("pubsub"));
        assertThat(((Naming.Via) repo(doc).naming()).registryId()).isEqualTo("pubsub");

        robot.interact(() -> doc.editor().select("root/pubsub"));
        robot.interact(() -> combo(robot, "keys").setValue(RegistryNode.Keys.DUPLICATE));
        assertThat(((RegistryNode) doc.node("root/pubsub").orElseThrow()).keys()).isEqualTo(RegistryNode.Keys.DUPLICATE);

        // every change was one undo step
        for (int i = 0; i < 8; i++) robot.interact(() -> vm.report(doc.editor().undo()));
        assertThat(doc.design()).isEqualTo(before);

        // nothing selected: the design's own fields
        robot.interact(() -> doc.editor().select(null));
        enter(robot, "cluster_nodes", "3");
        assertThat(doc.design().clusterNodes()).isEqualTo(3);
        enter(robot, "cluster_nodes", "0");
        assertThat(problem(robot, "cluster_nodes").getText()).contains("cluster_nodes must be at least 1");
    }

    @Test
    void find_selects_the_node_and_closes(FxRobot robot) {
        DocumentViewModel doc = openWebApp(robot);
        robot.interact(() -> view.find());
        FindPopup find = view.findPopup();
        assertThat(find.popup.isShowing()).isTrue();
        assertThat(find.list.getItems()).hasSize(6);
        robot.interact(() -> find.field.setText("ENDP"));
        assertThat(find.list.getItems()).extracting(FindProcess.Match::path).containsExactly("root/endpoint");
        robot.interact(() -> find.field.setText("sess"));
        assertThat(find.list.getItems()).extracting(FindProcess.Match::path)
                .containsExactly("root/sessions", "root/sessions/session");
        robot.interact(() -> find.field.fireEvent(new ActionEvent()));
        assertThat(doc.editor().selection()).contains("root/sessions");
        assertThat(find.popup.isShowing()).isFalse();
        // by label too
        assertThat(FindProcess.matches(doc.design(), "myapp.repo")).extracting(FindProcess.Match::path)
                .containsExactly("root/repo");
    }

    @Test
    void screenshot_of_the_inspector(FxRobot robot) throws Exception {
        DocumentViewModel doc = openWebApp(robot);
        robot.interact(() -> doc.editor().select("root/repo"));
        robot.interact(() -> combo(robot, "restart").setValue(Restart.TRANSIENT));
        enter(robot, "sim.call_latency_ms", "-3");
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> Screenshots.snapshot(scene)).get(30, TimeUnit.SECONDS);
        Path f = Screenshots.writePng(img, Path.of("target", "screenshots").resolve("inspector.png"));
        assertThat(Files.size(f)).isGreaterThan(10_000);
        // the lower groups too: scrolled to the end
        robot.interact(() -> robot.lookup("#node-inspector").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage lower = WaitForAsyncUtils.asyncFx(() -> Screenshots.snapshot(scene)).get(30, TimeUnit.SECONDS);
        Screenshots.writePng(lower, Path.of("target", "screenshots").resolve("inspector-lower.png"));
    }
}
