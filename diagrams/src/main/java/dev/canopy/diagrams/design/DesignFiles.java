package dev.canopy.diagrams.design;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Loading and saving design files. Saving never leaves a half-written file: the text goes to a
 * temporary file in the same directory, is forced to disk, then moved over the target atomically.
 * If anything fails, the target is untouched and the temporary file is removed.
 */
public final class DesignFiles {

    /** The file-name suffix of designs. */
    public static final String SUFFIX = ".canopy.json";

    private DesignFiles() {
    }

    /** Reads and parses a file; never throws for bad input or an unreadable file. */
    public static LoadResult load(Path file) {
        String where = file.toString();
        String text;
        switch (dev.canopy.diagrams.scenario.TextFiles.read(file)) {
            case dev.canopy.diagrams.scenario.TextFiles.Read.Text t -> text = t.text();
            case dev.canopy.diagrams.scenario.TextFiles.Read.Unreadable u -> {
                return unreadable(where, u.reason());
            }
        }
        return DesignReader.parse(text, where);
    }

    /** Writes the design atomically. Throws IOException, leaving {@code file} as it was, if it cannot. */
    public static void save(Path file, Design design) throws IOException {
        write(file, DesignWriter.write(design));
    }

    /** Writes text atomically (package-visible so that tests can make the writing fail). */
    static void write(Path file, String text) throws IOException {
        write(file, out -> out.write(text));
    }

    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            keepPermissions(target, tmp);
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
                 Writer out = java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically on this file system", e);
            }
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(tmp);
        }
    }

    /** A temporary file is private (rw-------); give it the target's permissions, or rw-r--r-- for a new file. */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) return;
        var permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, permissions);
    }

    private static LoadResult unreadable(String file, String message) {
        return new LoadResult.Failed(List.of(new DesignProblem(file, "$", 0, DesignProblem.Severity.ERROR, message)));
    }
}
