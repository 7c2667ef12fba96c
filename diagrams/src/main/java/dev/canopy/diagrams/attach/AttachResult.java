package dev.canopy.diagrams.attach;

/** The outcome of attaching: a running bridge connected to the node, or why not. */
public sealed interface AttachResult {

    record Attached(NodeBridge bridge, String node) implements AttachResult {}

    record NotAttached(AttachFailure failure) implements AttachResult {}
}
