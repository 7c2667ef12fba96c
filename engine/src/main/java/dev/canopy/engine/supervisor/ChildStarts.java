package dev.canopy.engine.supervisor;

import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.ProcessUnwind;
import dev.canopy.engine.term.Term;

import java.util.List;

/**
 * Calls a child's start function the way supervisor.erl does ({@code catch apply(M,F,A)}):
 * an exception, or a start that returns nothing, is a start error, never a supervisor crash.
 */
public final class ChildStarts {
    private ChildStarts() {}

    public static StartResult call(ProcessContext supervisor, ChildStart start, List<Object> extraArguments) {
        try {
            var result = start.start(supervisor, extraArguments);
            return result != null ? result
                    : new StartResult.Failed(Term.tuple(Term.atom("bad_start_return"), Term.UNDEFINED));
        } catch (ProcessUnwind u) {
            if (u.bySignal()) throw u;
            return new StartResult.Failed(u.reason());
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            return new StartResult.Failed(Term.Crash.of(e));
        }
    }
}
