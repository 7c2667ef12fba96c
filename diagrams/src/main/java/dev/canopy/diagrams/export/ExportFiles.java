package dev.canopy.diagrams.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes an export into a directory without ever leaving a half-written result: every file
 * is first written to a staging directory next to the target ({@code DIR/.canopy-export-*}),
 * then each is moved into place (atomically where the file system can). If anything fails
 * before the moves, nothing in DIR has changed; the staging directory is always removed.
 */
public final class ExportFiles {
    private ExportFiles() {}

    /** Writes {@code files} under {@code dir} (created if missing) and returns the paths written. */
    public static List<Path> write(Path dir, List<ExportedFile> files) throws IOException {
        Files.createDirectories(dir);
        Path root = dir.toAbsolutePath().normalize();
        Path staging = Files.createTempDirectory(root, ".canopy-export-");
        try {
            List<Path[]> moves = new ArrayList<>();
            for (ExportedFile f : files) {
                Path target = root.resolve(f.path()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("refusing to write outside " + root + ": " + f.path());
                }
                Path staged = staging.resolve(f.path());
                Files.createDirectories(staged.getParent());
                Files.writeString(staged, f.content(), StandardCharsets.UTF_8);
                moves.add(new Path[] {staged, target});
            }
            List<Path> written = new ArrayList<>();
            for (Path[] m : moves) {
                Files.createDirectories(m[1].getParent());
                try {
                    Files.move(m[0], m[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(m[0], m[1], StandardCopyOption.REPLACE_EXISTING);
                }
                written.add(m[1]);
            }
            return written;
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Writes one binary file (an image) atomically: to a temporary file next to it, then moved
     * into place, so a reader never sees half an image. Creates the parent directory.
     */
    public static Path writeBytes(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        // not createTempFile: that makes the file owner-only (0600); this one gets the usual umask
        Path tmp = target.resolveSibling(".canopy-export-" + java.util.UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, bytes, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
