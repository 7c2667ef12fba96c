package dev.canopy.app;

import dev.canopy.app.cli.CanopyCommand;

/**
 * Entry point of {@code canopy-app.jar}. A plain {@code main}: the JavaFX
 * application, when it comes, will be started from here, not be the main class.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CanopyCommand.run(args));
    }
}
