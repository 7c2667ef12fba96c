package dev.canopy.diagrams.scenario;

/**
 * One problem found in a scenario file: where it is (file, 1-based line, JSON path such as
 * {@code $.tree.children[1].restart}) and a plain-sentence message. Line 0 means no line applies
 * (the file could not be read).
 */
public record Problem(String file, String jsonPath, int line, String message) {

    /** {@code FILE:LINE: at JSONPATH: MESSAGE}; a problem with the whole file (no line) is {@code FILE: MESSAGE}. */
    public String describe() {
        if (line == 0 && jsonPath.equals("$")) return file + ": " + message;
        return file + ":" + line + ": at " + jsonPath + ": " + message;
    }
}
