package dev.canopy.engine.process;

import dev.canopy.engine.term.Term;

/** {'EXIT', From, Reason}: an exit signal turned into a message because the receiver traps exits. */
public record ExitMessage(Pid from, Term reason) {}
