package dev.canopy.engine.task;

import dev.canopy.engine.term.Term;

/** The outcome of Task.yield: {:ok, reply}, {:exit, reason} or nil (ask again later). */
public sealed interface YieldResult<T> {
    record Reply<T>(T value) implements YieldResult<T> {}
    /** The task died with this reason before replying. */
    record Exited<T>(Term reason) implements YieldResult<T> {}
    /** Still running: the monitor stays active, so yield may be called again. */
    record NoReplyYet<T>() implements YieldResult<T> {}
}
