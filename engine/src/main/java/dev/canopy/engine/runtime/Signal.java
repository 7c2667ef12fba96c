package dev.canopy.engine.runtime;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.term.Term;

/**
 * What travels between processes besides messages. A process's signal queue holds, in arrival
 * order, these and the messages themselves (unwrapped: a message costs no extra object); each
 * pair of processes sees FIFO order. No code outside this package can name these types, so a
 * message is never mistaken for one.
 */
sealed interface Signal {

    /** An exit signal; viaLink is true when a linked process died, false for exit/2. */
    record Exit(Pid from, Term reason, boolean viaLink) implements Signal {}
}
