package dev.canopy.diagrams.sim;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.process.Pid;

/**
 * The log lines of a cluster run: the network (split, heal, a connection lost or back, a slow
 * link, nodedown) and global names (registered, forgotten by a node, a clash resolved), in
 * words that name nodes and processes ({@code scheduler@b}).
 */
final class ClusterLines {
    interface Sink { void add(long atMs, String path, SimEvent.Kind kind, String text); }

    private final ProcessBook book;
    private final String root;
    private final Sink sink;
    /** The groups of the partition in force (empty once healed): a cut inside a group is global's doing. */
    private java.util.List<java.util.List<String>> groups = java.util.List.of();

    ClusterLines(ProcessBook book, String root, Sink sink) {
        this.book = book;
        this.root = root;
        this.sink = sink;
    }

    void onEvent(long at, Event event) {
        switch (event) {
            case Event.Partitioned p -> {
                groups = p.groups();
                partitioned(at, p);
            }
            case Event.Healed h -> {
                groups = java.util.List.of();
                sink.add(at, root, SimEvent.Kind.NETWORK, "heal: every node may reach every node again");
            }
            case Event.ConnectionLost l when sameGroup(l.a(), l.b()) -> sink.add(at, root, SimEvent.Kind.NETWORK, "nodedown: global cut "
                    + pair(l.a(), l.b()) + " too, though the split keeps them together: a node that reaches both sides of a cut is "
                    + "disconnected (prevent_overlapping_partitions, on by default in OTP 25)");
            case Event.ConnectionLost l -> sink.add(at, root, SimEvent.Kind.NETWORK, "nodedown: " + l.a() + " and " + l.b()
                    + " lost their connection; links and monitors between them fire with :noconnection");
            default -> other(at, event);
        }
    }

    /** Two nodes in node order (a–b, never b–a), as the lanes and links show them. */
    private static String pair(String a, String b) { return a.compareTo(b) < 0 ? a + "–" + b : b + "–" + a; }

    private boolean sameGroup(String a, String b) {
        return groups.stream().anyMatch(g -> g.contains(a) && g.contains(b));
    }

    private void partitioned(long at, Event.Partitioned p) {
        sink.add(at, root, SimEvent.Kind.NETWORK, "partition: the network splits into "
                    + String.join(" | ", p.groups().stream().map(g -> "{" + String.join(", ", g) + "}").toList())
                    + "; each node now only reaches the nodes of its own group");
    }

    private void other(long at, Event event) {
        switch (event) {
            case Event.ConnectionUp u -> sink.add(at, root, SimEvent.Kind.NETWORK, "nodeup: " + u.a() + " and " + u.b() + " are connected");
            case Event.ConnectionDelayed d when d.from().compareTo(d.to()) < 0 -> sink.add(at, root, SimEvent.Kind.NETWORK,
                    d.delayMs() == 0 ? "the link " + d.from() + "–" + d.to() + " is fast again"
                            : "the link " + d.from() + "–" + d.to() + " now delays every signal by " + d.delayMs() + " ms");
            case Event.NodeDown n -> sink.add(at, pathOr(n.watcher()), SimEvent.Kind.NETWORK,
                    "{nodedown, " + n.node() + "} delivered to " + who(n.watcher()));
            case Event.GlobalRegistered r -> sink.add(at, pathOr(r.pid()), SimEvent.Kind.GLOBAL,
                    "global: " + r.name() + " registered to " + who(r.pid()) + ", known on " + String.join(", ", r.nodes()));
            case Event.GlobalUnregistered u -> sink.add(at, pathOr(u.pid()), SimEvent.Kind.GLOBAL,
                    "global: node " + u.node() + " forgets " + u.name() + " (" + who(u.pid()) + " is gone or out of reach)");
            case Event.GlobalNameClash c -> sink.add(at, pathOr(c.killed()), SimEvent.Kind.GLOBAL,
                    "global: kept " + who(c.kept()) + ", killed " + who(c.killed()) + ": " + c.name()
                            + " was registered on both sides of the split; the default resolver keeps the pid on the node whose name sorts first");
            default -> { }
        }
    }

    private String pathOr(Pid pid) {
        var path = book.pathOf(pid);
        return path == null ? root : path;
    }

    private String who(Pid pid) {
        var path = book.pathOf(pid);
        return path == null ? pid.toString() : pid + " (" + NodePaths.name(path) + ")";
    }
}
