package dev.canopy.engine.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * One of a live node's carrier threads: runs runnable processes' continuations one at a time.
 * It first runs the process in its next slot (woken by the process it just ran, so a message
 * and its answer stay on this core), then takes from the shared queue; with nothing to do it
 * spins briefly, then parks until a process is queued. After {@value #NEXT_SLOT_LIMIT} runs from
 * the next slot in a row it serves the shared queue, so two processes talking to each other
 * cannot starve the rest.
 */
final class Carrier extends Thread implements Watchdog.Runner {
    static final int NEXT_SLOT_LIMIT = 64;
    private static final int SPINS = 200;
    private static final long PARK_NANOS = 50_000_000L;

    final LiveScheduler scheduler;
    private ProcessState next;
    private int nextRuns;
    volatile boolean parked;
    /** The process on this carrier now, and how many runs this carrier has begun (read racily by the watchdog). */
    private ProcessState current;
    private long runs;

    Carrier(LiveScheduler scheduler, int index) {
        super("canopy-carrier-" + index);
        this.scheduler = scheduler;
        setDaemon(true);
    }

    /** Called on this carrier by the process it runs: p runs next; an earlier occupant goes to the shared queue. */
    void offerNext(ProcessState p) {
        var old = next;
        next = p;
        if (old != null) scheduler.offerShared(old);
    }

    @Override public ProcessState running() { return current; }

    @Override public long runs() { return runs; }

    @Override public String where() { return "carrier " + getName(); }

    @Override public void run() {
        int idle = 0;
        while (true) {
            ProcessState p = next;
            if (p != null && nextRuns < NEXT_SLOT_LIMIT) {
                next = null;
                nextRuns++;
            } else {
                nextRuns = 0;
                p = scheduler.shared.poll();
                if (p == null && next != null) {
                    p = next;
                    next = null;
                }
            }
            if (p != null) {
                idle = 0;
                runOnce(p);
                continue;
            }
            if (scheduler.closed) return;
            if (++idle < SPINS) {
                Thread.onSpinWait();
                continue;
            }
            parked = true;
            if (scheduler.shared.isEmpty() && !scheduler.closed) LockSupport.parkNanos(this, PARK_NANOS);
            parked = false;
        }
    }

    private void runOnce(ProcessState p) {
        ProcessState.RUN_STATE.setVolatile(p, ProcessState.RUNNING);
        current = p;
        runs++;
        p.fiber.run();
        current = null;
        if (p.fiber.isDone()) return;
        if (!ProcessState.RUN_STATE.compareAndSet(p, ProcessState.RUNNING, ProcessState.IDLE)) {
            // Woken between deciding to wait and parking: it is runnable again.
            ProcessState.RUN_STATE.setVolatile(p, ProcessState.QUEUED);
            offerNext(p);
        }
    }
}
