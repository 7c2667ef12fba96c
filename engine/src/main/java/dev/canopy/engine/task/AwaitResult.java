package dev.canopy.engine.task;

import dev.canopy.engine.term.Term;

/**
 * The outcome of Task.await: the reply, or the reason Elixir's await would exit the caller
 * with: {TaskReason, {Task, await, [Pid, Timeout]}} when the task died, {timeout, ...} when
 * no reply came in time. {@link Tasks#awaitOrExit} does exit.
 */
public sealed interface AwaitResult<T> {
    record Ok<T>(T value) implements AwaitResult<T> {}

    record Exit<T>(Term reason) implements AwaitResult<T> {
        /** The task's own exit reason, or timeout. */
        public Term cause() { return Term.head(reason); }
    }
}
