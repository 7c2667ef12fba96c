package dev.canopy.diagrams.design;

import java.util.ArrayList;
import java.util.List;

/**
 * The names the simulator gives the nodes of a design with {@code cluster_nodes} = N: a, b, c, ...
 * (short, so lanes and log lines stay readable; they sort in node order, which is what global's
 * default resolver looks at). Lab steps about the network name nodes this way.
 */
public final class ClusterNodes {
    /** The most nodes the simulator plays (one letter each). */
    public static final int MAX = 26;

    private ClusterNodes() {}

    /** The node names of a cluster of n nodes (n is clamped to 1..{@value #MAX}). */
    public static List<String> names(int n) {
        var out = new ArrayList<String>();
        for (int i = 0; i < Math.max(1, Math.min(MAX, n)); i++) out.add(String.valueOf((char) ('a' + i)));
        return List.copyOf(out);
    }
}
