package dev.canopy.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.canvas.DesignCanvas;
import dev.canopy.app.ui.main.MainViewModel;
import dev.canopy.app.ui.palette.PaletteItem;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window, headless (Monocle): start page gallery, palette, tabs, theme. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MainWindowTest {

    private static Path samples;
    private MainViewModel vm;
    private Scene scene;

    @BeforeAll
    static void samples() throws Exception {
        samples = FxFlows.testGallery("canopy-ui-samples");
    }

    @Start
    void start(Stage stage) throws Exception {
        FxFlows.MainWindow window = FxFlows.showOverGallery(stage, "canopy-ui-home", samples, 1320, 840);
        vm = window.vm();
        scene = window.scene();
    }

    @Test
    void shows_the_gallery_the_actions_and_the_palette(FxRobot robot) {
        FlowPane gallery = robot.lookup("#sample-gallery").queryAs(FlowPane.class);
        assertThat(robot.lookup(".sample-card").queryAll()).hasSize(2);
        assertThat(gallery.isVisible()).isTrue();
        assertThat(robot.lookup(".sample-name").queryAll()).extracting(n -> ((javafx.scene.control.Label) n).getText())
                .containsExactly("Task fan-out", "Web app");
        assertThat(robot.lookup("#blank-design").query().isVisible()).isTrue();
        assertThat(robot.lookup("No recent designs yet. Designs you open appear here.").tryQuery()).isPresent();

        ListView<PaletteItem> palette = robot.lookup("#palette-list").queryListView();
        assertThat(palette.getItems()).containsExactly(PaletteItem.values());
        for (PaletteItem item : PaletteItem.values()) {
            assertThat(robot.lookup(item.title()).tryQuery()).as(item.title()).isPresent();
        }
        assertThat(robot.lookup("#inspector").query().isVisible()).isTrue();
        assertThat(robot.lookup("#event-log").query().isVisible()).isTrue();
        assertThat(robot.lookup("#main-toolbar").query().isVisible()).isTrue();
    }

    @Test
    void blank_design_opens_a_canvas_tab_that_accepts_palette_items(FxRobot robot) {
        robot.clickOn("#blank-design");
        TabPane tabs = robot.lookup("#centre-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).hasSize(2);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        Node canvas = robot.lookup(".design-canvas").query();
        assertThat(canvas).isInstanceOf(DesignCanvas.class);
        assertThat(((DesignCanvas) canvas).getWidth()).isGreaterThan(300);

        robot.doubleClickOn("Supervisor");
        robot.doubleClickOn("Worker / GenServer");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.activeProperty().get().processCountBinding().get()).isEqualTo(3); // the root, and the two
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("• untitled_1");
    }

    @Test
    void a_sample_card_opens_the_design_with_its_properties(FxRobot robot) {
        robot.clickOn("Web app");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.activeProperty().get().nameProperty().get()).isEqualTo("Web app");
        assertThat(robot.lookup("#node-inspector").tryQuery()).isPresent();
        assertThat(vm.activeProperty().get().file()).isEmpty(); // an untitled copy of the sample
        assertThat(vm.startPage().recent()).isEmpty();
    }

    @Test
    void the_theme_toggle_switches_to_dark_and_back(FxRobot robot) {
        robot.clickOn("#theme-toggle");
        assertThat(scene.getRoot().getStyleClass()).contains("dark");
        robot.clickOn("#theme-toggle");
        assertThat(scene.getRoot().getStyleClass()).contains("light").doesNotContain("dark");
    }
}
