package dev.canopy.diagrams.whiteboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.diagrams.sim.NodeStatus;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.diagrams.sim.SimulationSession;
import dev.canopy.engine.term.Term;

/**
 * Checks a {@link Prediction} against what a {@link SimulationSession} actually did after the
 * fault was injected: the nodes logged as {@code RESTARTED} and {@code STARTED} after the last
 * input aimed at the prediction's node, and the nodes that were running before it and are not
 * running now. Dynamic children (not in the design) are left out of the comparison.
 */
public final class PredictionCheck {
    private PredictionCheck() {
    }

    /** Expected and actual sets side by side; {@code held} when they are equal, with the differences in words. */
    public record Result(boolean held, Set<String> expectedRestarted, Set<String> actualRestarted,
                         Set<String> expectedStartedAgain, Set<String> actualStartedAgain,
                         Set<String> expectedStopped, Set<String> actualStopped,
                         Set<String> expectedUntouched, Set<String> actualUntouched, List<String> differences) {
    }

    /**
     * The input that plays this exit in the simulator, if there is one: a worker crash raises
     * inside a callback, a normal or shutdown exit makes the worker stop itself with that reason; a
     * crashing supervisor (or Registry) is killed. A supervisor cannot be made to exit normally
     * from outside (it traps exits), so there is none for that.
     */
    public static Optional<SimInput> faultFor(Design design, String path, ExitKind kind) {
        var node = Tree.node(design, path);
        if (node instanceof WorkerNode) {
            return Optional.of(switch (kind) {
                case CRASH -> new SimInput.Raise(path);
                case NORMAL -> new SimInput.Stop(path, Term.NORMAL);
                case SHUTDOWN -> new SimInput.Stop(path, Term.SHUTDOWN);
            });
        }
        return kind == ExitKind.CRASH ? Optional.of(new SimInput.Kill(path)) : Optional.empty();
    }

    /** Compares the prediction with the session's log and states after the fault was injected. */
    public static Result compare(Prediction prediction, SimulationSession session) {
        var seen = observe(session, prediction.path());
        var known = seen.known();
        var runningBefore = seen.runningBefore();
        var touched = seen.touched();
        var restarted = new LinkedHashSet<>(seen.restarted());
        var startedAgain = new LinkedHashSet<>(seen.startedAgain());
        startedAgain.removeAll(restarted);
        var states = session.localStates();
        var stopped = new LinkedHashSet<String>();
        var untouched = new LinkedHashSet<String>();
        for (var p : known) {
            if (!runningBefore.getOrDefault(p, false)) continue;
            var st = states.get(p);
            boolean runningNow = st != null && st.status() == NodeStatus.RUNNING;
            if (!runningNow) stopped.add(p);
            else if (!touched.contains(p)) untouched.add(p);
        }
        var diffs = new ArrayList<String>();
        diff(diffs, "restarted", prediction.restarted(), restarted);
        diff(diffs, "started again", prediction.startedAgain(), startedAgain);
        diff(diffs, "stopped", prediction.stopped(), stopped);
        diff(diffs, "untouched", prediction.untouched(), untouched);
        return new Result(diffs.isEmpty(), prediction.restarted(), restarted, prediction.startedAgain(), startedAgain,
                prediction.stopped(), stopped, prediction.untouched(), untouched, diffs);
    }

    /**
     * What the simulator did to each node that was running before the last input aimed at
     * {@code path}: restarted (logged RESTARTED), started again (logged STARTED), stopped (not
     * running now) or untouched. Keys are in start order; the fault's target is included.
     */
    public static Map<String, Fate> outcome(SimulationSession session, String path) {
        var seen = observe(session, path);
        var known = seen.known();
        var runningBefore = seen.runningBefore();
        var touched = seen.touched();
        var restarted = seen.restarted();
        var startedAgain = seen.startedAgain();
        var states = session.localStates();
        var out = new LinkedHashMap<String, Fate>();
        for (var p : known) {
            if (!runningBefore.getOrDefault(p, false)) continue;
            var st = states.get(p);
            boolean runningNow = st != null && st.status() == NodeStatus.RUNNING;
            if (!runningNow) out.put(p, Fate.STOPPED);
            else if (restarted.contains(p)) out.put(p, Fate.RESTARTED);
            else if (startedAgain.contains(p)) out.put(p, Fate.STARTED_AGAIN);
            else if (!touched.contains(p)) out.put(p, Fate.UNTOUCHED);
        }
        return out;
    }

    /**
     * One pass over the log around the last input aimed at {@code path}: which of the design's
     * nodes ran before it, and which were touched, restarted or started again after it.
     */
    private record Observed(Set<String> known, Map<String, Boolean> runningBefore, Set<String> touched,
            Set<String> restarted, Set<String> startedAgain) {
    }

    private static Observed observe(SimulationSession session, String path) {
        var log = session.localLog();
        long injectedSeq = -1;
        for (var e : log) {
            if (e.kind() == SimEvent.Kind.INPUT && e.path().equals(path)) injectedSeq = e.seq();
        }
        if (injectedSeq < 0) throw new IllegalArgumentException("no input was aimed at " + path + " in this session");
        var design = session.design();
        var known = new LinkedHashSet<>(Tree.staticPaths(design));
        known.add(path);

        Map<String, Boolean> runningBefore = new HashMap<>();
        var touched = new LinkedHashSet<String>();
        var restarted = new LinkedHashSet<String>();
        var startedAgain = new LinkedHashSet<String>();
        for (var e : log) {
            if (!known.contains(e.path())) continue;
            if (e.seq() < injectedSeq) {
                switch (e.kind()) {
                    case STARTED, RESTARTED -> runningBefore.put(e.path(), true);
                    case EXITED, STOPPED_BY_SUPERVISOR, START_FAILED, IGNORED, GAVE_UP -> runningBefore.put(e.path(), false);
                    default -> { }
                }
                continue;
            }
            switch (e.kind()) {
                case RESTARTED -> { restarted.add(e.path()); touched.add(e.path()); }
                case STARTED -> { startedAgain.add(e.path()); touched.add(e.path()); }
                case EXITED, STOPPED_BY_SUPERVISOR, START_FAILED, IGNORED, GAVE_UP, AUTO_SHUTDOWN -> touched.add(e.path());
                default -> { }
            }
        }
        return new Observed(known, runningBefore, touched, restarted, startedAgain);
    }

    private static void diff(List<String> out, String what, Set<String> expected, Set<String> actual) {
        if (expected.equals(actual)) return;
        var missing = new LinkedHashSet<>(expected);
        missing.removeAll(actual);
        var extra = new LinkedHashSet<>(actual);
        extra.removeAll(expected);
        out.add(what + ": predicted " + expected + ", simulated " + actual
                + (missing.isEmpty() ? "" : "; not in the run: " + missing) + (extra.isEmpty() ? "" : "; not predicted: " + extra));
    }
}
