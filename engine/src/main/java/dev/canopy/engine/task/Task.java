package dev.canopy.engine.task;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.Ref;

/**
 * %Task{}: the task process, the monitor reference its reply is tagged with, and the owner,
 * the only process that may await it. T is the type of the task function's result.
 */
public record Task<T>(Pid pid, Ref ref, Pid owner) {}
