package dev.canopy.engine.runtime;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.term.Term;

/** What travels between processes. Kept in arrival order; each pair of processes sees FIFO order. */
sealed interface Signal {
    record Message(Object payload) implements Signal {}

    /** An exit signal; viaLink is true when a linked process died, false for exit/2. */
    record Exit(Pid from, Term reason, boolean viaLink) implements Signal {}
}
