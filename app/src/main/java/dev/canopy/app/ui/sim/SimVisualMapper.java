package dev.canopy.app.ui.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.TaskSupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.diagrams.layout.LayoutTree;
import dev.canopy.diagrams.layout.LayoutTreeBuilder;
import dev.canopy.diagrams.render.NodeSizing;
import dev.canopy.diagrams.render.NodeVisual;
import dev.canopy.diagrams.render.RenderOptions;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.sim.NodeState;
import dev.canopy.diagrams.sim.NodeStatus;

/**
 * The one place that maps simulation state to what the canvas draws: {@link NodeState} →
 * {@link NodeVisual} (state token, pid sublabel, restart and mailbox badges, the supervisor's
 * restart-intensity gauge), the set of live paths → a {@link LayoutTree} keyed by design path,
 * and status changes → exit flashes. Stateful (remembers the last states to report only what
 * changed); toolkit-free, so it runs on the simulator's thread.
 */
public final class SimVisualMapper {
    private final Design design;
    private final RenderOptions options;
    private final Map<String, DesignNode> nodes = new HashMap<>();
    private List<String> paths = List.of();
    private Map<String, NodeState> last = Map.of();
    /** A cluster design: every node's copy of the tree is a lane under one {@link #CLUSTER_KEY} node. */
    private final boolean clustered;
    private java.util.Set<String> lastHolding = java.util.Set.of();

    /** The key of the cluster's own node in a cluster run: the lanes' common parent (right-click: the network). */
    public static final String CLUSTER_KEY = "cluster";

    /** An exit to flash over its node: its path and the reason. */
    public record Exit(String path, String reason, boolean gaveUp) {
    }

    /**
     * What changed since the last call. {@code tree} is present when the structure changed (then
     * {@code visuals} holds every node); otherwise {@code visuals} holds only restyled nodes.
     */
    public record Update(Optional<LayoutTree> tree, List<NodeVisual> visuals, List<Exit> exits) {
        public boolean isEmpty() {
            return tree.isEmpty() && visuals.isEmpty() && exits.isEmpty();
        }

        /** This update followed by a later one, as if both had been applied. */
        public Update then(Update next) {
            if (next.tree.isPresent()) return new Update(next.tree, next.visuals, concat(exits, next.exits));
            if (isEmpty()) return next;
            Map<String, NodeVisual> merged = new LinkedHashMap<>();
            for (NodeVisual v : visuals) merged.put(v.key(), v);
            for (NodeVisual v : next.visuals) merged.put(v.key(), v);
            return new Update(tree, List.copyOf(merged.values()), concat(exits, next.exits));
        }

        private static List<Exit> concat(List<Exit> a, List<Exit> b) {
            if (a.isEmpty()) return b;
            if (b.isEmpty()) return a;
            List<Exit> out = new ArrayList<>(a);
            out.addAll(b);
            // a storm produces more exits than anyone can read; keep the latest
            return out.size() > 64 ? List.copyOf(out.subList(out.size() - 64, out.size())) : out;
        }
    }

    public SimVisualMapper(Design design) {
        this(design, RenderOptions.defaults());
    }

    public SimVisualMapper(Design design, RenderOptions options) {
        this.design = design;
        this.options = options;
        this.clustered = design.clusterNodes() > 1;
        for (String p : DesignPaths.allPaths(design)) DesignPaths.find(design, p).ifPresent(n -> nodes.put(p, n));
    }

    /** Forgets what was shown: the next {@link #apply} reports a full tree. */
    public void reset() {
        paths = List.of();
        last = Map.of();
        lastHolding = java.util.Set.of();
    }

    /** The changes from the last states to these. */
    public Update apply(Map<String, NodeState> states) {
        return apply(states, null);
    }

    /** The changes, in a cluster run with which copies hold their global name now (cluster: null for none). */
    public Update apply(Map<String, NodeState> states, dev.canopy.diagrams.sim.ClusterView cluster) {
        var holding = holders(cluster);
        List<String> now = new ArrayList<>(states.size() + 1);
        if (clustered) now.add(CLUSTER_KEY);
        for (String p : states.keySet()) if (!isTemplate(p)) now.add(p);
        boolean structural = !now.equals(paths);
        List<Exit> exits = new ArrayList<>();
        List<NodeVisual> visuals = new ArrayList<>();
        for (String p : now) {
            if (p.equals(CLUSTER_KEY)) {
                if (structural) visuals.add(clusterVisual());
                continue;
            }
            NodeState s = states.get(p);
            NodeState before = last.get(p);
            if (before != null && exited(before, s)) {
                exits.add(new Exit(p, s.lastExitReason().isEmpty() ? "exited" : s.lastExitReason(), s.status() == NodeStatus.GAVE_UP));
            }
            boolean holdChanged = holding.contains(p) != lastHolding.contains(p);
            if (structural || !s.equals(before) || holdChanged) visuals.add(visual(s, holding.contains(p)));
        }
        lastHolding = holding;
        Optional<LayoutTree> tree = Optional.empty();
        if (structural) {
            tree = Optional.of(tree(now));
            paths = now;
        }
        last = states;
        return new Update(tree, visuals, exits);
    }

    private static boolean exited(NodeState before, NodeState now) {
        boolean wasUp = before.status() == NodeStatus.RUNNING;
        boolean down = now.status() == NodeStatus.EXITED || now.status() == NodeStatus.GAVE_UP
                || now.status() == NodeStatus.INIT_FAILED;
        boolean restarted = now.incarnation() != before.incarnation() && before.incarnation() > 0;
        return (wasUp && down) || restarted;
    }

    /** A layout tree of these paths (parents before children), sized for the canvas. */
    public LayoutTree tree(List<String> livePaths) {
        LayoutTreeBuilder b = LayoutTree.builder();
        for (String p : livePaths) {
            if (p.equals(CLUSTER_KEY)) {
                b.add(p, null, NodeSizing.widthPx(clusterVisual(), options), NodeSizing.heightPx());
                continue;
            }
            String sample = isGlobal(p) ? "<0.1000.0>" + HOLDER : laneOf(p) + "<0.1000.0>" + widestNote(p);
            NodeVisual sizing = NodeVisual.of(p, label(p), sample, kind(p), StyleToken.STATE_RUNNING);
            String parent = DesignPaths.parentPath(p).orElse(clustered ? CLUSTER_KEY : null);
            b.add(p, parent, NodeSizing.widthPx(sizing, options), NodeSizing.heightPx());
        }
        return b.build();
    }

    private static final String HOLDER = "  ★ holds the name";
    private static final String STANDBY = "  standby";

    /** The cluster's own node: the lanes' parent, named by its nodes. */
    private NodeVisual clusterVisual() {
        var names = dev.canopy.diagrams.design.ClusterNodes.names(design.clusterNodes());
        return NodeVisual.of(CLUSTER_KEY, "Cluster of " + names.size() + " nodes", String.join(" · ", names),
                StyleToken.NODE_SUPERVISOR, StyleToken.STATE_RUNNING);
    }

    /** Paths whose process holds its global name as its own node sees it. */
    private static java.util.Set<String> holders(dev.canopy.diagrams.sim.ClusterView cluster) {
        if (cluster == null) return java.util.Set.of();
        var out = new java.util.HashSet<String>();
        for (var g : cluster.names()) {
            if (dev.canopy.diagrams.sim.NodePaths.nodeOf(g.holderPath()).map(g.node()::equals).orElse(false)) out.add(g.holderPath());
        }
        return out;
    }

    /** A worker registered with a global name, in a cluster run (so it holds the name or stands by). */
    private boolean isGlobal(String path) {
        return clustered && nodes.get(designPath(path)) instanceof WorkerNode w
                && w.naming() instanceof dev.canopy.diagrams.design.Naming.Global;
    }

    /** "node a · " for the root of a lane (so each lane says its node), "" elsewhere. */
    private static String laneOf(String path) {
        var node = dev.canopy.diagrams.sim.NodePaths.nodeOf(path);
        return node.isPresent() && designPath(path).indexOf('/') < 0 ? "node " + node.get() + " · " : "";
    }

    private static String designPath(String path) { return dev.canopy.diagrams.sim.NodePaths.designPath(path); }

    /** A node's look for its state. */
    public NodeVisual visual(NodeState s) {
        return visual(s, false);
    }

    /** holds: the process holds its global name (a cluster run); a running global worker that does not is a standby. */
    public NodeVisual visual(NodeState s, boolean holds) {
        StyleToken kind = kind(s.path());
        boolean supervisor = kind != StyleToken.NODE_WORKER && kind != StyleToken.NODE_REGISTRY;
        OptionalDouble gauge = supervisor ? OptionalDouble.of(s.intensityFill()) : OptionalDouble.empty();
        String sub = laneOf(s.path()) + sublabel(s);
        if (isGlobal(s.path()) && s.status() == NodeStatus.RUNNING) sub += holds ? HOLDER : STANDBY;
        return new NodeVisual(s.path(), label(s.path()), sub, kind, state(s.status()), s.restarts(),
                Math.max(0, s.mailbox()), gauge, false);
    }

    public static StyleToken state(NodeStatus status) {
        return switch (status) {
            case NOT_STARTED -> StyleToken.STATE_STARTING;
            case RUNNING -> StyleToken.STATE_RUNNING;
            case RESTARTING -> StyleToken.STATE_RESTARTING;
            case EXITED, INIT_FAILED -> StyleToken.STATE_EXITED;
            case GAVE_UP -> StyleToken.STATE_GAVE_UP;
            case IGNORED -> StyleToken.STATE_IGNORED;
        };
    }

    static String sublabel(NodeState s) {
        return switch (s.status()) {
            case RUNNING -> s.note().isEmpty() ? s.pid() : s.pid() + " · " + s.note();
            case NOT_STARTED -> "not started";
            case RESTARTING -> "restarting";
            case EXITED -> s.lastExitReason().isEmpty() ? "exited" : "exited " + s.lastExitReason();
            case INIT_FAILED -> "init failed";
            case GAVE_UP -> "gave up";
            case IGNORED -> ":ignore";
        };
    }

    /**
     * Room for the worker's own status after its pid (lessons: next connect attempt, queue, alarm), so
     * the note is not cut off on a short label: the widest note the worker can show.
     */
    private String widestNote(String path) {
        if (!(nodes.get(path) instanceof WorkerNode w)) return "";
        if (w.sim().dependency().kind() != dev.canopy.diagrams.design.Dependency.Kind.NONE) return " · down · try 10 at 10000 ms";
        return w.sim().calls() != null ? " · dropped 100" : "";
    }

    private String label(String path) {
        DesignNode n = nodes.get(designPath(path));
        return n != null && !n.label().isBlank() ? n.label() : path.substring(path.lastIndexOf('/') + 1);
    }

    private StyleToken kind(String path) {
        DesignNode n = nodes.get(designPath(path));
        return switch (n) {
            case SupervisorNode s -> StyleToken.NODE_SUPERVISOR;
            case DynamicSupervisorNode d -> StyleToken.NODE_DYNAMIC;
            case TaskSupervisorNode t -> StyleToken.NODE_TASK_SUPERVISOR;
            case RegistryNode r -> StyleToken.NODE_REGISTRY;
            case WorkerNode w -> StyleToken.NODE_WORKER;
            case null -> StyleToken.NODE_WORKER; // a child started on demand
        };
    }

    /** A dynamic supervisor's child template: a recipe, not a process, so not drawn in a run. */
    private boolean isTemplate(String path) {
        DesignNode n = nodes.get(designPath(path));
        if (!(n instanceof WorkerNode)) return false;
        String parent = DesignPaths.parentPath(designPath(path)).orElse("");
        return nodes.get(parent) instanceof DynamicSupervisorNode;
    }

    public Design design() {
        return design;
    }
}
