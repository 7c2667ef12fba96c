package dev.canopy.engine.supervisor;

/** count_children: specs, active (running) children, supervisors and workers. */
public record ChildCounts(int specs, int active, int supervisors, int workers) {}
