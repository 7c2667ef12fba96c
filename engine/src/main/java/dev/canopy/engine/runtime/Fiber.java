package dev.canopy.engine.runtime;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * One process's body as a JDK continuation: {@link #run()} runs it on the calling thread until
 * it waits ({@link #park()}, called from inside) or ends. A continuation yields from any depth
 * of ordinary code, also while a {@code synchronized} monitor is held, so behaviours stay
 * blocking-style code. Rules: run by one thread at a time, and always by the same thread
 * (compiled code may keep {@code Thread.currentThread()} across a yield; ADR 0005). The class
 * is the continuation itself, not a wrapper: a million idle processes are a million of these.
 */
final class Fiber extends Continuation {
    private static final ContinuationScope SCOPE = new ContinuationScope("canopy-process");

    Fiber(Runnable body) { super(SCOPE, body); }

    /** Suspends the running process; returns when its scheduler runs it again. */
    static void park() {
        if (!Continuation.yield(SCOPE)) {
            throw new IllegalStateException("a Canopy process waited outside its own continuation");
        }
    }

    /** True when the calling code runs inside some process (a scheduler must not be driven from there). */
    static boolean insideProcess() { return Continuation.getCurrentContinuation(SCOPE) != null; }
}
