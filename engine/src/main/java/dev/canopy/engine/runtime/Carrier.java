package dev.canopy.engine.runtime;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One of a live node's carrier threads: runs the continuations of the processes that live on it
 * (its home processes), one at a time. A process never moves to another carrier: compiled code
 * may keep {@code Thread.currentThread()} across a continuation's yield, so a continuation resumed
 * on another thread would see the old thread (and a lock would record the wrong owner) — measured
 * on JDK 25, see ADR 0005.
 * <p>Order of work: the next slot (a process woken by the process just run here, so a message and
 * its answer stay on this core), then the local queue, then processes woken from other threads
 * (the inbox). After {@value #NEXT_SLOT_LIMIT} next-slot runs in a row the queues come first, so
 * two processes talking to each other cannot starve the rest. With nothing to do it spins
 * briefly, then parks until another thread queues one of its processes.
 */
final class Carrier extends Thread implements Watchdog.Runner {
    static final int NEXT_SLOT_LIMIT = 64;
    private static final int SPINS = 200;
    private static final long PARK_NANOS = 50_000_000L;

    final LiveScheduler scheduler;
    private ProcessState next;
    private int nextRuns;
    private final ArrayDeque<ProcessState> local = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<ProcessState> inbox = new ConcurrentLinkedQueue<>();
    private volatile boolean parked;
    /** The process on this carrier now, and how many runs this carrier has begun (read racily by the watchdog). */
    private ProcessState current;
    private long runs;

    Carrier(LiveScheduler scheduler, int index) {
        super("canopy-carrier-" + index);
        this.scheduler = scheduler;
        setDaemon(true);
    }

    @Override public ProcessState running() { return current; }

    @Override public long runs() { return runs; }

    @Override public String where() { return "carrier " + getName(); }

    /** On this carrier's own thread: p (a home process) runs next; an earlier occupant goes to the local queue. */
    void offerNext(ProcessState p) {
        var old = next;
        next = p;
        if (old != null) local.add(old);
    }

    /** From any other thread: queue p (a home process) and wake this carrier if it is parked. */
    void offerRemote(ProcessState p) {
        inbox.add(p);
        if (parked) LockSupport.unpark(this);
    }

    /** Wakes the carrier so it sees that the node is closing. */
    void nudge() { LockSupport.unpark(this); }

    @Override public void run() {
        int idle = 0;
        while (true) {
            ProcessState p = take();
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
            if (inbox.isEmpty() && !scheduler.closed) LockSupport.parkNanos(this, PARK_NANOS);
            parked = false;
        }
    }

    private ProcessState take() {
        ProcessState p = next;
        if (p != null && nextRuns < NEXT_SLOT_LIMIT) {
            next = null;
            nextRuns++;
            return p;
        }
        nextRuns = 0;
        ProcessState q;
        while ((q = inbox.poll()) != null) local.add(q);
        p = local.poll();
        if (p == null && next != null) {
            p = next;
            next = null;
        }
        return p;
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
