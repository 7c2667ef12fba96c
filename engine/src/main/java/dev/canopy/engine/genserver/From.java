package dev.canopy.engine.genserver;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.Ref;

/** Who is waiting for a call's reply; keep it to reply later with {@link GenServers#reply}. */
public record From(Pid pid, Ref ref) {}
