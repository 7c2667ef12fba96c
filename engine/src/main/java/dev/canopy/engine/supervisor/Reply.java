package dev.canopy.engine.supervisor;

import dev.canopy.engine.term.Term;

/** A typed reply from a supervisor call, or the exit the call raised (noproc when it is gone). */
public sealed interface Reply<T> {
    record Ok<T>(T value) implements Reply<T> {}
    record Exited<T>(Term reason) implements Reply<T> {}
}
