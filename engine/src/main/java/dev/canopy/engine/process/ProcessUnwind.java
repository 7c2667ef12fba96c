package dev.canopy.engine.process;

import dev.canopy.engine.term.Term;

/**
 * Unwinds a process's stack when it ends: by calling exit/1, or because a signal killed it.
 * An Error so that callback code catching Exception never swallows it; behaviour runtimes
 * rethrow it. Never escapes the process's thread.
 */
public final class ProcessUnwind extends Error {
    private final transient Term reason;
    private final boolean bySignal;

    public ProcessUnwind(Term reason, boolean bySignal) {
        super(null, null, false, false);
        this.reason = reason;
        this.bySignal = bySignal;
    }

    public Term reason() { return reason; }

    /** True when an exit signal ended the process (no terminate callback may run). */
    public boolean bySignal() { return bySignal; }
}
