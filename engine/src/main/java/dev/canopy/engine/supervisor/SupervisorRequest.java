package dev.canopy.engine.supervisor;

/** The calls a static supervisor answers (supervisor.erl handle_call/3). */
sealed interface SupervisorRequest {
    record StartChild(ChildSpec spec) implements SupervisorRequest {}
    record TerminateChild(String id) implements SupervisorRequest {}
    record RestartChild(String id) implements SupervisorRequest {}
    record DeleteChild(String id) implements SupervisorRequest {}
    record WhichChildren() implements SupervisorRequest {}
    record CountChildren() implements SupervisorRequest {}
    /** Sent to itself after a failed restart, so that queued requests run first. */
    record TryAgainRestart(String id) implements SupervisorRequest {}
}
