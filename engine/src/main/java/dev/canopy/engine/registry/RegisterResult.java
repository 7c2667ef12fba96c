package dev.canopy.engine.registry;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.term.Term;

/** The outcome of Registry.register/3: {:ok, _} or {:error, {:already_registered, pid}}. */
public sealed interface RegisterResult {
    record Ok() implements RegisterResult {}

    /** A unique key already has a live owner (possibly the caller itself). */
    record AlreadyRegistered(Pid owner) implements RegisterResult {
        public Term reason() { return Term.tuple(Term.atom("already_registered"), new Term.PidTerm(owner)); }
    }
}
