package dev.canopy.app;

import dev.canopy.app.cli.CanopyCommand;
import dev.canopy.app.ui.DesktopLauncher;

/**
 * Entry point of {@code canopy-app.jar}: no arguments open the desktop app, anything else is
 * the picocli command line. Dispatch only: neither side's classes are loaded for the other.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(DesktopLauncher.launch(args));
        }
        System.exit(CanopyCommand.run(args));
    }
}
