package dev.canopy.engine.runtime;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * One process's body as a JDK continuation: {@link #run()} runs it on the calling thread until
 * it waits ({@link #park()}, called from inside) or ends. A continuation yields from any depth
 * of ordinary code, also while a {@code synchronized} monitor is held, so behaviours stay
 * blocking-style code. Rules: run by at most one thread at a time (the schedulers ensure it).
 */
final class Fiber {
    private static final ContinuationScope SCOPE = new ContinuationScope("canopy-process");

    private final Continuation continuation;

    Fiber(Runnable body) { this.continuation = new Continuation(SCOPE, body); }

    /** Runs until the body parks or ends. */
    void run() { continuation.run(); }

    boolean isDone() { return continuation.isDone(); }

    /** Suspends the running process; returns when a scheduler runs it again. */
    static void park() {
        if (!Continuation.yield(SCOPE)) {
            throw new IllegalStateException("a Canopy process waited outside its own continuation");
        }
    }

    /** True when the calling code runs inside some process (a scheduler must not be driven from there). */
    static boolean insideProcess() { return Continuation.getCurrentContinuation(SCOPE) != null; }
}
