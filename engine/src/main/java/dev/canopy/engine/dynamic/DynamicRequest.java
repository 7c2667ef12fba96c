package dev.canopy.engine.dynamic;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.supervisor.ChildSpec;

/** The calls and self-messages of a DynamicSupervisor (dynamic_supervisor.ex). */
sealed interface DynamicRequest {
    record StartChild(ChildSpec spec) implements DynamicRequest {}
    record TerminateChild(Pid pid) implements DynamicRequest {}
    record WhichChildren() implements DynamicRequest {}
    record CountChildren() implements DynamicRequest {}
    /** {:"$gen_restart", pid}: retry a failed restart after queued messages. */
    record RetryRestart(Pid oldPid) implements DynamicRequest {}
    /** A shutdown timer for one group of children ran out: kill those still alive. */
    record KillTimer(long group) implements DynamicRequest {}
}
