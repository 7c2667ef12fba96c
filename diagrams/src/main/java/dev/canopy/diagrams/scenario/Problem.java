package dev.canopy.diagrams.scenario;

/** PLACEHOLDER (build setup): one problem found in a scenario file. To be replaced. */
public record Problem(String file, String jsonPath, int line, String message) {

    /** {@code FILE:LINE: at JSONPATH: MESSAGE}. */
    public String describe() {
        return file + ":" + line + ": at " + jsonPath + ": " + message;
    }
}
