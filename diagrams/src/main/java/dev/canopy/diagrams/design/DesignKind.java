package dev.canopy.diagrams.design;

import java.util.Locale;

import dev.canopy.engine.supervisor.ChildType;

/** The kinds of node a design has; {@link #jsonName()} is the {@code "kind"} word in the file. */
public enum DesignKind {
    SUPERVISOR, DYNAMIC_SUPERVISOR, WORKER, TASK_SUPERVISOR, REGISTRY;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The OTP child-spec {@code type}: every kind but a worker is a supervisor (Registry too). */
    public ChildType childType() {
        return this == WORKER ? ChildType.WORKER : ChildType.SUPERVISOR;
    }
}
