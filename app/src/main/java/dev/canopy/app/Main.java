package dev.canopy.app;

import dev.canopy.app.cli.CanopyCommand;
import dev.canopy.app.ui.DesktopLauncher;

/**
 * Entry point of {@code canopy-app.jar}: no arguments (or one design file) open the desktop
 * app, anything else is the picocli command line. Dispatch only: neither side's classes are loaded for the other.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || opensADesign(args)) {
            System.exit(DesktopLauncher.launch(args));
        }
        System.exit(CanopyCommand.run(args));
    }

    /** One existing *.canopy.json argument opens the app with it, as the desktop file association does. */
    static boolean opensADesign(String[] args) {
        return args.length == 1 && args[0].endsWith(".canopy.json") && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
    }
}
