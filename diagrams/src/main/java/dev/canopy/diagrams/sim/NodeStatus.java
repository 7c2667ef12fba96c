package dev.canopy.diagrams.sim;

/** What the canvas shows for a node of a running design. */
public enum NodeStatus { NOT_STARTED, RUNNING, EXITED, RESTARTING, GAVE_UP, IGNORED, INIT_FAILED }
