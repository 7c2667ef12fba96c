package dev.canopy.diagrams.sim;

/**
 * Exponential backoff as a pure function (the "domain" half of a reconnect loop): given which attempt
 * just failed, it returns how long to wait before the next one. It sets no timer and reads no clock;
 * the server does that with {@code send_after}. The delay doubles from the design's
 * {@code backoff_ms} and stops growing at {@link #CAP_MS} (simulator rule; real clients add jitter).
 */
public final class Backoff {
    /** The longest wait between two attempts. */
    public static final long CAP_MS = 30_000;

    private Backoff() {
    }

    /** The wait after failed attempt {@code failedAttempt} (1 = the first): base, 2×base, 4×base, … up to the cap. */
    public static long delayMs(int failedAttempt, long baseMs) {
        if (failedAttempt < 1) throw new IllegalArgumentException("attempts count from 1, not " + failedAttempt);
        long cap = Math.max(baseMs, CAP_MS);
        int shift = Math.min(failedAttempt - 1, 40);
        long delay = baseMs << shift;
        return delay <= 0 || delay > cap || (delay >> shift) != baseMs ? cap : delay;
    }
}
