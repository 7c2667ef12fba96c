package dev.canopy.engine.runtime;

import dev.canopy.engine.time.Clock;

/**
 * Decides which processes run, on which thread, and when waits end. Every process is a
 * {@link Fiber} (a JDK continuation) that a scheduler runs until it waits or ends. Two kinds:
 * a deterministic one (one thread runs everything, the next process picked by a seeded random
 * source, virtual time) and a live one (one carrier thread per core, real time).
 * Rules: every hook is called with the node locked.
 */
public abstract sealed class Scheduler permits DeterministicScheduler, LiveScheduler {
    Node node;

    void attach(Node node) { this.node = node; }

    public abstract Clock clock();

    /** A new process exists (its fiber is made); arrange for it to run. */
    abstract void started(ProcessState p);

    /**
     * Suspends the calling process until it is woken or the deadline passes; lock held on entry
     * and exit (it is released while the process is suspended).
     */
    abstract void await(ProcessState p, long deadline);

    /** Something arrived for p. */
    abstract void wake(ProcessState p);

    /** Runs action (with the lock held) at the monotonic deadline; returns a handle for cancel. */
    abstract long schedule(long deadline, Runnable action);

    abstract boolean cancel(long handle);

    /** Releases the node lock (however often the process holds it), parks the fiber, then takes the lock again. */
    final void parkUnlocked() {
        var lock = node.lock;
        int holds = lock.getHoldCount();
        for (int i = 0; i < holds; i++) lock.unlock();
        try {
            Fiber.park();
        } finally {
            for (int i = 0; i < holds; i++) lock.lock();
        }
    }
}
