package dev.canopy.diagrams.export;

import java.util.Objects;

/**
 * One generated file: a relative path with {@code /} separators (never absolute, never with
 * {@code ..}) and its text. Paths are made of identifiers the exporter chose, never of raw
 * design text.
 */
public record ExportedFile(String path, String content) {
    public ExportedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")
                || java.util.Arrays.asList(path.split("/")).stream().anyMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."))) {
            throw new IllegalArgumentException("not a safe relative path: " + path);
        }
    }
}
