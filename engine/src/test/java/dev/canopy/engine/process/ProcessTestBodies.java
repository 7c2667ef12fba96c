package dev.canopy.engine.process;

import dev.canopy.engine.term.Term;

import java.util.List;

import static dev.canopy.engine.term.Term.atom;

/** Process bodies and terms the process-semantics tests share. */
final class ProcessTestBodies {
    static final Term BOOM = atom("boom");

    private ProcessTestBodies() {}

    /** A process that waits for "go" and then exits with the given reason. */
    static ProcessBody exitOnGo(Term reason) {
        return ctx -> {
            ctx.receive(m -> "go".equals(m) ? m : null);
            throw ctx.exit(reason);
        };
    }

    /** A process that records every message it receives, forever. */
    static ProcessBody collector(List<Object> into) {
        return ctx -> {
            while (true) into.add(ctx.receive());
        };
    }
}
