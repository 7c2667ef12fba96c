package dev.canopy.engine.genserver;

import dev.canopy.engine.term.Term;

/**
 * The outcome of a synchronous call. Exited carries the reason the caller would exit with
 * in Erlang ({noproc,...}, {timeout,...}, {ServerReason,...}, calling_self); the caller decides.
 */
public sealed interface CallResult {
    record Replied(Object value) implements CallResult {}
    record Exited(Term reason) implements CallResult {}
}
