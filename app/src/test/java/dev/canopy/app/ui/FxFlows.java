package dev.canopy.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.canopy.app.ui.main.MainViewModel;
import dev.canopy.app.ui.theme.ThemeMode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
        MainViewModel vm = new MainViewModel(Dispatch.inline(), home, home.resolve("recent.json"), ThemeMode.LIGHT,
                Clock.systemDefaultZone());
        stage.setScene(CanopyApplication.createScene(vm, width, height));
        stage.show();
        return vm;
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
        return Path.of(Files.isDirectory(Path.of("../samples")) ? "../samples" : "samples", fileName);
    }
}
