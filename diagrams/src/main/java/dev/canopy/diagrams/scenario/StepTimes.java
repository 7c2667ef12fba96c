package dev.canopy.diagrams.scenario;

import java.util.Optional;

/** The at_ms of a list of steps, read in order: each a non-negative number, never before the one before it. */
public final class StepTimes {
    private long previousAtMs;

    /** The step's time, or empty (with the error reported at the cursor) when it is missing, negative or goes back. */
    public Optional<Long> next(JsonCursor at) {
        Optional<Long> value = at.nonNegativeLong();
        if (value.isPresent() && value.get() < previousAtMs) {
            at.report("at_ms must not decrease: " + value.get() + " comes after " + previousAtMs);
            return Optional.empty();
        }
        value.ifPresent(v -> previousAtMs = v);
        return value;
    }
}
