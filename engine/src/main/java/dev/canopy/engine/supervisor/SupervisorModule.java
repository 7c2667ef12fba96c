package dev.canopy.engine.supervisor;

import dev.canopy.engine.process.ProcessContext;

/** The callback module of a supervisor: init/1 gives the flags and the child specs. */
@FunctionalInterface
public interface SupervisorModule {
    SupervisorInit init(ProcessContext ctx) throws Exception;
}
