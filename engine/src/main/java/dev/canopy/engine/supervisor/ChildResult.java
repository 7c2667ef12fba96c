package dev.canopy.engine.supervisor;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.term.Term;

/** Replies of the child management API, the Java form of OTP's tagged tuples. */
public sealed interface ChildResult {
    /** {ok,Pid}. */
    record Started(Pid pid) implements ChildResult {}
    /** {ok,undefined}: the child's init returned ignore; its spec is kept. */
    record NotStarted() implements ChildResult {}
    /** ignore (DynamicSupervisor.start_child). */
    record Ignored() implements ChildResult {}
    /** ok. */
    record Done() implements ChildResult {}
    /** {error,Reason}. */
    record Error(Term reason) implements ChildResult {}

    default String render() {
        return switch (this) {
            case Started s -> "ok";
            case NotStarted n -> "ok undefined";
            case Ignored i -> "ignore";
            case Done d -> "ok";
            case Error e -> "error " + e.reason().render();
        };
    }
}
