package dev.canopy.engine.time;

/** The real clock, for live mode. The only place in the engine that reads the machine's time. */
public final class SystemClock implements Clock {
    private final long origin = System.nanoTime();

    @Override public long monotonicMillis() { return (System.nanoTime() - origin) / 1_000_000L; }

    @Override public long systemMillis() { return System.currentTimeMillis(); }
}
