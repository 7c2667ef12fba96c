package dev.canopy.diagrams.sim;

import dev.canopy.diagrams.design.ClusterNodes;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.LabAction;
import dev.canopy.engine.cluster.Cluster;
import dev.canopy.engine.process.Pid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The cluster side of a session whose design has {@code cluster_nodes} above 1: the engine's
 * {@link Cluster} with nodes a, b, c..., one controller per node (each the parent of that node's
 * copy of the tree, so a kill from the fault menu reaches its process whatever the network), and
 * the network steps (partition, heal, delay a link), which act on the network itself rather than
 * through a process.
 */
final class ClusterRun {
    private final Cluster cluster;
    private final List<String> names;
    private final Map<String, Pid> controllers = new LinkedHashMap<>();
    /** The delay set on each link, by "a|b" (a before b), as the person set it. */
    private final Map<String, Long> delays = new LinkedHashMap<>();
    /** Nodes taken down (stop_node) and not brought back. */
    private final java.util.Set<String> down = new java.util.LinkedHashSet<>();

    ClusterRun(Design design, long seed) {
        this.names = ClusterNodes.names(design.clusterNodes());
        this.cluster = Cluster.deterministic(seed, names);
    }

    Cluster cluster() { return cluster; }

    List<String> names() { return names; }

    /**
     * Boots the nodes one after another, as a release started node by node would: each node's
     * controller starts its tree and runs until nothing more is runnable before the next node
     * boots. So the first node's copy of a global name registers first, whatever the seed.
     */
    void startControllers(Design design, ProcessBook book, Consumer<Object> report) {
        for (var n : names) {
            var ctl = new SimController(design, book, report, n + ":", cluster);
            controllers.put(n, cluster.spawn(n, ctl::run));
            cluster.runUntilIdle();
        }
    }

    boolean isController(Pid pid) { return controllers.containsValue(pid); }

    Pid firstController() { return controllers.get(names.getFirst()); }

    /** The controller that carries out input: the one of the node it targets (a plain path: the first node). */
    Pid controllerFor(SimInput input) {
        if (input instanceof SimInput.Lab l && l.action() instanceof LabAction.CallFrom c && controllers.containsKey(c.node())) {
            return controllers.get(c.node());
        }
        return NodePaths.nodeOf(input.target()).map(controllers::get).orElse(firstController());
    }

    /** True for the steps that change the network (done here, not by a process). */
    static boolean isNetwork(SimInput input) {
        return input instanceof SimInput.Lab l
                && (l.action() instanceof LabAction.Partition || l.action() instanceof LabAction.Heal || l.action() instanceof LabAction.DelayLink
                    || l.action() instanceof LabAction.StopNode || l.action() instanceof LabAction.StartNode);
    }

    void perform(SimInput.Lab input, ProcessBook book, String rootId) {
        switch (input.action()) {
            case LabAction.StopNode s -> {
                if (!down.add(s.node())) return;
                // A node that dies closes all its connections at once: the others see it go before global could
                // read one loss as an overlap (which cut b–c on a partition), so the rest stay connected.
                cluster.preventOverlappingPartitions(false);
                for (var other : names) if (!other.equals(s.node()) && cluster.connected(s.node(), other)) cluster.disconnect(s.node(), other);
                cluster.preventOverlappingPartitions(true);
                var root = book.latest(NodePaths.qualify(s.node(), rootId));
                if (root != null && cluster.isAlive(root)) cluster.kill(root); // its tree goes with it through the links
            }
            case LabAction.StartNode s -> {
                if (!down.remove(s.node())) return;
                for (var other : names) if (!other.equals(s.node()) && !down.contains(other)) cluster.connect(s.node(), other);
                cluster.runtime().send(controllers.get(s.node()), new SimController.Boot());
            }
            case LabAction.Partition p -> cluster.partition(p.groups());
            case LabAction.Heal h -> {
                cluster.heal();
                // A node that is down stays out of reach: healing the network does not start it.
                for (var d : down) for (var other : names) if (!other.equals(d) && cluster.connected(d, other)) cluster.disconnect(d, other);
            }
            case LabAction.DelayLink d -> {
                cluster.delay(d.a(), d.b(), d.ms());
                delays.put(key(d.a(), d.b()), d.ms());
            }
            default -> throw new IllegalArgumentException("not a network step: " + input);
        }
    }

    private String key(String a, String b) { return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a; }

    ClusterView view(ProcessBook book) {
        var links = new ArrayList<ClusterView.Link>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String a = names.get(i), b = names.get(j);
                links.add(new ClusterView.Link(a, b, cluster.connected(a, b), delays.getOrDefault(key(a, b), 0L)));
            }
        }
        var globals = new ArrayList<ClusterView.GlobalName>();
        for (var n : names) {
            cluster.global().names(cluster.node(n)).forEach((name, pid) -> {
                var path = book.pathOf(pid);
                globals.add(new ClusterView.GlobalName(n, name, pid.toString(), path == null ? "" : path));
            });
        }
        return new ClusterView(names, links, globals, List.copyOf(down));
    }
}
