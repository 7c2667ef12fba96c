package dev.canopy.engine.supervisor;

import java.util.ArrayDeque;

/**
 * OTP's restart intensity (supervisor.erl add_restart/3): every restart attempt records the
 * monotonic time in whole seconds; entries older than now - period are dropped (one exactly
 * period old is kept); more than intensity entries left means give up.
 */
public final class RestartIntensity {
    private final int intensity;
    private final int periodSeconds;
    private final ArrayDeque<Long> restarts = new ArrayDeque<>();

    public RestartIntensity(int intensity, int periodSeconds) {
        this.intensity = intensity;
        this.periodSeconds = periodSeconds;
    }

    /** Records one attempt at monotonic time nowMillis; false when the intensity is exceeded. */
    public boolean addRestart(long nowMillis) {
        long now = Math.floorDiv(nowMillis, 1000L);
        long threshold = now - periodSeconds;
        while (!restarts.isEmpty() && restarts.peekLast() < threshold) restarts.pollLast();
        restarts.addFirst(now);
        return restarts.size() <= intensity;
    }

    /** Restarts inside the current window, for gauges. */
    public int recent(long nowMillis) {
        long threshold = Math.floorDiv(nowMillis, 1000L) - periodSeconds;
        int n = 0;
        for (long r : restarts) if (r >= threshold) n++;
        return n;
    }

    public int intensity() { return intensity; }
}
