package dev.canopy.app.ui.sim;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The hand-over of {@link SimSnapshot}s from the engine thread to the FX thread: one slot that
 * coalesces snapshots the UI has not taken yet, and the publish rate limit (under a stream of
 * tasks at most one publish per interval; a skipped publish is owed and paid on the next frame).
 * {@link #offer}, {@link #deferIfTooSoon} and {@link #takeOwedFlush} run on the engine thread;
 * {@link #take} and {@link #claimFlush} on the FX thread.
 */
final class SnapshotHandOver {
    private final AtomicReference<SimSnapshot> latest = new AtomicReference<>();
    private final AtomicBoolean publishOwed = new AtomicBoolean();
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    private final long minPublishIntervalNanos;
    private long lastPublishNanos; // engine thread

    SnapshotHandOver(long minPublishIntervalNanos) {
        this.minPublishIntervalNanos = minPublishIntervalNanos;
    }

    /**
     * Engine thread: true when an optional publish comes too soon after the last one (it is then
     * owed, and the next frame asks for it); false when the caller should publish now.
     */
    boolean deferIfTooSoon(boolean mustPublish) {
        long now = System.nanoTime();
        if (!mustPublish && now - lastPublishNanos < minPublishIntervalNanos) {
            publishOwed.set(true); // the next frame asks for it
            return true;
        }
        publishOwed.set(false);
        lastPublishNanos = now;
        return false;
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
            lastPublishNanos = 0;
            return true;
        }
        return false;
    }
}
