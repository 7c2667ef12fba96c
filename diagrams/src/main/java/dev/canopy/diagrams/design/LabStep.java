package dev.canopy.diagrams.design;

import java.util.Objects;

/** A pattern-lab step: at atMs after the tree started, the action (simulator-only; see {@link LabAction}). */
public record LabStep(long atMs, LabAction action) {
    public LabStep {
        Objects.requireNonNull(action, "action");
        if (atMs < 0) throw new IllegalArgumentException("at_ms must be >= 0, was " + atMs);
    }
}
