package dev.canopy.engine.task;

import dev.canopy.engine.term.Term;

/** The outcome of Task.shutdown: {:ok, reply}, {:exit, reason} or nil. */
public sealed interface ShutdownResult<T> {
    /** The reply arrived before the task stopped. */
    record Replied<T>(T value) implements ShutdownResult<T> {}
    /** The task ended some other way than the shutdown asked for (crash, killed after the timeout, noproc). */
    record Exited<T>(Term reason) implements ShutdownResult<T> {}
    /** The task stopped as asked, without a reply. */
    record NoReply<T>() implements ShutdownResult<T> {}
}
