package dev.canopy.app.ui;

import java.nio.file.Path;

/**
 * Where the desktop app keeps its files, after the XDG base directory conventions:
 * settings and the recent-files list under {@code $XDG_CONFIG_HOME/canopy} (default
 * {@code ~/.config/canopy}), the log under {@code $XDG_STATE_HOME/canopy} (default
 * {@code ~/.local/state/canopy}). The system properties {@code canopy.config.dir} and
 * {@code canopy.state.dir} override both (tests use them).
 */
public record AppPaths(Path configDir, Path stateDir) {

    public static AppPaths fromEnvironment() {
        Path home = Path.of(System.getProperty("user.home", "."));
        return new AppPaths(
                dir("canopy.config.dir", "XDG_CONFIG_HOME", home.resolve(".config")),
                dir("canopy.state.dir", "XDG_STATE_HOME", home.resolve(".local").resolve("state")));
    }

    private static Path dir(String property, String env, Path fallbackBase) {
        String p = System.getProperty(property);
        if (p != null && !p.isBlank()) return Path.of(p);
        String e = System.getenv(env);
        Path base = e != null && !e.isBlank() && Path.of(e).isAbsolute() ? Path.of(e) : fallbackBase;
        return base.resolve("canopy");
    }

    public Path recentFiles() {
        return configDir.resolve("recent.json");
    }

    public Path logFile() {
        return stateDir.resolve("canopy.log");
    }
}
