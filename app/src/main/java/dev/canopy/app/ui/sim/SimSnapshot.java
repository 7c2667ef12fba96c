package dev.canopy.app.ui.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.sim.ClusterView;
import dev.canopy.diagrams.sim.NodeState;
import dev.canopy.diagrams.sim.ProcessDetails;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.TimedInput;

/**
 * What the engine thread hands the UI; coalesced ({@link #after}) when the UI is slower than the
 * engine. Immutable: built on the engine thread, applied on the FX thread. {@code details} is the
 * inspected process read at the same moment (null: nothing inspected, or no session);
 * {@code cluster} the network and global names of a cluster run (null: a single node, or unchanged).
 */
record SimSnapshot(boolean reset, boolean running, long nowMs, long branchEndMs, long scrubbedAtMs,
                   Map<String, NodeState> states, List<SimEvent> newEvents, int droppedEvents,
                   boolean inputsReset, List<TimedInput> inputs, SimVisualMapper.Update canvas, String message,
                   List<DesignProblem> problems, ProcessDetails details, ClusterView cluster) {

    /** This snapshot merged onto one the UI has not taken yet (null: none). */
    SimSnapshot after(SimSnapshot prev) {
        if (prev == null || reset) return this;
        List<SimEvent> events = newEvents;
        int dropped = droppedEvents + prev.droppedEvents;
        if (!prev.newEvents.isEmpty()) {
            List<SimEvent> all = new ArrayList<>(prev.newEvents.size() + newEvents.size());
            all.addAll(prev.newEvents);
            all.addAll(newEvents);
            if (all.size() > SimulatorViewModel.MAX_EVENTS) {
                dropped += all.size() - SimulatorViewModel.MAX_EVENTS;
                all = all.subList(all.size() - SimulatorViewModel.MAX_EVENTS, all.size());
            }
            events = all;
        }
        List<TimedInput> ins = inputsReset ? inputs : concatInputs(prev.inputs, inputs);
        boolean insReset = inputsReset || prev.inputsReset;
        return new SimSnapshot(prev.reset, running, nowMs, branchEndMs, scrubbedAtMs, states, events, dropped, insReset,
                ins, prev.canvas.then(canvas), message != null ? message : prev.message,
                problems.isEmpty() ? prev.problems : problems, details != null ? details : prev.details,
                cluster != null ? cluster : prev.cluster);
    }

    private static List<TimedInput> concatInputs(List<TimedInput> a, List<TimedInput> b) {
        if (b.isEmpty()) return a;
        List<TimedInput> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
