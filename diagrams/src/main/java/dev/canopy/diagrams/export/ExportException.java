package dev.canopy.diagrams.export;

import java.util.List;

import dev.canopy.diagrams.design.DesignProblem;

/** The design cannot be exported: one problem per thing that stops it (JSON path and sentence). */
public final class ExportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<DesignProblem> problems;

    public ExportException(List<DesignProblem> problems) {
        super(problems.isEmpty() ? "cannot export" : problems.getFirst().jsonPath() + ": " + problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    public List<DesignProblem> problems() {
        return problems;
    }
}
