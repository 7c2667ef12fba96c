package dev.canopy.engine.supervisor;

public enum ChildType {
    WORKER, SUPERVISOR;

    public String atom() { return name().toLowerCase(java.util.Locale.ROOT); }
}
