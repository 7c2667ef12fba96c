package dev.canopy.app.ui;

import java.lang.management.ManagementFactory;

/**
 * Startup timing. {@link #markFirstFrame()} is called once, on the first pulse after the
 * main stage is shown; with {@code -Dcanopy.exitAfterFirstFrame=true} the app then prints one
 * line and exits ({@code canopy bench startup} reads it):
 * <pre>canopy.firstFrame sinceJvmStartMs=812 epochMs=1767000000000</pre>
 * {@code sinceJvmStartMs} counts from the JVM's own start time; ManagementFactory is only
 * touched after the frame, so measuring costs the startup nothing.
 */
public final class StartupClock {

    /** The line prefix {@code canopy bench startup} looks for. */
    public static final String FIRST_FRAME_PREFIX = "canopy.firstFrame ";

    private static volatile long firstFrameEpochMs;

    private StartupClock() {
    }

    public static boolean exitAfterFirstFrame() {
        return Boolean.getBoolean("canopy.exitAfterFirstFrame");
    }

    /** Records the first frame; returns the milliseconds since the JVM started. */
    public static long markFirstFrame() {
        long now = System.currentTimeMillis();
        firstFrameEpochMs = now;
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        return now - jvmStart;
    }

    public static String firstFrameLine(long sinceJvmStartMs) {
        return FIRST_FRAME_PREFIX + "sinceJvmStartMs=" + sinceJvmStartMs + " epochMs=" + firstFrameEpochMs;
    }
}
