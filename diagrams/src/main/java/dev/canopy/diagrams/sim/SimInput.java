package dev.canopy.diagrams.sim;

import dev.canopy.engine.term.Term;

/**
 * What a person (or a fault script) does to a running simulation. Targets are design paths
 * ({@code root/sub/db}); each input acts on the latest incarnation at that path. Recorded with
 * the virtual time it happened, so a run replays exactly from its seed and its inputs.
 */
public sealed interface SimInput {
    String target();

    /** exit(Pid, kill): untrappable, seen as killed. */
    record Kill(String target) implements SimInput {}

    /** exit(Pid, Reason) from outside the tree: normal, shutdown or a custom reason. */
    record Exit(String target, Term reason) implements SimInput {}

    /**
     * The worker stops itself: a handler returns {@code {stop, reason}}, terminate runs and it exits
     * with the reason (the fault script's {@code stop} step). Unlike {@link Exit}, a {@code normal}
     * reason really ends the process.
     */
    record Stop(String target, Term reason) implements SimInput {}

    /** An exception inside a callback (the worker crashes, terminate runs). */
    record Raise(String target) implements SimInput {}

    /** The next init at this path crashes. */
    record FailNextInit(String target) implements SimInput {}

    /** The worker stops answering for ms (callers time out). */
    record Hang(String target, long ms) implements SimInput {}

    /** count messages dropped into the mailbox at once. */
    record Flood(String target, int count) implements SimInput {}

    /** terminate/2 of the current incarnation takes ms. */
    record SlowTerminate(String target, long ms) implements SimInput {}

    /** A synchronous call with a timeout, as a client of the worker would make. */
    record Call(String target, long timeoutMs) implements SimInput {}

    /** A plain message, as traffic would bring; a worker whose crash_on matches it crashes. */
    record Send(String target, String message) implements SimInput {}

    /**
     * Starts one child from a dynamic supervisor's (or Task.Supervisor's) template, named
     * {@code childId} (a fault script's start_child names it: a user id, a shard), or numbered
     * ({@code session_1}, {@code task_1}, ...) when {@code childId} is empty.
     */
    record StartDynamicChild(String target, String childId) implements SimInput {
        public StartDynamicChild {
            java.util.Objects.requireNonNull(childId, "childId");
        }

        public StartDynamicChild(String target) {
            this(target, "");
        }
    }

    /** supervisor:terminate_child(target, childId): the supervisor stops the child and keeps its spec. */
    record TerminateChild(String target, String childId) implements SimInput {}

    /** supervisor:restart_child(target, childId): starts a terminated child again from its kept spec. */
    record RestartChild(String target, String childId) implements SimInput {}

    /** supervisor:delete_child(target, childId): forgets a terminated child's spec. */
    record DeleteChild(String target, String childId) implements SimInput {}
    /** Starts count children at once from a dynamic supervisor's (or Task.Supervisor's) template. */
    record StartDynamicChildren(String target, int count) implements SimInput {
        public StartDynamicChildren {
            if (count < 1) throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
    }

    /** A pattern-lab action (simulator-only): the worker at target does it, or the system clock jumps. */
    record Lab(String target, dev.canopy.diagrams.design.LabAction action) implements SimInput {}

    /** Sends shutdown to the root and lets the tree stop. */
    record StopTree(String target) implements SimInput {}

    default String describe() {
        return switch (this) {
            case Kill k -> "kill " + k.target();
            case Exit e -> "exit " + e.target() + " with " + e.reason().render();
            case Stop s -> "make " + s.target() + " stop itself with " + s.reason().render();
            case Raise r -> "raise inside a callback of " + r.target();
            case FailNextInit f -> "fail the next init of " + f.target();
            case Hang h -> "hang " + h.target() + " for " + h.ms() + " ms";
            case Flood f -> "flood " + f.target() + " with " + f.count() + " messages";
            case SlowTerminate s -> "make terminate of " + s.target() + " take " + s.ms() + " ms";
            case Call c -> "call " + c.target() + " (timeout " + c.timeoutMs() + " ms)";
            case Send s -> "send " + s.message() + " to " + s.target();
            case StartDynamicChild s -> "start a child under " + s.target() + (s.childId().isEmpty() ? "" : " as " + s.childId());
            case TerminateChild t -> "terminate_child " + t.childId() + " of " + t.target();
            case RestartChild r -> "restart_child " + r.childId() + " of " + r.target();
            case DeleteChild d -> "delete_child " + d.childId() + " of " + d.target();
            case StartDynamicChildren s -> "start " + s.count() + " children under " + s.target();
            case StopTree s -> "stop the tree";
            case Lab l -> LabInputs.describe(l.action());
        };
    }
}
