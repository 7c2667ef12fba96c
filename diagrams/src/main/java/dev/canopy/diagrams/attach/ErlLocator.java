package dev.canopy.diagrams.attach;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds {@code erl} on the PATH of a given environment (not the JVM's: tests and users choose). */
public final class ErlLocator {

    private ErlLocator() {}

    public static Optional<Path> find(Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path erl = Path.of(dir, "erl");
            if (Files.isRegularFile(erl) && Files.isExecutable(erl)) return Optional.of(erl);
        }
        return Optional.empty();
    }
}
