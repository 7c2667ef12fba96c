package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.FxFlows;
import dev.canopy.app.ui.main.MainViewModel;
import dev.canopy.diagrams.sim.SimInput;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The simulator's own inspector in the main window, headless: a selected process, its mailbox, tab switching, F5. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SimulatorInspectorFlowTest {
    private MainViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        vm = FxFlows.showMainWindow(stage, "canopy-siminsp-home");
        stage.titleProperty().bind(vm.windowTitleProperty());
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void selecting_a_flooded_process_shows_its_mailbox_and_switching_tabs_updates_title_and_inspector(FxRobot robot)
            throws Exception {
        Path sample = FxFlows.sample("strategies.canopy.json");
        fx(() -> vm.openFile(sample));
        String designTitle = stage.getTitle();
        fx(vm::simulate);
        SimulatorViewModel run = vm.simulations().runs().getFirst();
        FxFlows.waitUntil(() -> run.runningProperty().get());
        assertThat(stage.getTitle()).isEqualTo("Simulating strategies — Canopy");
        assertThat(robot.lookup("#process-inspector").tryQuery()).as("the inspector shows the run").isPresent();

        fx(() -> {
            run.selectedPathProperty().set("root/one_for_one/b");
            run.inject(new SimInput.Flood("root/one_for_one/b", 40));
            run.inject(new SimInput.Send("root/one_for_one/b", "the_newest"));
        });
        @SuppressWarnings("unchecked")
        ListView<String> mailbox = robot.lookup("#process-mailbox").queryAs(ListView.class);
        FxFlows.waitUntil(() -> !mailbox.getItems().isEmpty());
        assertThat(mailbox.getItems().getLast()).isEqualTo("\"the_newest\"");
        assertThat(mailbox.getItems()).hasSizeGreaterThan(10);
        assertThat(robot.lookup("#process-title").queryAs(Label.class).getText()).isEqualTo("b");
        assertThat(robot.lookup("#process-pid").queryAs(Label.class).getText())
                .isEqualTo(run.statesProperty().get().get("root/one_for_one/b").pid());
        assertThat(robot.lookup("#process-mailbox-note").queryAs(Label.class).getText()).contains("newest last");
        assertThat(robot.lookup("#process-sup-intensity").queryAs(Label.class).getText()).startsWith("one_for_one:");
        @SuppressWarnings("unchecked")
        ListView<String> links = robot.lookup("#process-links").queryAs(ListView.class);
        assertThat(links.getItems()).anyMatch(l -> l.contains("(root/one_for_one)"));
        @SuppressWarnings("unchecked")
        ListView<Object> ownLog = robot.lookup("#process-log").queryAs(ListView.class);
        assertThat(ownLog.getItems()).isNotEmpty();

        // the path as breadcrumbs (ControlsFX BreadCrumbBar): a click on a crumb selects that supervisor
        @SuppressWarnings("unchecked")
        var crumbs = (org.controlsfx.control.BreadCrumbBar<String>) robot.lookup("#process-path").query();
        assertThat(crumbs.getSelectedCrumb().getValue()).isEqualTo("root/one_for_one/b");
        robot.clickOn(robot.lookup("#process-path").lookup(".button").nth(1).queryButton());
        FxFlows.waitUntil(() -> "root/one_for_one".equals(run.selectedPathProperty().get()));
        FxFlows.waitUntil(() -> robot.lookup("#process-title").queryAs(Label.class).getText().equals("one_for_one"));
        fx(() -> run.selectedPathProperty().set("root/one_for_one/b"));

        // back to the design's tab: its title and its node inspector
        TabPane tabs = robot.lookup("#centre-tabs").queryAs(TabPane.class);
        fx(() -> tabs.getSelectionModel().select(1));
        assertThat(stage.getTitle()).isEqualTo(designTitle);
        assertThat(robot.lookup("#process-inspector").tryQuery()).isEmpty();

        // F5 again: the same tab comes back, no second run
        fx(vm::simulate);
        assertThat(vm.simulations().runs()).containsExactly(run);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("sim-tab");
        assertThat(tabs.getTabs().stream().filter(t -> "sim-tab".equals(t.getId())).count()).isEqualTo(1);
        assertThat(stage.getTitle()).isEqualTo("Simulating strategies — Canopy");
    }

    private static Stage compareWindow() {
        return FxFlows.windowTitled("Compare strategies");
    }

    @Test
    void the_compare_window_names_the_runs_seed_and_closes_with_close_or_esc(FxRobot robot) throws Exception {
        Path sample = FxFlows.sample("strategies.canopy.json");
        fx(() -> vm.openFile(sample));
        fx(vm::simulate);
        SimulatorViewModel run = vm.simulations().runs().getFirst();
        fx(() -> run.restartWithSeed(42));
        FxFlows.waitUntil(() -> run.runningProperty().get());
        SimulatorView view = robot.lookup("#simulator-view").queryAs(SimulatorView.class);

        fx(() -> view.requestCompare(new SimInput.Raise("root/one_for_one/b")));
        FxFlows.waitUntil(() -> compareWindow() != null);
        assertThat(compareWindow().getTitle()).endsWith("(seed 42)");
        FxFlows.waitUntil(() -> compareWindow().getScene().getRoot() instanceof CompareView cv && cv.canvas(2).treeLayout().isPresent());
        robot.clickOn("#compare-close");
        FxFlows.waitUntil(() -> compareWindow() == null);

        fx(() -> view.requestCompare(new SimInput.Raise("root/one_for_one/b")));
        FxFlows.waitUntil(() -> compareWindow() != null);
        fx(() -> compareWindow().requestFocus());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        FxFlows.waitUntil(() -> compareWindow() == null);
    }

    @Test
    void the_log_filters_by_kind_and_text_and_a_supervisor_giving_up_shows_a_notification(FxRobot robot) throws Exception {
        Path sample = FxFlows.sample("restart_storm.canopy.json");
        fx(() -> vm.openFile(sample));
        fx(vm::simulate);
        SimulatorViewModel run = vm.simulations().runs().getFirst();
        FxFlows.waitUntil(() -> run.runningProperty().get());
        SimulatorView view = robot.lookup("#simulator-view").queryAs(SimulatorView.class);

        // the fault script is a toggle in sight; on mid-run, it says it applies from now on
        robot.clickOn("#sim-script");
        FxFlows.waitUntil(() -> run.statusProperty().get().startsWith("Fault script on"));
        fx(() -> run.advance(20_000));
        FxFlows.waitUntil(() -> view.shownNotices() > 0);

        // ControlsFX CheckComboBox of kinds and clearable search field
        @SuppressWarnings("unchecked")
        var kinds = (org.controlsfx.control.CheckComboBox<dev.canopy.diagrams.sim.SimEvent.Kind>) robot.lookup("#sim-log-kinds").query();
        fx(() -> kinds.getCheckModel().clearCheck(dev.canopy.diagrams.sim.SimEvent.Kind.INPUT));
        assertThat(run.visibleEvents()).isNotEmpty().noneMatch(e -> e.kind() == dev.canopy.diagrams.sim.SimEvent.Kind.INPUT);
        robot.clickOn("#sim-log-search").write("gave up");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run.visibleEvents()).isNotEmpty().allMatch(e -> e.text().contains("gave up"));
        fx(() -> ((javafx.scene.control.TextField) robot.lookup("#sim-log-search").query()).clear());
        assertThat(run.textFilterProperty().get()).isEmpty();
    }
}
