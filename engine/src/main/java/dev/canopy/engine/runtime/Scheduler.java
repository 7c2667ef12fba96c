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
     * The calling process is about to park until it is woken or the deadline passes (lock held).
     * Returns a token for {@link #endWait}. The node parks it itself ({@link Node#receive}), so
     * that a parked process's stack is as short as it can be: every frame is copied on each wait.
     */
    abstract long beginWait(ProcessState p, long deadline);

    /**
     * How many holds of the node lock the thread running a process keeps while the process is
     * parked: the holds the scheduler itself took around running it (its continuation yields to
     * that scheduler code). The process releases all the others before it parks.
     */
    int holdsKeptWhileParked() { return 0; }

    /** The process runs again after a wait (lock held); token is what {@link #beginWait} returned. */
    abstract void endWait(ProcessState p, long token);

    /** Something arrived for p. */
    abstract void wake(ProcessState p);

    /** Runs action (with the lock held) at the monotonic deadline; returns a handle for cancel. */
    abstract long schedule(long deadline, Runnable action);

    abstract boolean cancel(long handle);
}
