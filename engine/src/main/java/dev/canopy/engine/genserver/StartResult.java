package dev.canopy.engine.genserver;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.term.Term;

/** The outcome of start_link: {ok,Pid}, ignore or {error,Reason}. */
public sealed interface StartResult {
    record Started(Pid pid) implements StartResult {}
    record Ignored() implements StartResult {}
    record Failed(Term reason) implements StartResult {}
}
