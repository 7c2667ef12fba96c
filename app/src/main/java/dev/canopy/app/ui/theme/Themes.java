package dev.canopy.app.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Applies a {@link ThemeMode}: the AtlantaFX user-agent stylesheet (the precompiled binary
 * {@code .bss} form, which loads several times faster than the CSS) plus a {@code dark} style
 * class on the scene root, which canopy.css keys on.
 */
public final class Themes {

    private Themes() {
    }

    public static void apply(ThemeMode mode, Scene scene) {
        Application.setUserAgentStylesheet(mode.isDark()
                ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
        if (scene != null && scene.getRoot() != null) {
            var classes = scene.getRoot().getStyleClass();
            classes.removeAll("light", "dark");
            classes.add(mode.isDark() ? "dark" : "light");
        }
    }

    /**
     * Styles a scene as the app's main window is: the theme plus canopy.css. The window
     * benchmarks use it too, so that they draw what users see (Modena, JavaFX's default look,
     * paints other backgrounds, and some cost the software pipeline far more).
     */
    public static void styleAsApp(ThemeMode mode, Scene scene) {
        scene.getStylesheets().add(Themes.class.getResource("/dev/canopy/app/ui/canopy.css").toExternalForm());
        apply(mode, scene);
    }
}
