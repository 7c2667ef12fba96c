package dev.canopy.diagrams.sim;

import java.util.List;
import java.util.Optional;

/**
 * What a cluster run looks like now, for drawing: its nodes, the link between every pair (up or
 * cut, its delay) and, per node, the global names that node knows and which process holds each.
 */
public record ClusterView(List<String> nodes, List<Link> links, List<GlobalName> names, List<String> down) {
    public ClusterView {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
        names = List.copyOf(names);
        down = List.copyOf(down);
    }

    /** Whether the node was taken down (stop_node) and is not back. */
    public boolean isDown(String node) { return down.contains(node); }

    /** The connection between nodes a and b (a before b in node order). */
    public record Link(String a, String b, boolean up, long delayMs) {}

    /** Node {@code node} knows global name {@code name} as pid, the process at holderPath (node-qualified; "" if not a design process). */
    public record GlobalName(String node, String name, String pid, String holderPath) {}

    /** Whether node holds name through one of its own processes (the copy a call from there reaches is local). */
    public boolean holdsOwn(String node, String holderPath) {
        return names.stream().anyMatch(g -> g.node().equals(node) && g.holderPath().equals(holderPath)
                && NodePaths.nodeOf(holderPath).map(node::equals).orElse(false));
    }

    public Optional<Link> link(String a, String b) {
        return links.stream().filter(l -> (l.a().equals(a) && l.b().equals(b)) || (l.a().equals(b) && l.b().equals(a))).findFirst();
    }

    /** What node knows of name: empty when a call from there would get noproc. */
    public Optional<GlobalName> seenOn(String node, String name) {
        return names.stream().filter(g -> g.node().equals(node) && g.name().equals(name)).findFirst();
    }
}
