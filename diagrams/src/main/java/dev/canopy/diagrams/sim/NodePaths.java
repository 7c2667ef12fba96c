package dev.canopy.diagrams.sim;

import java.util.Optional;

/**
 * Paths of a cluster run: every node runs the same tree, so a process is named by its node and
 * its design path, {@code b:root/scheduler}. A single-node run keeps plain design paths (its
 * traces and logs are what they always were). Design ids cannot hold ':' (they are Erlang/Elixir
 * names), so the first ':' always ends the node.
 */
public final class NodePaths {
    private NodePaths() {}

    /** The path of designPath's copy on node. */
    public static String qualify(String node, String designPath) { return node + ":" + designPath; }

    /** The design path a (possibly node-qualified) path plays. */
    public static String designPath(String path) {
        int i = path.indexOf(':');
        return i < 0 ? path : path.substring(i + 1);
    }

    /** The node of a node-qualified path; empty for a plain design path. */
    public static Optional<String> nodeOf(String path) {
        int i = path.indexOf(':');
        return i < 0 ? Optional.empty() : Optional.of(path.substring(0, i));
    }

    /** How a log line names the process at path: its id, with "@node" in a cluster (scheduler@b). */
    public static String name(String path) {
        var design = designPath(path);
        var id = design.substring(design.lastIndexOf('/') + 1);
        return nodeOf(path).map(n -> id + "@" + n).orElse(id);
    }
}
