package dev.canopy.app.ui.start;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the {@code samples/} folder of a source checkout: {@code -Dcanopy.samples.dir}, else
 * {@code -Dcanopy.home}/samples (the launcher passes canopy.home), else the first
 * {@code samples/} above the jar, else {@code ./samples}.
 */
public final class SamplesLocator {

    private SamplesLocator() {
    }

    public static Path find() {
        String dir = System.getProperty("canopy.samples.dir");
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        String home = System.getProperty("canopy.home");
        if (home != null && !home.isBlank()) return Path.of(home, "samples");
        try {
            var src = SamplesLocator.class.getProtectionDomain().getCodeSource();
            if (src != null) {
                Path p = Path.of(src.getLocation().toURI()).toAbsolutePath();
                for (int i = 0; i < 5 && p != null; i++, p = p.getParent()) {
                    if (Files.isDirectory(p.resolve("samples"))) return p.resolve("samples");
                }
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall through
        }
        return Path.of("samples").toAbsolutePath();
    }
}
