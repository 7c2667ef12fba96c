package dev.canopy.engine.process;

/** {nodedown, Node}: the message monitor_node/2 sends when the connection to that node is lost. */
public record NodeDown(String node) {}
