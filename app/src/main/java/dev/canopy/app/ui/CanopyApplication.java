package dev.canopy.app.ui;

import java.io.InputStream;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.canopy.app.ui.main.MainView;
import dev.canopy.app.ui.main.MainViewModel;
import dev.canopy.app.ui.start.SamplesLocator;
import dev.canopy.app.ui.theme.ThemeMode;
import dev.canopy.app.ui.theme.Themes;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import dev.canopy.app.ui.edit.AutosaveService;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the main window and shows it as fast as it can. Nothing heavy
 * runs before the first frame: the samples, the recent files (Jackson) and the window icons are
 * loaded after it, the inspector's form on first use, the engine not at all.
 */
public final class CanopyApplication extends Application {

    private ExecutorService io;

    /** Builds the scene for {@code vm}: used by the app and by the UI tests. */
    public static Scene createScene(MainViewModel vm, double width, double height) {
        Themes.apply(vm.themeProperty().get(), null);
        MainView view = new MainView(vm);
        Scene scene = new Scene(view, width, height);
        Themes.styleAsApp(vm.themeProperty().get(), scene);
        vm.themeProperty().addListener((o, was, now) -> Themes.apply(now, scene));
        return scene;
    }

    @Override
    public void start(Stage stage) {
        try {
            io = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "canopy-io");
                t.setDaemon(true);
                return t;
            });
            Dispatch dispatch = new Dispatch(io, Platform::runLater);
            MainViewModel vm = new MainViewModel(dispatch, SamplesLocator.find(),
                    DesktopLauncher.paths().recentFiles(), ThemeMode.initial(), Clock.systemDefaultZone());
            Scene scene = createScene(vm, 1320, 840);
            stage.setScene(scene);
            stage.titleProperty().bind(vm.windowTitleProperty());
            stage.setOnCloseRequest(e -> {
                if (scene.getRoot() instanceof MainView mv && !mv.confirmQuit()) e.consume();
            });
            stage.setMinWidth(900);
            stage.setMinHeight(560);
            DesktopLauncher.mainWindow(stage);
            stage.show();
            whenFirstFrame(scene, () -> afterFirstFrame(stage, vm));
        } catch (RuntimeException | Error e) {
            DesktopLauncher.startFailed();
            logStartFailure(e);
            System.err.println("canopy: the desktop app could not start: " + e);
            Platform.exit();
        }
    }

    private static void logStartFailure(Throwable e) {
        var r = DesktopLauncher.reporter();
        if (r != null) r.log().append("ERROR", "The main window could not be built", e);
    }

    /** Runs {@code action} once, right after the first pulse that lays out the shown scene. */
    static void whenFirstFrame(Scene scene, Runnable action) {
        boolean[] done = {false};
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            if (done[0]) return;
            done[0] = true;
            Platform.runLater(() -> scene.removePostLayoutPulseListener(self[0]));
            action.run();
        };
        scene.addPostLayoutPulseListener(self[0]);
    }

    private void afterFirstFrame(Stage stage, MainViewModel vm) {
        if (StartupClock.exitAfterFirstFrame()) {
            long ms = StartupClock.markFirstFrame();
            System.out.println(StartupClock.firstFrameLine(ms));
            System.out.flush();
            Platform.exit();
            return;
        }
        long ms = StartupClock.markFirstFrame();
        Platform.runLater(() -> {
            vm.log().info("Canopy started; first frame " + ms + " ms after the JVM started");
            vm.loadStartPage();
            // A design handed over on the command line (a double-click in the file manager).
            for (String arg : getParameters().getRaw()) vm.openFile(java.nio.file.Path.of(arg));
            startAutosave(stage, vm);
            loadIcons(stage);
        });
    }

    private AutosaveService autosave;

    /** Offers the designs autosaved after their last save (a crash or a kill), then autosaves every 30 s. */
    private void startAutosave(Stage stage, MainViewModel vm) {
        try {
            autosave = new AutosaveService(AutosaveService.defaultDir(DesktopLauncher.paths()),
                    AutosaveService.daemonScheduler(), AutosaveService.DEFAULT_INTERVAL);
        } catch (RuntimeException e) {
            vm.log().warning("Autosave is off: " + e.getMessage());
            return;
        }
        autosave.onError(msg -> Platform.runLater(() -> vm.log().warning("Autosave: " + msg)));
        java.util.List<AutosaveService.Recoverable> found = autosave.recoverable();
        if (!found.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (AutosaveService.Recoverable r : found) {
                names.append("• ").append(r.designName()).append(r.original().map(p -> " (" + p + ")").orElse(" (never saved)"))
                        .append(", autosaved ").append(java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm:ss")
                                .format(r.savedAt().atZone(java.time.ZoneId.systemDefault()))).append('\n');
            }
            ButtonType recover = new ButtonType("Recover", ButtonBar.ButtonData.YES);
            ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, names.toString(), recover, discard, ButtonType.CANCEL);
            a.setTitle("Recover unsaved work");
            a.setHeaderText(found.size() == 1 ? "A design has unsaved changes from the last session"
                    : found.size() + " designs have unsaved changes from the last session");
            a.initOwner(stage);
            ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
            for (AutosaveService.Recoverable r : found) {
                if (answer == recover) {
                    switch (autosave.recover(r)) {
                        case dev.canopy.diagrams.design.LoadResult.Loaded l -> vm.openRecovered(l.design(), r.original().orElse(null));
                        case dev.canopy.diagrams.design.LoadResult.Failed f -> vm.log().warning("Could not recover " + r.designName());
                    }
                }
                if (answer == recover || answer == discard) {
                    try {
                        autosave.discard(r);
                    } catch (java.io.IOException e) {
                        vm.log().warning("Could not remove the autosave " + r.autosave() + ": " + e.getMessage());
                    }
                }
            }
        }
        vm.useAutosave(autosave);
        autosave.start();
    }

    private static void loadIcons(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            try (InputStream in = CanopyApplication.class.getResourceAsStream("icons/canopy-" + size + ".png")) {
                if (in != null) stage.getIcons().add(new Image(in));
            } catch (java.io.IOException ignored) {
                // icons are cosmetic
            }
        }
    }

    @Override
    public void stop() {
        if (autosave != null) autosave.close();
        if (io != null) io.shutdownNow();
    }
}
