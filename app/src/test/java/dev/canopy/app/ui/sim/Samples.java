package dev.canopy.app.ui.sim;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.LoadResult;

/** The repository's sample designs, read from /samples (tests run in app/). */
final class Samples {
    private Samples() {
    }

    static Design load(String name) {
        Path dir = Files.isDirectory(Path.of("../samples")) ? Path.of("../samples") : Path.of("samples");
        LoadResult r = DesignFiles.load(dir.resolve(name + ".canopy.json"));
        if (r instanceof LoadResult.Loaded l) return l.design();
        throw new IllegalStateException("sample " + name + " did not load: " + r);
    }
}
