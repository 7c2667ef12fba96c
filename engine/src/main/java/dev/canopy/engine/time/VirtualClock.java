package dev.canopy.engine.time;

/**
 * Simulated time: starts at zero and moves only when the deterministic scheduler advances it.
 * System time is an offset from monotonic time that can be jumped without changing durations.
 */
public final class VirtualClock implements Clock {
    private long monotonic;
    private long systemOffset;

    public VirtualClock(long systemEpochMillis) {
        this.systemOffset = systemEpochMillis;
    }

    @Override public long monotonicMillis() { return monotonic; }

    @Override public long systemMillis() { return monotonic + systemOffset; }

    /** Moves monotonic time forward to the given instant (never backward). */
    public void advanceTo(long monotonicMillis) {
        if (monotonicMillis < monotonic) throw new IllegalArgumentException("time cannot go back");
        monotonic = monotonicMillis;
    }

    /** Jumps the wall clock by delta ms; monotonic time, and so every duration, is unchanged. */
    public void jumpSystemTime(long deltaMillis) { systemOffset += deltaMillis; }
}
