package dev.canopy.app.ui.main;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** Help > About Canopy: the version of the build and of the Java and JavaFX it runs on. */
final class AboutDialog {
    private AboutDialog() {
    }

    /** Shows the dialog over {@code scene}'s window (none when the view is not shown yet). */
    static void show(Scene scene) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        a.setTitle("About Canopy");
        a.setHeaderText("Canopy " + version());
        a.setContentText("Design and simulate Erlang/OTP supervision trees.\n\nJava " + Runtime.version()
                + " · JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        if (scene != null) a.initOwner(scene.getWindow());
        a.show();
    }

    private static String version() {
        try (InputStream in = AboutDialog.class.getResourceAsStream("/dev/canopy/app/version.properties")) {
            if (in == null) return "";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "");
        } catch (IOException e) {
            return "";
        }
    }
}
