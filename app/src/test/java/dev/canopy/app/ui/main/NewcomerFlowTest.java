package dev.canopy.app.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.FxFlows;
import dev.canopy.app.ui.Dispatch;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.edit.AutosaveService;
import dev.canopy.app.ui.edit.ProblemIndex;
import dev.canopy.app.ui.log.LogEntry;
import dev.canopy.app.ui.start.DesignSummary;
import dev.canopy.app.ui.theme.ThemeMode;
import dev.canopy.diagrams.design.DesignKind;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a newcomer tries first, headless: a blank design runs as created; a design with problems
 * lists them as links to their fields; Don't Save drops the autosave; a sample opens as an
 * untitled copy; Ctrl+Y redoes, Ctrl+0 fits; renaming a node warns about nothing.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NewcomerFlowTest {

    private MainViewModel vm;
    private MainView view;
    private Scene scene;
    private Path autosaveDir;
    private Path samples;

    @Start
    void start(Stage stage) throws Exception {
        samples = FxFlows.testGallery("canopy-newcomer-samples");
        FxFlows.MainWindow window = FxFlows.showOverGallery(stage, "canopy-newcomer-home", samples, 1440, 900);
        vm = window.vm();
        scene = window.scene();
        view = window.view();
        // as the app does after its first frame: no design is open yet, so none is missed
        autosaveDir = window.home().resolve("autosave");
        vm.useAutosave(autosave());
    }

    private AutosaveService autosave() {
        return new AutosaveService(autosaveDir, (period, task) -> () -> { }, Duration.ofSeconds(30));
    }

    private DocumentViewModel blank(FxRobot robot) {
        robot.clickOn("#blank-design");
        WaitForAsyncUtils.waitForFxEvents();
        return vm.activeProperty().get();
    }

    private List<String> warnings() {
        return vm.log().entries().stream().filter(e -> e.level() != LogEntry.Level.INFO).map(LogEntry::message)
                .filter(m -> !m.startsWith("Skipped broken.canopy.json")) // the gallery's broken fixture
                .toList();
    }

    @Test
    void a_blank_design_simulates_as_created(FxRobot robot) {
        DocumentViewModel doc = blank(robot);
        assertThat(ProblemIndex.validate(doc.design()).all()).isEmpty();
        assertThat(vm.log().entries().getLast().message()).doesNotContain("drag a Supervisor");
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.blockedProperty().get()).isNull();
        assertThat(vm.simulations().runs()).hasSize(1);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void the_problems_that_stop_a_run_are_listed_each_a_link_to_its_field(FxRobot robot) {
        DocumentViewModel doc = blank(robot);
        robot.interact(() -> {
            doc.nameProperty().set("My App");
            doc.editor().select(doc.design().root().id());
        });
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.simulations().runs()).isEmpty();
        Hyperlink link = robot.lookup("#problem-link-0").queryAs(Hyperlink.class);
        assertThat(link.getText()).isEqualTo("design name");
        assertThat(vm.log().entries().stream().map(LogEntry::message))
                .anySatisfy(m -> assertThat(m).startsWith("Cannot simulate My App: the design has 1 problem"))
                .anySatisfy(m -> assertThat(m).contains("design name: the design's name 'My App'"));
        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.editor().selection()).isEmpty();
        Node focused = scene.getFocusOwner();
        assertThat(focused).isNotNull();
        assertThat(focused.getId()).isEqualTo("inspector-name");
    }

    @Test
    void dont_save_on_quit_removes_the_autosave_so_nothing_is_offered_next_time(FxRobot robot) throws Exception {
        DocumentViewModel doc = blank(robot);
        robot.interact(() -> vm.report(doc.editor().add(DesignKind.WORKER)));
        assertThat(vm.autosave().orElseThrow().tick()).isEqualTo(1);
        assertThat(Files.list(autosaveDir).filter(p -> p.toString().endsWith(".canopy.json")).count()).isEqualTo(1);
        view.files().closePrompt = d -> FileActions.DONT_SAVE;
        boolean[] mayQuit = new boolean[1];
        robot.interact(() -> mayQuit[0] = view.files().confirmQuit());
        assertThat(mayQuit[0]).isTrue();
        vm.autosave().orElseThrow().tick();
        assertThat(autosave().recoverable()).isEmpty();
    }

    @Test
    void a_sample_opens_as_an_untitled_copy_and_save_asks_for_a_new_file(FxRobot robot) throws Exception {
        DesignSummary sample = FxFlows.gallerySample(vm, "Web app");
        String before = Files.readString(sample.file());
        DocumentViewModel[] doc = new DocumentViewModel[1];
        robot.interact(() -> doc[0] = vm.openSample(sample));
        assertThat(doc[0].file()).isEmpty();
        assertThat(FileActions.proposedFileName(doc[0])).isEqualTo("Web app.canopy.json");
        List<DocumentViewModel> asked = new ArrayList<>();
        view.files().saveTarget = d -> {
            asked.add(d);
            return Optional.empty();
        };
        robot.interact(() -> {
            vm.report(doc[0].editor().add(DesignKind.WORKER));
            view.files().save();
        });
        assertThat(asked).containsExactly(doc[0]);
        assertThat(Files.readString(sample.file())).isEqualTo(before);
    }

    @Test
    void save_as_proposes_the_designs_name(FxRobot robot) {
        DocumentViewModel doc = blank(robot);
        robot.interact(() -> doc.nameProperty().set("billing"));
        assertThat(FileActions.proposedFileName(doc)).isEqualTo("billing.canopy.json");
    }

    @Test
    void ctrl_y_redoes_like_ctrl_shift_z(FxRobot robot) {
        DocumentViewModel doc = blank(robot);
        robot.interact(() -> vm.report(doc.editor().add(DesignKind.WORKER)));
        robot.clickOn(".design-canvas");
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.design().root().children()).isEmpty();
        robot.press(KeyCode.CONTROL).press(KeyCode.Y).release(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.design().root().children()).hasSize(1);
    }

    @Test
    void ctrl_0_fits_and_the_view_menu_says_ctrl_0(FxRobot robot) {
        DocumentViewModel doc = blank(robot);
        MenuItem fit = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "Fit to window".equals(i.getText())).findFirst().orElseThrow();
        assertThat(fit.getAccelerator().getDisplayText()).isEqualTo("Ctrl+0");
        MenuItem zoomIn = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "Zoom in".equals(i.getText())).findFirst().orElseThrow();
        assertThat(zoomIn.getAccelerator().getDisplayText()).isEqualTo("Ctrl+=");
        var canvas = robot.lookup(".design-canvas").queryAs(dev.canopy.app.ui.canvas.DesignCanvas.class).treeCanvas();
        robot.interact(canvas::fit);
        double fitted = canvas.scale();
        robot.interact(() -> canvas.zoomTo(fitted / 4));
        assertThat(canvas.scale()).isLessThan(fitted);
        robot.clickOn(".design-canvas");
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT0).release(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.scale()).as("Ctrl+0 fits the tree again").isCloseTo(fitted, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void renaming_a_node_gives_no_warning(FxRobot robot) {
        DocumentViewModel doc = blank(robot);
        robot.interact(() -> {
            vm.report(doc.editor().add(DesignKind.WORKER));
            doc.editor().select(doc.design().root().id() + "/" + doc.design().root().children().getFirst().id());
        });
        WaitForAsyncUtils.waitForFxEvents();
        TextField id = robot.lookup("#inspector-id").queryAs(TextField.class);
        robot.clickOn(id);
        robot.interact(id::selectAll);
        robot.write("cache");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(".design-canvas");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.design().root().children().getFirst().id()).isEqualTo("cache");
        assertThat(warnings()).isEmpty();
    }

    @Test
    void user_names_keep_their_underscores_and_exit_kinds_are_erlang_words(FxRobot robot) {
        DocumentViewModel doc = blank(robot);
        String root = doc.design().root().id();
        robot.interact(() -> {
            vm.report(doc.editor().add(DesignKind.WORKER));
            vm.report(doc.editor().rename(root + "/" + doc.design().root().children().getFirst().id(), "worker_4"));
        });
        javafx.scene.control.ContextMenu[] menu = new javafx.scene.control.ContextMenu[1];
        robot.interact(() -> menu[0] = dev.canopy.app.ui.sim.FaultMenu.forNode(
                dev.canopy.app.ui.sim.SimulatorViewModel.create(doc.design(), 1), root + "/worker_4", null));
        assertThat(menu[0].getItems()).allSatisfy(i -> assertThat(i.isMnemonicParsing()).isFalse());
        assertThat(menu[0].getItems().getFirst().getText()).isEqualTo("worker_4");

        robot.interact(() -> {
            doc.editor().select(root + "/worker_4");
            view.files().whatIf();
        });
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Object> kind = robot.lookup("#whiteboard-panel .combo-box").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(kind.getItems()).extracting(i -> kind.getConverter().toString(i)).containsExactly("crash", "normal", "shutdown");
    }

    @Test
    void the_event_log_is_a_strip_not_a_quarter_of_the_window(FxRobot robot) {
        blank(robot);
        Node log = robot.lookup("#event-log").query();
        assertThat(log.getLayoutBounds().getHeight()).isLessThan(scene.getHeight() * 0.16);
    }

    @Test
    void a_wide_window_shows_more_sample_cards_in_a_row(FxRobot robot) {
        long[] columns = new long[1];
        var gallery = new dev.canopy.app.ui.start.StartPageViewModel(Dispatch.inline(), FxFlows.repositorySamples(),
                new dev.canopy.app.ui.start.RecentFilesStore(autosaveDir.resolveSibling("wide-recent.json")),
                new dev.canopy.app.ui.log.EventLogViewModel(Clock.systemDefaultZone()), Clock.systemDefaultZone());
        robot.interact(gallery::load);
        robot.interact(() -> {
            var page = new dev.canopy.app.ui.start.StartPageView(gallery,
                    new javafx.beans.property.SimpleObjectProperty<>(ThemeMode.LIGHT), new dev.canopy.app.ui.start.StartPageView.Actions() {
                        @Override public void newBlank() { }
                        @Override public void open() { }
                        @Override public void openSample(DesignSummary sample) { }
                        @Override public void openRecent(dev.canopy.app.ui.start.RecentFile file) { }
                    });
            Stage wide = new Stage();
            wide.setScene(new Scene(page, 2000, 800));
            wide.show();
            page.applyCss();
            page.layout();
            columns[0] = page.lookupAll(".sample-card").stream().map(n -> n.localToScene(0, 0).getY())
                    .filter(y -> y == page.lookupAll(".sample-card").iterator().next().localToScene(0, 0).getY()).count();
            wide.close();
        });
        assertThat(gallery.samples()).hasSizeGreaterThanOrEqualTo(6);
        // Lesson 3 and its three alternatives on the same split are all in the gallery.
        assertThat(gallery.samples()).extracting(DesignSummary::name)
                .contains("global_singleton", "per_node_worker", "db_source_of_truth", "consistent_hashing");
        assertThat(columns[0]).isGreaterThanOrEqualTo(5);
    }
}
