package dev.canopy.app.ui.edit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;

/**
 * The child process of {@link CrashSafeFilesTest}: saves a design file and autosaves an untitled
 * design over and over, each version a little different and large enough (~300 KB) that a kill
 * often lands in the middle of writing. Prints "saved N" / "autosaved N" after each write returned.
 * Args: the design file, the autosave directory.
 */
public final class CrashSafeWriterMain {
    private CrashSafeWriterMain() {
    }

    static final int PADDING = 300_000;

    static Design version(String prefix, int n) {
        var root = SupervisorNode.of("root", List.of(WorkerNode.of("w" + n)));
        return Design.of(prefix + "_" + n, "version " + n + " " + "x".repeat(PADDING), root);
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        AutosaveService autosave = new AutosaveService(Path.of(args[1]), (period, task) -> () -> { }, Duration.ofSeconds(1));
        AutosaveService.Document untitled = autosave.open(Optional.empty());
        for (int n = 1; ; n++) {
            DesignFiles.save(file, version("saved", n));
            System.out.println("saved " + n);
            untitled.update(version("autosaved", n), true);
            if (autosave.tick() != 1) throw new IllegalStateException("autosave wrote nothing at " + n);
            System.out.println("autosaved " + n);
            System.out.flush();
        }
    }
}
