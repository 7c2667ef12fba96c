package dev.canopy.engine.supervisor;

/** When a child is restarted: always, only after an abnormal exit, or never. */
public enum Restart {
    PERMANENT, TRANSIENT, TEMPORARY;

    public String atom() { return name().toLowerCase(java.util.Locale.ROOT); }
}
