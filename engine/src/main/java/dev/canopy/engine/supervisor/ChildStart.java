package dev.canopy.engine.supervisor;

import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.ProcessContext;

/**
 * How to start a child, called again for every restart (OTP's MFA). Runs in the supervisor
 * and must start the child linked to it, synchronously, like start_link.
 */
@FunctionalInterface
public interface ChildStart {
    StartResult start(ProcessContext supervisor);

    /**
     * Start with a DynamicSupervisor's extra_arguments prepended to the child's own. Starts
     * that take no arguments ignore them.
     */
    default StartResult start(ProcessContext supervisor, java.util.List<Object> extraArguments) {
        return start(supervisor);
    }
}
