package dev.canopy.engine.runtime;

import dev.canopy.engine.process.Pid;

import java.util.List;

/** A snapshot of a live process, for inspectors. */
public record ProcessInfo(Pid pid, String registeredName, int mailboxSize, boolean trapsExits,
                          List<Pid> links, int monitors, boolean waiting) {}
