package dev.canopy.app.ui.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.layout.LayoutTree;
import dev.canopy.diagrams.render.NodeVisual;
import dev.canopy.diagrams.sim.NodeState;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.diagrams.sim.SimulationSession;
import dev.canopy.diagrams.sim.TimedInput;
import dev.canopy.engine.supervisor.Strategy;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The same design and the same fault under one_for_one, one_for_all and rest_for_one, side by
 * side: three sessions with the same seed, the fault injected at the same virtual time, each
 * played on until {@code untilMs}. The supervisor whose strategy varies is the fault target's
 * nearest supervisor. Runs off the FX thread on the given executor; results are handed to the
 * UI executor.
 */
public final class CompareViewModel {
    public static final List<Strategy> STRATEGIES = List.of(Strategy.ONE_FOR_ONE, Strategy.ONE_FOR_ALL, Strategy.REST_FOR_ONE);

    /**
     * One strategy's outcome: the final states (and their canvas form), the log, and how many
     * processes under the supervisor were restarted or stopped by it after the fault.
     */
    public record Result(Strategy strategy, Map<String, NodeState> states, LayoutTree tree, List<NodeVisual> visuals,
                         List<SimEvent> log, int restarted, int stopped, boolean gaveUp) {

        public String title() {
            return strategy.atom();
        }

        public String summary() {
            return restarted + " restarted · " + stopped + " stopped by the supervisor" + (gaveUp ? " · gave up" : "");
        }
    }

    private final Design design;
    private final String supervisorPath;
    private final SimInput fault;
    private final long atMs;
    private final long untilMs;
    private final long seed;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<Result> results = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public CompareViewModel(Design design, SimInput fault, long atMs, long untilMs, long seed, Executor background, Executor ui) {
        this.design = design;
        this.fault = fault;
        this.atMs = atMs;
        this.untilMs = Math.max(untilMs, atMs);
        this.seed = seed;
        this.background = background;
        this.ui = ui;
        this.supervisorPath = supervisorOf(design, fault.target()).orElseThrow(() -> new IllegalArgumentException(
                "no supervisor above " + fault.target() + " whose strategy could vary"));
    }

    /** The nearest static supervisor at or above the path's parent. */
    public static Optional<String> supervisorOf(Design design, String path) {
        Optional<String> p = DesignPaths.parentPath(path);
        while (p.isPresent()) {
            if (DesignPaths.find(design, p.get()).orElse(null) instanceof SupervisorNode) return p;
            p = DesignPaths.parentPath(p.get());
        }
        return Optional.empty();
    }

    /** The first fault of the design's script, if it has one, for a default comparison. */
    public static Optional<TimedInput> firstScriptedFault(Design design) {
        return SimulationSession.faultScript(design).stream()
                .filter(t -> !(t.input() instanceof SimInput.StopTree) && !(t.input() instanceof SimInput.Call))
                .filter(t -> supervisorOf(design, t.input().target()).isPresent())
                .findFirst();
    }

    /** Runs the three sessions; results replace the old ones when all are done. */
    public void run() {
        busy.set(true);
        status.set("Running " + fault.describe() + " under three strategies with seed " + seed + "…");
        background.execute(() -> {
            List<Result> out = new ArrayList<>();
            String problem = null;
            try {
                for (Strategy s : STRATEGIES) out.add(runOne(s));
            } catch (RuntimeException e) {
                problem = "Comparison failed: " + e.getMessage();
            }
            List<Result> done = out;
            String message = problem;
            ui.execute(() -> {
                results.setAll(done);
                busy.set(false);
                status.set(message != null ? message : "Same seed (" + seed + "), same fault at " + atMs + " ms: "
                        + fault.describe() + "; strategy of " + supervisorPath + " varied");
            });
        });
    }

    Result runOne(Strategy strategy) {
        SupervisorNode sup = (SupervisorNode) DesignPaths.find(design, supervisorPath).orElseThrow();
        Design variant = DesignPaths.replace(design, supervisorPath, (DesignNode) sup.withStrategy(strategy));
        var start = SimulationSession.replay(variant, seed, List.of(new TimedInput(atMs, fault)), untilMs);
        if (!(start instanceof SimulationSession.Start.Running r)) {
            throw new IllegalStateException("the design does not validate under " + strategy.atom());
        }
        try (SimulationSession session = r.session()) {
            Map<String, NodeState> states = session.states();
            List<SimEvent> log = session.log();
            int restarted = 0;
            int stopped = 0;
            boolean gaveUp = false;
            String prefix = supervisorPath + "/";
            for (SimEvent e : log) {
                if (e.atMs() < atMs || !e.path().startsWith(prefix)) {
                    if (e.kind() == SimEvent.Kind.GAVE_UP && e.path().equals(supervisorPath) && e.atMs() >= atMs) gaveUp = true;
                    continue;
                }
                if (e.kind() == SimEvent.Kind.RESTARTED) restarted++;
                if (e.kind() == SimEvent.Kind.STOPPED_BY_SUPERVISOR) stopped++;
            }
            SimVisualMapper mapper = new SimVisualMapper(variant);
            SimVisualMapper.Update u = mapper.apply(states);
            return new Result(strategy, states, u.tree().orElseThrow(), u.visuals(), log, restarted, stopped, gaveUp);
        }
    }

    public ObservableList<Result> results() {
        return results;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String supervisorPath() {
        return supervisorPath;
    }

    public SimInput fault() {
        return fault;
    }

    public Design design() {
        return design;
    }

    /** The seed all three runs use (the simulator's current seed when compared from a run). */
    public long seed() {
        return seed;
    }

    /** The window's title: the fault and the seed actually used. */
    public String title() {
        return "Compare strategies — " + fault.describe() + " (seed " + seed + ")";
    }
}
