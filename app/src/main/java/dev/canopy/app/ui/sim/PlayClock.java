package dev.canopy.app.ui.sim;

/**
 * The clock of play: turns the wall-clock time between frames into virtual time at a speed,
 * carrying fractions of a ms to the next frame and capping a stalled frame at
 * {@link SimulatorViewModel#MAX_FRAME_MS}. FX thread only.
 */
final class PlayClock {
    private long lastFrameNanos = -1;
    private double debtMs;

    /** Play (re)starts: the next frame only sets the reference time. */
    void restart() {
        lastFrameNanos = -1;
    }

    /** Not playing: forget the reference time and the owed virtual time. */
    void stop() {
        lastFrameNanos = -1;
        debtMs = 0;
    }

    /** Accrues this frame's virtual time; returns the whole ms owed (0 when less than one). */
    long tick(long nowNanos, double speed) {
        if (lastFrameNanos >= 0) {
            double wallMs = Math.min(SimulatorViewModel.MAX_FRAME_MS, (nowNanos - lastFrameNanos) / 1e6);
            debtMs += wallMs * speed;
        }
        lastFrameNanos = nowNanos;
        return debtMs >= 1 ? (long) Math.floor(debtMs) : 0;
    }

    /** The owed ms were handed to the engine. */
    void spent(long ms) {
        debtMs -= ms;
    }
}
