package dev.canopy.diagrams.whiteboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimulationSession;
import dev.canopy.engine.supervisor.Restart;

/**
 * Plays a fault in the deterministic simulator and sets what happened, node by node, against a
 * prediction; every difference is explained with the OTP rule behind it ({@link WhatIf}'s
 * explanation for that node) and classified as a {@link Surprise}.
 */
public final class SimulatorCheck {
    private SimulatorCheck() {
    }

    /** Virtual ms the tree runs before the fault, so every init has finished. */
    static final long SETTLE_MS = 500;

    /** The outcome of a check: a report, or why the fault cannot be played. */
    public sealed interface Check {
        record Checked(CrashReport report) implements Check {}

        record CannotRun(String path, String reason) implements Check {}
    }

    /** Checks "What if this dies?" ({@link WhatIf#predict}) against the simulator. */
    public static Check whatIf(Design design, String path, ExitKind kind, long seed) {
        return against(design, path, kind, fates(WhatIf.predict(design, path, kind)), seed);
    }

    /**
     * Runs {@code design} with seed, makes the node at {@code path} exit with {@code kind} and
     * compares the outcome with {@code predicted} (a fate per node; nodes missing count as untouched).
     */
    public static Check against(Design design, String path, ExitKind kind, Map<String, Fate> predicted, long seed) {
        var fault = PredictionCheck.faultFor(design, path, kind);
        if (fault.isEmpty()) {
            return new Check.CannotRun(path, "A supervisor traps exits, so it cannot be made to exit "
                    + (kind == ExitKind.NORMAL ? "normally" : "with :shutdown") + " from outside; only a crash can be played.");
        }
        var start = SimulationSession.start(design, seed);
        if (start instanceof SimulationSession.Start.Invalid invalid) {
            return new Check.CannotRun(path, "The design does not validate, so it cannot run: "
                    + invalid.problems().getFirst().message() + " (at " + invalid.problems().getFirst().jsonPath() + ")");
        }
        try (var session = ((SimulationSession.Start.Running) start).session()) {
            session.advance(SETTLE_MS);
            long faultAt = session.nowMs();
            session.inject(fault.get());
            session.advance(settleAfterFault(design));
            var outcome = PredictionCheck.outcome(session, path);
            var after = session.localLog().stream().filter(e -> e.atMs() >= faultAt && e.kind() != SimEvent.Kind.INPUT).toList();
            return new Check.Checked(report(design, path, kind, predicted, outcome, after));
        }
    }

    /** The prediction as a fate per node (a node both restarted and stopped ends up stopped). */
    public static Map<String, Fate> fates(Prediction p) {
        var out = new LinkedHashMap<String, Fate>();
        for (var s : p.untouched()) out.put(s, Fate.UNTOUCHED);
        for (var s : p.startedAgain()) out.put(s, Fate.STARTED_AGAIN);
        for (var s : p.restarted()) out.put(s, Fate.RESTARTED);
        for (var s : p.stopped()) out.put(s, Fate.STOPPED);
        return out;
    }

    /** Long enough for every shutdown timeout and init of a restart to play out. */
    private static long settleAfterFault(Design design) {
        long total = 2000;
        for (var p : Tree.staticPaths(design)) {
            if (Tree.node(design, p) instanceof WorkerNode w) total += w.sim().terminateMs() + w.sim().initDurationMs();
        }
        return total;
    }

    private static CrashReport report(Design design, String origin, ExitKind kind, Map<String, Fate> predicted,
                                      Map<String, Fate> outcome, List<SimEvent> after) {
        var exact = WhatIf.predict(design, origin, kind);
        var rows = new ArrayList<NodeVerdict>();
        for (var e : outcome.entrySet()) {
            var p = e.getKey();
            var expected = predicted.getOrDefault(p, Fate.UNTOUCHED);
            var why = exact.explain(p);
            if (why.isBlank() && expected != e.getValue()) why = logText(after, p);
            rows.add(new NodeVerdict(p, expected, e.getValue(), why));
        }
        var surprises = new ArrayList<Surprise>();
        var explained = new LinkedHashSet<String>();
        for (var ev : after) {
            if (ev.kind() != SimEvent.Kind.GAVE_UP) continue;
            var sup = ev.path();
            var node = Tree.node(design, sup);
            surprises.add(new Surprise(Surprise.Kind.INTENSITY_EXHAUSTED, sup, Tree.name(sup) + " allows "
                    + Tree.restarts(Tree.maxRestarts(node)) + " in " + Tree.seconds(Tree.maxSeconds(node))
                    + ": this restart was one too many, so it gave up (" + ev.text() + ")."));
            var parent = Tree.parent(sup);
            String next = parent.isEmpty()
                    ? "It is the root: the whole tree stops."
                    : switch (outcome.getOrDefault(sup, Fate.STOPPED)) {
                        case RESTARTED -> Tree.parent(sup).map(Tree::name).orElse("") + " restarted " + Tree.name(sup)
                                + " with a fresh subtree, so all of its children were started again.";
                        case STOPPED -> Tree.name(sup) + " stayed down (its restart type is " + Tree.restart(design, sup).atom()
                                + ", or its own supervisor gave up in turn).";
                        default -> "";
                    };
            surprises.add(new Surprise(Surprise.Kind.ESCALATION, sup, Tree.name(sup) + " exited with :shutdown after giving up. " + next));
            explained.add(sup);
        }
        for (var row : rows) {
            if (row.agrees()) continue;
            var p = row.path();
            if (covered(explained, p)) continue;
            var kindOf = classify(design, origin, kind, row, outcome);
            surprises.add(new Surprise(kindOf, p, row.why().isBlank() ? Tree.name(p) + " was " + row.simulated().phrase()
                    + ", not " + row.predicted().phrase() + "." : row.why()));
            explained.add(p);
        }
        var evidence = after.stream().map(e -> e.atMs() + " ms  " + e.path() + "  " + e.text()).toList();
        return new CrashReport(origin, kind, rows, surprises, evidence);
    }

    private static boolean covered(Set<String> explained, String path) {
        for (var e : explained) if (path.equals(e) || path.startsWith(e + "/")) return true;
        return false;
    }

    private static Surprise.Kind classify(Design design, String origin, ExitKind kind, NodeVerdict row, Map<String, Fate> outcome) {
        var p = row.path();
        var node = Tree.node(design, p);
        var restart = Tree.restart(design, p);
        boolean expectedBack = row.predicted() == Fate.RESTARTED || row.predicted() == Fate.STARTED_AGAIN;
        if (row.simulated() == Fate.STOPPED && expectedBack && restart == Restart.TEMPORARY) return Surprise.Kind.TEMPORARY_NOT_RESTARTED;
        if (row.simulated() == Fate.STOPPED && expectedBack && restart == Restart.TRANSIENT && p.equals(origin) && kind.isNormalStop()) {
            return Surprise.Kind.TRANSIENT_NOT_RESTARTED;
        }
        if (node instanceof WorkerNode w && w.naming() instanceof Naming.Via via) {
            var regPath = registryPath(design, via.registryId());
            if (!regPath.isEmpty() && outcome.getOrDefault(regPath, Fate.UNTOUCHED) != Fate.UNTOUCHED) return Surprise.Kind.REGISTRY_LINK;
        }
        var parent = Tree.parent(origin);
        if (parent.isPresent() && Tree.parent(p).equals(parent) && Tree.node(design, parent.get()) instanceof SupervisorNode) {
            return Surprise.Kind.STRATEGY;
        }
        return Surprise.Kind.OTHER;
    }

    /** The path of the Registry with this id anywhere in the tree, or "". */
    private static String registryPath(Design design, String registryId) {
        for (var p : Tree.staticPaths(design)) {
            if (Tree.name(p).equals(registryId) && Tree.node(design, p) instanceof RegistryNode) return p;
        }
        return "";
    }

    private static String logText(List<SimEvent> after, String path) {
        var lines = after.stream().filter(e -> e.path().equals(path)).map(SimEvent::text).toList();
        return String.join(" ", lines);
    }
}
