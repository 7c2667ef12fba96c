package dev.canopy.engine.supervisor;

import dev.canopy.engine.process.Pid;

/** One line of which_children: id, pid (null when not running), restarting, type. */
public record ChildInfo(String id, Pid pid, boolean restarting, ChildType type, java.util.List<String> modules) {}
