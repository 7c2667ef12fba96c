package dev.canopy.engine.supervisor;

/** Which siblings are restarted with a failed child. */
public enum Strategy {
    ONE_FOR_ONE, ONE_FOR_ALL, REST_FOR_ONE;

    public String atom() { return name().toLowerCase(java.util.Locale.ROOT); }
}
