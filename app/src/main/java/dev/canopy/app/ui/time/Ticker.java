package dev.canopy.app.ui.time;

/**
 * A monotonic nanosecond source, injected wherever the app paces or measures work, so that a
 * test decides what time it is instead of the machine (its uptime, load or speed).
 * {@link #system()} is the only place in {@code dev.canopy.app.ui} that reads
 * {@link System#nanoTime()} for a decision; values are only meaningful as differences.
 */
@FunctionalInterface
public interface Ticker {
    long nanos();

    /** The real monotonic clock. */
    static Ticker system() {
        return System::nanoTime;
    }
}
