package dev.canopy.engine.supervisor;

/** OTP 24+ auto_shutdown: whether significant children ending by themselves stop the supervisor. */
public enum AutoShutdown {
    NEVER, ANY_SIGNIFICANT, ALL_SIGNIFICANT;

    public String atom() { return name().toLowerCase(java.util.Locale.ROOT); }
}
