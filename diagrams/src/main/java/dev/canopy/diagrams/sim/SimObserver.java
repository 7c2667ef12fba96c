package dev.canopy.diagrams.sim;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.TaskSupervisorNode;
import dev.canopy.engine.event.Event;
import dev.canopy.engine.supervisor.RestartIntensity;
import dev.canopy.engine.event.EventRecord;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.term.Term;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the engine's events into per-node state and a log that explains causes: which child's
 * exit made a supervisor stop or restart its siblings, under which strategy. Rules: fed on the
 * session's thread, after the engine has run, never from inside the engine.
 */
final class SimObserver {
    private record Cause(String child, Term reason) {}

    private final Design design;
    private final ProcessBook book;
    private final Map<String, NodeState> states = new LinkedHashMap<>();
    private final Map<String, Cause> causes = new HashMap<>();
    private final Set<Pid> stoppedBySupervisor = new HashSet<>();
    /** Supervisors stopping all their children (gave up, auto_shutdown, told to stop): why. */
    private final Map<String, String> stopping = new HashMap<>();
    /**
     * Per supervisor, its restart history kept with the engine's own rule (OTP's add_restart, whole
     * seconds), so the gauge shows exactly what the supervisor will decide at its next restart.
     */
    private final Map<String, RestartIntensity> intensities = new HashMap<>();
    /** Per supervisor, the engine time of its next restart attempt: the failed child's exit, or the failed retry. */
    private final Map<String, Long> attemptAt = new HashMap<>();
    /**
     * The latest {@link #LOG_LIMIT} log lines: a storm runs for hours and the views keep only the
     * latest few thousand, so an unbounded log was the simulator's memory leak (bench soak).
     */
    private final java.util.ArrayDeque<SimEvent> log = new java.util.ArrayDeque<>();
    static final int LOG_LIMIT = 100_000;
    private long seq;

    /** Writes the cluster's lines (network, global names); null on a single node. */
    private final ClusterLines clusterLines;

    SimObserver(Design design, ProcessBook book) {
        this(design, book, List.of());
    }

    /** nodes: the cluster's node names, each running the tree under {@link NodePaths}; empty: a single node. */
    SimObserver(Design design, ProcessBook book, List<String> nodes) {
        this.design = design;
        this.book = book;
        this.clusterLines = nodes.isEmpty() ? null : new ClusterLines(book, design.root().id(), this::add);
        if (nodes.isEmpty()) {
            for (var path : DesignPaths.allPaths(design)) states.put(path, initial(path));
        } else {
            for (var n : nodes) for (var path : DesignPaths.allPaths(design)) states.put(NodePaths.qualify(n, path), initial(path));
        }
    }

    private NodeState initial(String path) {
        var node = DesignPaths.find(design, NodePaths.designPath(path)).orElse(null);
        int max = 0, window = 0;
        if (node instanceof SupervisorNode s) { max = s.maxRestarts(); window = s.maxSeconds(); }
        if (node instanceof DynamicSupervisorNode d) { max = d.maxRestarts(); window = d.maxSeconds(); }
        if (node instanceof TaskSupervisorNode t) { max = t.maxRestarts(); window = t.maxSeconds(); }
        return new NodeState(path, NodeStatus.NOT_STARTED, "", 0, 0, 0, "", 0, max, window);
    }

    void onEvent(EventRecord record, long startMs) {
        long at = record.monotonicMillis() - startMs;
        switch (record.event()) {
            case Event.ChildStarted c -> {
                var path = book.pathOf(c.child());
                if (path == null) return;
                update(path, s -> new NodeState(path, NodeStatus.RUNNING, c.child().toString(), book.incarnationOf(c.child()),
                        s.restarts() + (c.restart() ? 1 : 0), 0, s.lastExitReason(), s.recentRestarts(), s.maxRestarts(), s.windowSeconds()));
                var sup = book.pathOf(c.supervisor());
                // A (re)started supervisor is a new process: empty restart history, not stopping.
                intensities.remove(path);
                attemptAt.remove(path);
                stopping.remove(path);
                if (c.restart() && sup != null) {
                    // One attempt per restart (a group restart counts once, as in OTP): the failed child's.
                    var cause = causes.get(sup);
                    if (cause == null || cause.child().equals(path)) countAttempt(sup, record.monotonicMillis());
                    add(at, path, SimEvent.Kind.RESTARTED, name(sup) + " restarted " + name(path) + " as " + c.child() + because(sup, path));
                } else {
                    add(at, path, SimEvent.Kind.STARTED, name(path) + " started as " + c.child());
                }
            }
            case Event.ChildIgnored c -> {
                var sup = book.pathOf(c.supervisor());
                if (sup == null) return;
                var path = sup + "/" + c.childId();
                update(path, s -> with(s, NodeStatus.IGNORED, ""));
                add(at, path, SimEvent.Kind.IGNORED, name(path) + "'s init returned :ignore, so it is not running (its spec is kept)");
            }
            case Event.ChildStartFailed c -> {
                var sup = book.pathOf(c.supervisor());
                if (sup == null) return;
                var path = sup + "/" + c.childId();
                update(path, s -> with(s, NodeStatus.INIT_FAILED, reason(c.reason())));
                // A failed restart attempt counts against the intensity too (OTP retries, each counting).
                var cause = causes.get(sup);
                if (cause != null && cause.child().equals(path)) {
                    countAttempt(sup, record.monotonicMillis());
                    attemptAt.put(sup, record.monotonicMillis()); // the supervisor tries again now
                }
                add(at, path, SimEvent.Kind.START_FAILED, name(path) + " failed to start: its init exited with " + reason(c.reason()));
            }
            case Event.ExitSignalSent e -> {
                var to = book.pathOf(e.to());
                var from = book.pathOf(e.from());
                if (to != null && from != null && to.startsWith(from + "/")) stoppedBySupervisor.add(e.to());
                // A supervisor told to stop by its parent (or by the person) stops its children for that reason.
                if (to != null && isSupervisor(to) && (from == null || !from.startsWith(to + "/"))) {
                    stopping.putIfAbsent(to, " because " + name(to) + " itself is being stopped ("
                            + reason(e.reason()) + ")");
                }
            }
            case Event.Exited e -> exited(at, record.monotonicMillis(), e);
            case Event.SupervisorGaveUp g -> {
                var sup = book.pathOf(g.supervisor());
                if (sup == null) return;
                var st = states.get(sup);
                update(sup, s -> with(s, NodeStatus.GAVE_UP, "shutdown"));
                stopping.put(sup, " because " + name(sup) + " gave up (restart intensity reached)");
                add(at, sup, SimEvent.Kind.GAVE_UP, name(sup) + " gave up: more than " + (st == null ? "?" : st.maxRestarts())
                        + " restarts within " + (st == null ? "?" : st.windowSeconds()) + " s; it stops its children and exits with :shutdown, so its own supervisor decides next");
            }
            case Event.AutoShutdown a -> {
                var sup = book.pathOf(a.supervisor());
                if (sup == null) return;
                stopping.put(sup, " because " + name(sup) + " is shutting itself down (auto_shutdown)");
                add(at, sup, SimEvent.Kind.AUTO_SHUTDOWN, name(sup) + " shuts itself down because its significant child " + a.childId() + " ended (auto_shutdown)");
            }
            default -> {
                if (clusterLines != null) clusterLines.onEvent(at, record.event());
            }
        }
    }

    /** One restart attempt of sup, counted at the time the supervisor made it (fallback: when it was seen). */
    private void countAttempt(String sup, long seenAtMs) {
        var st = states.get(sup);
        if (st == null) return;
        long at = attemptAt.getOrDefault(sup, seenAtMs);
        attemptAt.remove(sup);
        intensities.computeIfAbsent(sup, k -> new RestartIntensity(st.maxRestarts(), st.windowSeconds())).addRestart(at);
    }

    private void exited(long at, long engineMs, Event.Exited e) {
        var path = book.pathOf(e.pid());
        if (path == null) return;
        var current = states.get(path);
        // An older incarnation dying late (e.g. after a kill) must not overwrite the new one.
        if (current != null && !current.pid().isEmpty() && !current.pid().equals(e.pid().toString())) return;
        var parent = DesignPaths.parentPath(path).orElse(null);
        boolean byParent = stoppedBySupervisor.remove(e.pid());
        update(path, s -> with(s, s.status() == NodeStatus.GAVE_UP ? NodeStatus.GAVE_UP : NodeStatus.EXITED, reason(e.reason())));
        if (byParent && parent != null) {
            add(at, path, SimEvent.Kind.STOPPED_BY_SUPERVISOR, name(parent) + " stopped " + name(path) + " (" + reason(e.reason()) + ")" + because(parent, path));
        } else {
            if (parent != null) {
                causes.put(parent, new Cause(path, e.reason()));
                attemptAt.put(parent, engineMs); // a restart, if any, is decided as the supervisor handles this exit
            }
            add(at, path, SimEvent.Kind.EXITED, name(path) + " exited with " + reason(e.reason()));
        }
    }

    private String because(String sup, String child) {
        var stop = stopping.get(sup);
        if (stop != null) return stop;
        var cause = causes.get(sup);
        if (cause == null) return "";
        var strategy = DesignPaths.find(design, NodePaths.designPath(sup)).map(n -> n instanceof SupervisorNode s ? s.strategy().atom() : "one_for_one").orElse("one_for_one");
        if (cause.child().equals(child)) return " because it exited with " + reason(cause.reason());
        return " because its sibling " + name(cause.child()) + " exited with " + reason(cause.reason()) + " and the strategy is " + strategy;
    }

    private boolean isSupervisor(String path) {
        return DesignPaths.find(design, NodePaths.designPath(path)).map(n -> n.kind().childType() == dev.canopy.engine.supervisor.ChildType.SUPERVISOR)
                .orElse(false);
    }

    private static String name(String path) { return NodePaths.name(path); }

    static String reason(Term t) { return t instanceof Term.Atom a ? ":" + a.name() : t.render(); }

    private static NodeState with(NodeState s, NodeStatus status, String reason) {
        return new NodeState(s.path(), status, s.pid(), s.incarnation(), s.restarts(), 0, reason.isEmpty() ? s.lastExitReason() : reason,
                s.recentRestarts(), s.maxRestarts(), s.windowSeconds());
    }

    private void update(String path, java.util.function.UnaryOperator<NodeState> f) {
        states.compute(path, (k, s) -> f.apply(s == null ? new NodeState(path, NodeStatus.NOT_STARTED, "", 0, 0, 0, "", 0, 0, 0) : s));
    }

    void rootStarted(String root, Pid pid, int incarnation) {
        update(root, s -> new NodeState(root, NodeStatus.RUNNING, pid.toString(), incarnation, s.restarts(), 0,
                s.lastExitReason(), s.recentRestarts(), s.maxRestarts(), s.windowSeconds()));
    }

    void add(long at, String path, SimEvent.Kind kind, String text) {
        log.addLast(new SimEvent(++seq, at, path, kind, text));
        if (log.size() > LOG_LIMIT) log.removeFirst();
    }

    /** The lines kept with a sequence number above {@code seq}, oldest first. */
    List<SimEvent> after(long seq) {
        var out = new ArrayList<SimEvent>();
        for (var it = log.descendingIterator(); it.hasNext(); ) {
            var e = it.next();
            if (e.seq() <= seq) break;
            out.add(e);
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** States with mailbox depths and intensity gauges filled in for the current moment. */
    Map<String, NodeState> snapshot(long nowMs, java.util.function.ToIntFunction<String> mailboxOf) {
        var out = new LinkedHashMap<String, NodeState>();
        for (var s : states.values()) {
            var intensity = intensities.get(s.path());
            int recent = intensity == null ? 0 : intensity.recent(nowMs);
            int mailbox = s.status() == NodeStatus.RUNNING ? mailboxOf.applyAsInt(s.path()) : 0;
            out.put(s.path(), new NodeState(s.path(), s.status(), s.pid(), s.incarnation(), s.restarts(), mailbox,
                    s.lastExitReason(), recent, s.maxRestarts(), s.windowSeconds()));
        }
        return out;
    }

    List<SimEvent> log() { return List.copyOf(log); }

    Optional<DesignNode> node(String path) { return DesignPaths.find(design, NodePaths.designPath(path)); }
}
