package dev.canopy.engine.runtime;

import dev.canopy.engine.time.Clock;

/**
 * Decides which process threads may run and when waits end. Two kinds: a deterministic one
 * (one process at a time, picked by a seeded random source, virtual time) and a live one
 * (every process on its own virtual thread, real time).
 * Rules: every hook except {@link #enter} and {@link #leave} is called with the node locked.
 */
public abstract sealed class Scheduler permits DeterministicScheduler, LiveScheduler {
    Node node;

    void attach(Node node) { this.node = node; }

    public abstract Clock clock();

    /** A new process exists; arrange for its thread to run. */
    abstract void started(ProcessState p);

    /** Called on the process's own thread before it runs any code (lock not held). */
    abstract void enter(ProcessState p);

    /** Called on the process's own thread after it has exited (lock not held). */
    abstract void leave(ProcessState p);

    /** Blocks the calling process until it is woken or the deadline passes; lock held on entry and exit. */
    abstract void await(ProcessState p, long deadline);

    /** Something arrived for p. */
    abstract void wake(ProcessState p);

    /** Runs action (with the lock held) at the monotonic deadline; returns a handle for cancel. */
    abstract long schedule(long deadline, Runnable action);

    abstract boolean cancel(long handle);
}
