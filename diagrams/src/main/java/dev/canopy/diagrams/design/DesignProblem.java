package dev.canopy.diagrams.design;

import java.util.Objects;

import dev.canopy.diagrams.scenario.Problem;

/**
 * One problem in a design: where (file, JSON path such as {@code $.tree.children[2].restart},
 * 1-based line; 0 when no line is known), how bad, and a plain sentence. An ERROR stops a design
 * from loading (reader) or from running/exporting (validator); a WARNING does not.
 */
public record DesignProblem(String file, String jsonPath, int line, Severity severity, String message) {

    public enum Severity {
        ERROR, WARNING;

        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public DesignProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(jsonPath, "jsonPath");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static DesignProblem error(String jsonPath, String message) {
        return new DesignProblem("", jsonPath, 0, Severity.ERROR, message);
    }

    public static DesignProblem warning(String jsonPath, String message) {
        return new DesignProblem("", jsonPath, 0, Severity.WARNING, message);
    }

    /** A reader problem; "unknown key" problems (keys a newer Canopy may have added) are warnings. */
    static DesignProblem of(Problem p) {
        Severity s = p.message().startsWith("unknown key ") ? Severity.WARNING : Severity.ERROR;
        return new DesignProblem(p.file(), p.jsonPath(), p.line(), s, p.message());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public DesignProblem withSeverity(Severity severity) {
        return new DesignProblem(file, jsonPath, line, severity, message);
    }

    public DesignProblem at(String file, int line) {
        return new DesignProblem(file, jsonPath, line, severity, message);
    }

    /**
     * {@code FILE:LINE: at PATH: error|warning: MESSAGE}; a problem with the whole file (no line,
     * such as "no such file") is {@code FILE: error: MESSAGE}.
     */
    public String describe() {
        if (line == 0 && jsonPath.equals("$")) return file + ": " + severity.word() + ": " + message;
        return file + ":" + line + ": at " + jsonPath + ": " + severity.word() + ": " + message;
    }
}
