package dev.canopy.diagrams.sim;

/** A log line about the cluster (the network, global names), about path, at engine time atMonotonicMs. */
record ClusterNote(String path, long atMonotonicMs, SimEvent.Kind kind, String text) {}
