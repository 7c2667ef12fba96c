package dev.canopy.engine.time;

/**
 * Time for the engine. Monotonic time measures durations (timeouts, restart windows) and
 * never jumps; system time is for timestamps shown to people and may be moved freely.
 */
public interface Clock {
    long monotonicMillis();

    long systemMillis();
}
