package dev.canopy.diagrams.scenario;

import java.nio.file.Path;

/** PLACEHOLDER (build setup): reads and validates scenario JSON files. To be replaced. */
public final class ScenarioReader {

    private ScenarioReader() {
    }

    public static ReadResult read(Path file) {
        throw new UnsupportedOperationException("ScenarioReader.read is not written yet");
    }
}
