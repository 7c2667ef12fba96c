package dev.canopy.engine.process;

import dev.canopy.engine.term.Term;

/** {'DOWN', Ref, process, Pid, Reason}: the monitored process is gone (noproc if it never was). */
public record Down(Ref ref, Pid pid, Term reason) {}
