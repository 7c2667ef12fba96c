package dev.canopy.app.ui.sim;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.canopy.app.ui.time.Ticker;

/**
 * The hand-over of {@link SimSnapshot}s from the engine thread to the FX thread: one slot that
 * coalesces snapshots the UI has not taken yet, and the publish rate limit (under a stream of
 * tasks at most one publish per interval; a skipped publish is owed and paid on the next frame).
 * {@link #offer}, {@link #deferIfTooSoon} and {@link #takeOwedFlush} run on the engine thread;
 * {@link #take} and {@link #claimFlush} on the FX thread. Time comes from an injected
 * {@link Ticker}; "never published" and "an owed publish is due" are explicit states, never a
 * magic timestamp, since a monotonic clock's origin is arbitrary (on Linux it is the boot).
 */
final class SnapshotHandOver {
    private final AtomicReference<SimSnapshot> latest = new AtomicReference<>();
    private final AtomicBoolean publishOwed = new AtomicBoolean();
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    private final long minPublishIntervalNanos;
    private final Ticker ticker;
    private long lastPublishNanos; // engine thread
    private long lastPublishCostNanos; // engine thread: how long building the last snapshot took
    private boolean nextPublishDue = true; // engine thread: nothing published yet, or a flush is owed

    SnapshotHandOver(long minPublishIntervalNanos, Ticker ticker) {
        this.minPublishIntervalNanos = minPublishIntervalNanos;
        this.ticker = ticker;
    }

    /**
     * Engine thread: true when an optional publish comes too soon after the last one (it is then
     * owed, and the next frame asks for it); false when the caller should publish now.
     */
    boolean deferIfTooSoon(boolean mustPublish) {
        long now = ticker.nanos();
        if (!mustPublish && !nextPublishDue && now - lastPublishNanos < intervalNanos()) {
            publishOwed.set(true); // the next frame asks for it
            return true;
        }
        publishOwed.set(false);
        nextPublishDue = false;
        lastPublishNanos = now;
        return false;
    }

    /**
     * The interval between optional publishes: the configured one, or longer when building a
     * snapshot takes more than a {@link #PUBLISH_SHARE} of it. A snapshot copies every node's
     * state, so on a big tree under a storm publishing at the frame rate would leave the engine
     * thread little time for the storm itself; the canvas then follows at a lower rate instead.
     */
    long intervalNanos() {
        if (minPublishIntervalNanos <= 0) return 0;
        return Math.max(minPublishIntervalNanos, lastPublishCostNanos * (long) (1 / PUBLISH_SHARE));
    }

    /** The most of the engine thread's time that optional publishes take under a stream of tasks. */
    static final double PUBLISH_SHARE = 0.25;

    /** Engine thread: how long the publish just made took to build (from {@link #deferIfTooSoon} to its offer). */
    void publishedIn(long costNanos) {
        lastPublishCostNanos = Math.max(0, costNanos);
    }

    /** Engine thread: the ticker's time, for measuring a publish. */
    long now() {
        return ticker.nanos();
    }

    /** Engine thread: hands a snapshot over, coalescing with one the UI has not taken yet. */
    void offer(SimSnapshot s) {
        latest.accumulateAndGet(s, (prev, next) -> next.after(prev));
    }

    /** FX thread: the latest snapshot, or null. */
    SimSnapshot take() {
        return latest.getAndSet(null);
    }

    /** FX thread: true when a publish is owed and no flush task is queued yet (the caller queues one). */
    boolean claimFlush() {
        return publishOwed.get() && flushQueued.compareAndSet(false, true);
    }

    /** Engine thread, in the flush task: true when the owed publish should happen now. */
    boolean takeOwedFlush() {
        flushQueued.set(false);
        if (publishOwed.get()) {
            nextPublishDue = true;
            return true;
        }
        return false;
    }
}
