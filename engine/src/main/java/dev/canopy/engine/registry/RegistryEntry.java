package dev.canopy.engine.registry;

import dev.canopy.engine.process.Pid;

/** One {pid, value} pair under a key, as Registry.lookup/2 returns it. */
public record RegistryEntry(Pid pid, Object value) {}
