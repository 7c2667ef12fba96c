package dev.canopy.engine.scenario;

/** The kinds of node a scenario tree has. */
public enum NodeKind {
    WORKER, SUPERVISOR, DYNAMIC_SUPERVISOR;

    public String jsonName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
