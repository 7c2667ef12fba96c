package dev.canopy.diagrams.design;

import java.util.HashSet;
import java.util.List;

/**
 * The rules of the network lab steps: they need a cluster ({@code cluster_nodes} above 1), name
 * its nodes ({@link ClusterNodes#names}), and a partition puts every node in exactly one group.
 */
final class NetworkChecks {
    private NetworkChecks() {}

    /** False (with a problem) when the design has one node, so there is no network to act on. */
    static boolean cluster(Design design, String word, String at, List<DesignProblem> problems) {
        if (design.clusterNodes() > 1) return true;
        problems.add(DesignProblem.error(at + ".do", "a " + word + " step acts on the network between nodes: set cluster_nodes to 2 or more"));
        return false;
    }

    static void node(Design design, String name, String at, List<DesignProblem> problems) {
        var names = ClusterNodes.names(design.clusterNodes());
        if (!names.contains(name)) {
            problems.add(DesignProblem.error(at, "there is no node '" + name + "': this design's nodes are " + String.join(", ", names)));
        }
    }

    static void partition(Design design, LabAction.Partition p, String at, List<DesignProblem> problems) {
        if (!cluster(design, "partition", at, problems)) return;
        var names = ClusterNodes.names(design.clusterNodes());
        var seen = new HashSet<String>();
        for (int g = 0; g < p.groups().size(); g++) {
            var group = p.groups().get(g);
            for (int i = 0; i < group.size(); i++) {
                String where = at + ".groups[" + g + "][" + i + "]";
                String name = group.get(i);
                if (!names.contains(name)) {
                    node(design, name, where, problems);
                } else if (!seen.add(name)) {
                    problems.add(DesignProblem.error(where, "node '" + name + "' is in two groups: each node is in exactly one"));
                }
            }
        }
        var missing = names.stream().filter(n -> !seen.contains(n)).toList();
        if (!missing.isEmpty()) {
            problems.add(DesignProblem.error(at + ".groups", "every node must be in a group; missing: " + String.join(", ", missing)));
        }
    }
}
