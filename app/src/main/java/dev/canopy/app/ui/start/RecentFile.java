package dev.canopy.app.ui.start;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/** One entry of the recent-files list: the file, the name shown, when it was last opened. */
public record RecentFile(Path path, String name, Instant openedAt) {
    public RecentFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
