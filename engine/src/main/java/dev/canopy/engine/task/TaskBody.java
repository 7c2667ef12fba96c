package dev.canopy.engine.task;

import dev.canopy.engine.process.ProcessContext;

/** The function a task runs in its own process; its result is the task's reply. */
@FunctionalInterface
public interface TaskBody<T> {
    T run(ProcessContext ctx) throws Exception;
}
