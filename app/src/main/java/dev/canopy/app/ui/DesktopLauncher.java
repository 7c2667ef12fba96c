package dev.canopy.app.ui;

import dev.canopy.app.ui.errors.AppLog;
import dev.canopy.app.ui.errors.CrashDialog;
import dev.canopy.app.ui.errors.CrashReporter;
import javafx.application.Application;
import javafx.stage.Window;

/**
 * Starts the desktop app ({@code canopy} without arguments): installs the crash reporter, then
 * launches {@link CanopyApplication}. A separate class from the Application subclass, so the
 * app runs from the class path without the JavaFX launcher checks.
 */
public final class DesktopLauncher {

    private static volatile AppPaths paths;
    private static volatile CrashReporter reporter;
    private static volatile Window mainWindow;
    private static volatile boolean startFailed;

    private DesktopLauncher() {
    }

    /** Runs the app until its window closes; returns the process exit status. */
    public static int launch(String[] args) {
        paths = AppPaths.fromEnvironment();
        CrashReporter r = new CrashReporter(new AppLog(paths.logFile()),
                report -> CrashDialog.show(report, () -> mainWindow, () -> reporter.dismissed()));
        reporter = r.install();
        String noDisplay = missingDisplay();
        if (noDisplay != null) {
            System.err.println("canopy: cannot open the desktop app: " + noDisplay);
            System.err.println("canopy: the command line works without one: canopy --help");
            return 1;
        }
        try {
            Application.launch(CanopyApplication.class, args);
        } catch (RuntimeException | Error e) {
            r.log().append("ERROR", "The desktop app could not start", e);
            System.err.println("canopy: the desktop app could not start: " + rootMessage(e));
            System.err.println("canopy: details in " + r.log().file());
            return 1;
        }
        return startFailed ? 1 : 0;
    }

    /** Why no window can be opened, or null. Only checked on Linux/BSD with the GTK glass backend. */
    static String missingDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) return null;
        String glass = System.getProperty("glass.platform", "");
        if (!glass.isEmpty() && !glass.equalsIgnoreCase("gtk")) return null;
        if (isSet("DISPLAY") || isSet("WAYLAND_DISPLAY")) return null;
        return "no display (DISPLAY is not set); run it in a desktop session, or under xvfb-run";
    }

    private static boolean isSet(String env) {
        String v = System.getenv(env);
        return v != null && !v.isBlank();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    static AppPaths paths() {
        AppPaths p = paths;
        return p != null ? p : AppPaths.fromEnvironment();
    }

    static CrashReporter reporter() {
        return reporter;
    }

    static void mainWindow(Window w) {
        mainWindow = w;
    }

    static void startFailed() {
        startFailed = true;
    }
}
