package dev.canopy.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.main.MainViewModel;
import javafx.scene.Scene;
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
 * Screenshots of the main window (JavaFX snapshot API) into target/screenshots/: start.png,
 * start-dark.png and design.png. Uses the repository's samples/ when there, else test designs.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ScreenshotTest {

    private static final Path OUT = Path.of("target", "screenshots");
    private MainViewModel vm;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path samples = Files.isDirectory(FxFlows.repositorySamples()) ? FxFlows.repositorySamples()
                : FxFlows.testGallery("canopy-shots");
        FxFlows.MainWindow window = FxFlows.showOverGallery(stage, "canopy-ui-home", samples, 1440, 900);
        vm = window.vm();
        scene = window.scene();
    }

    private Path shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> Screenshots.snapshot(scene)).get(30, TimeUnit.SECONDS);
        Path f = Screenshots.writePng(img, OUT.resolve(name));
        assertThat(img.getWidth()).isEqualTo(1440);
        assertThat(Files.size(f)).isGreaterThan(10_000);
        return f;
    }

    @Test
    void start_page_light_dark_and_a_design(FxRobot robot) throws Exception {
        assertThat(robot.lookup(".sample-card").queryAll()).isNotEmpty();
        shoot("start.png");

        robot.interact(vm::toggleTheme);
        shoot("start-dark.png");
        robot.interact(vm::toggleTheme);

        robot.interact(() -> vm.openSample(vm.startPage().samples().getFirst()));
        shoot("design.png");
    }
}
