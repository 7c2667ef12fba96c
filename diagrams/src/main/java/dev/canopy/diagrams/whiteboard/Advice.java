package dev.canopy.diagrams.whiteboard;

import java.util.Objects;

/**
 * One piece of design advice: the node it is about, how serious it is, a short title, why it
 * matters (with the design's numbers) and a concrete fix; {@code rule} names the check.
 */
public record Advice(String path, Severity severity, String title, String reason, String fix, Rule rule) {

    public enum Severity { INFO, WARNING, ERROR }

    /** The checks of {@link DesignAdvisor}. */
    public enum Rule {
        REMOTE_DEPENDENCY_IN_INIT,
        INDEPENDENT_CHILDREN_UNDER_ONE_FOR_ALL,
        INNER_BUDGET_OUTLASTS_PARENT,
        GLOBAL_NAME_IN_CLUSTER,
        TEMPORARY_UNDER_ONE_FOR_ALL,
        MAX_RESTARTS_ZERO,
        VERY_HIGH_INTENSITY,
        TRANSIENT_SUPERVISOR,
        UNBOUNDED_DYNAMIC_SUPERVISOR,
        REGISTRY_STARTED_TOO_LATE
    }

    public Advice {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(rule, "rule");
    }
}
