package dev.canopy.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.main.MainView;
import dev.canopy.app.ui.main.MainViewModel;
import dev.canopy.app.ui.sim.SimulatorViewModel;
import dev.canopy.app.ui.start.DesignSummary;
import dev.canopy.app.ui.theme.ThemeMode;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the headless flow tests share: the main window as the app builds it, waiting for a condition
 * read on the FX thread, finding a secondary window by its title, and the gallery's samples folder.
 */
public final class FxFlows {
    private FxFlows() {
    }

    /** Shows the main window on {@code stage} with a fresh home folder and returns its view model. */
    public static MainViewModel showMainWindow(Stage stage, String homePrefix) throws Exception {
        return showMainWindow(stage, homePrefix, 1320, 840);
    }

    /** The same at a given window size. */
    public static MainViewModel showMainWindow(Stage stage, String homePrefix, double width, double height) throws Exception {
        Path home = Files.createTempDirectory(homePrefix);
        return show(stage, Dispatch.inline(), home, home, width, height).vm();
    }

    /** A shown main window: its view model, its scene (whose root is the {@link MainView}) and its folders. */
    public record MainWindow(MainViewModel vm, Scene scene, Path samples, Path home) {
        public MainView view() {
            return (MainView) scene.getRoot();
        }
    }

    /** A fresh folder holding the gallery of test designs ({@link TestDesigns#writeSamples}). */
    public static Path testGallery(String prefix) throws IOException {
        return TestDesigns.writeSamples(Files.createTempDirectory(prefix));
    }

    /**
     * The main window with {@code samples} as its gallery and a fresh home folder, work done
     * inline, its start page loaded (as the app does after the first frame).
     */
    public static MainWindow showOverGallery(Stage stage, String homePrefix, Path samples, double width, double height)
            throws Exception {
        MainWindow window = showMainWindow(stage, homePrefix, samples, Dispatch.inline(), width, height);
        window.vm().loadStartPage();
        return window;
    }

    /** The main window with {@code samples} as its gallery, a fresh home folder and the given dispatch; nothing loaded. */
    public static MainWindow showMainWindow(Stage stage, String homePrefix, Path samples, Dispatch dispatch,
            double width, double height) throws Exception {
        return show(stage, dispatch, samples, Files.createTempDirectory(homePrefix), width, height);
    }

    private static MainWindow show(Stage stage, Dispatch dispatch, Path samples, Path home, double width, double height) {
        MainViewModel vm = new MainViewModel(dispatch, samples, home.resolve("recent.json"), ThemeMode.LIGHT,
                Clock.systemDefaultZone());
        Scene scene = CanopyApplication.createScene(vm, width, height);
        stage.setScene(scene);
        stage.show();
        return new MainWindow(vm, scene, samples, home);
    }

    /** The start page's gallery entry named {@code name} (as its card shows it). */
    public static DesignSummary gallerySample(MainViewModel vm, String name) {
        return vm.startPage().samples().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Opens the gallery entry named {@code name} as an untitled copy, as its card does; returns the new design. */
    public static DocumentViewModel openGallerySample(FxRobot robot, MainViewModel vm, String name) {
        robot.interact(() -> vm.openSample(gallerySample(vm, name)));
        return vm.activeProperty().get();
    }

    /**
     * Opens a sample of the gallery ({@link #sample}) and runs it in the simulator, as Open and F5
     * do; returns the run (fails, showing the log, when none started).
     */
    public static SimulatorViewModel openAndSimulate(MainViewModel vm, String sampleFileName) throws Exception {
        Path file = sample(sampleFileName);
        WaitForAsyncUtils.asyncFx(() -> vm.openFile(file)).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> vm.simulate()).get();
        WaitForAsyncUtils.waitForFxEvents();
        if (vm.simulations().runs().isEmpty()) throw new AssertionError("no run started; log: " + vm.log().entries());
        return vm.simulations().runs().getFirst();
    }

    /** Waits (at most 20 s) until the condition, evaluated on the FX thread, holds. */
    public static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            boolean[] ok = new boolean[1];
            WaitForAsyncUtils.asyncFx(() -> ok[0] = condition.getAsBoolean()).get();
            return ok[0];
        });
    }

    /** The showing window whose title starts with {@code prefix}, or null when there is none. */
    public static Stage windowTitled(String prefix) {
        return Window.getWindows().stream()
                .filter(w -> w instanceof Stage st && st.isShowing() && st.getTitle() != null && st.getTitle().startsWith(prefix))
                .map(w -> (Stage) w).findFirst().orElse(null);
    }

    /** A sample of the gallery, found from the module's folder (Maven) or the repository root. */
    public static Path sample(String fileName) {
        return repositorySamples().resolve(fileName);
    }

    /** The repository's samples folder, from the module's folder (Maven) or the repository root. */
    public static Path repositorySamples() {
        return Path.of(Files.isDirectory(Path.of("../samples")) ? "../samples" : "samples");
    }
}
