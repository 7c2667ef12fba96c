package dev.canopy.diagrams.sim;

/** An input and the virtual time (ms since the tree started) it was applied at. */
public record TimedInput(long atMs, SimInput input) {}
