package dev.canopy.diagrams.whiteboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.sim.NodeState;
import dev.canopy.diagrams.sim.NodeStatus;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.diagrams.sim.SimulationSession;
import dev.canopy.engine.supervisor.Strategy;

/**
 * Side-by-side strategy comparison: the same design with one supervisor's strategy set to each of
 * one_for_one, one_for_all and rest_for_one, each started with the same seed, the same fault
 * injected at the same virtual time ({@link #FAULT_AT_MS} after the start), and run for the same
 * time. Each run keeps its log, final states and counts.
 */
public final class StrategyComparison {
    private StrategyComparison() {
    }

    /** When the fault is injected: after the tree has booted and settled. */
    public static final long FAULT_AT_MS = 500;

    /**
     * One strategy's run. {@code afterFault}: the log from the fault on; {@code restarted}: RESTARTED
     * lines after the fault; {@code stopped}: STOPPED_BY_SUPERVISOR lines after the fault (siblings
     * the supervisor stopped); {@code notRunning}: nodes running before the fault and not at the end.
     */
    public record Run(Strategy strategy, Design design, List<SimEvent> log, List<SimEvent> afterFault,
                      Map<String, NodeState> states, int restarted, int stopped, List<String> notRunning) {
        public Run {
            log = List.copyOf(log);
            afterFault = List.copyOf(afterFault);
            states = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(states));
            notRunning = List.copyOf(notRunning);
        }
    }

    /** The three runs, in the order one_for_one, one_for_all, rest_for_one. */
    public record Comparison(String supervisorPath, SimInput fault, long seed, long faultAtMs, long runForMs, List<Run> runs) {
        public Comparison {
            runs = List.copyOf(runs);
        }

        public Run run(Strategy strategy) {
            return runs.stream().filter(r -> r.strategy() == strategy).findFirst().orElseThrow();
        }
    }

    public static Comparison run(Design design, String supervisorPath, SimInput fault, long seed, long runForMs) {
        var node = DesignPaths.find(design, supervisorPath)
                .orElseThrow(() -> new IllegalArgumentException("no node at '" + supervisorPath + "'"));
        if (!(node instanceof SupervisorNode sup)) {
            throw new IllegalArgumentException("'" + supervisorPath + "' is a " + node.kind().jsonName()
                    + "; only a supervisor has a strategy to compare");
        }
        var runs = new ArrayList<Run>();
        for (var strategy : Strategy.values()) {
            var variant = DesignPaths.replace(design, supervisorPath, sup.withStrategy(strategy));
            runs.add(runOne(strategy, variant, fault, seed, runForMs));
        }
        return new Comparison(supervisorPath, fault, seed, FAULT_AT_MS, runForMs, runs);
    }

    private static Run runOne(Strategy strategy, Design design, SimInput fault, long seed, long runForMs) {
        var start = SimulationSession.start(design, seed);
        if (start instanceof SimulationSession.Start.Invalid invalid) {
            throw new IllegalArgumentException("the design cannot run with " + strategy.atom() + ": " + invalid.problems());
        }
        try (var session = ((SimulationSession.Start.Running) start).session()) {
            session.advanceTo(FAULT_AT_MS);
            var before = session.states();
            long firstSeq = session.log().isEmpty() ? 0 : session.log().getLast().seq();
            session.inject(fault);
            session.advance(runForMs);
            var log = session.log();
            var after = log.stream().filter(e -> e.seq() > firstSeq).toList();
            int restarted = (int) after.stream().filter(e -> e.kind() == SimEvent.Kind.RESTARTED).count();
            int stopped = (int) after.stream().filter(e -> e.kind() == SimEvent.Kind.STOPPED_BY_SUPERVISOR).count();
            var states = session.states();
            var notRunning = new ArrayList<String>();
            for (var e : before.entrySet()) {
                var now = states.get(e.getKey());
                if (e.getValue().status() == NodeStatus.RUNNING && (now == null || now.status() != NodeStatus.RUNNING)) notRunning.add(e.getKey());
            }
            return new Run(strategy, design, log, after, states, restarted, stopped, notRunning);
        }
    }
}
