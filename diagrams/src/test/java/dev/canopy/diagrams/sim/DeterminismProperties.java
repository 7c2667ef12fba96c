package dev.canopy.diagrams.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.canopy.diagrams.design.Design;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Determinism over 1,000 random designs, each with a random fault script (every kind of step),
 * extra inputs and single steps: the same seed and inputs give the same event log and states,
 * and replaying from the start up to a random point of the timeline reproduces that moment.
 */
class DeterminismProperties {

    /** What a run looked like at its checkpoint and at its end. */
    record Outcome(List<SimEvent> logAtCheckpoint, Map<String, NodeState> statesAtCheckpoint, List<SimEvent> log,
                   Map<String, NodeState> states, List<TimedInput> inputsAtCheckpoint) {}

    private static Outcome run(Design design, long seed, long checkpointMs, long endMs) {
        Random r = new Random(seed ^ 0x5DEECE66DL); // the person's actions: the same for both runs
        List<TimedInput> script = new ArrayList<>(SimulationSession.faultScript(design));
        try (var s = SimulationSessionTest.start(design, seed)) {
            List<SimEvent> logAt = null;
            Map<String, NodeState> statesAt = null;
            List<TimedInput> inputsAt = null;
            int next = 0;
            while (s.nowMs() < endMs) {
                long nextScripted = next < script.size() ? script.get(next).atMs() : Long.MAX_VALUE;
                if (logAt == null && checkpointMs <= nextScripted && s.nowMs() + 100 > checkpointMs) {
                    s.advanceTo(checkpointMs);
                    logAt = s.log();
                    statesAt = s.states();
                    inputsAt = s.inputs();
                }
                if (nextScripted <= s.nowMs() + 100) {
                    s.advanceTo(nextScripted);
                    s.inject(script.get(next++).input());
                    continue;
                }
                switch (r.nextInt(8)) {
                    case 0 -> s.inject(RandomDesigns.input(design, r));
                    case 1 -> {
                        if (!s.step()) s.advance(1);
                    }
                    default -> s.advance(1 + r.nextInt(100));
                }
            }
            return new Outcome(logAt, statesAt, s.log(), s.states(), inputsAt);
        }
    }

    @Property(tries = 1000, seed = "20261207")
    void the_same_seed_and_inputs_give_the_same_run_and_replay_reproduces_any_moment(@ForAll long seed) {
        Random r = new Random(seed);
        Design design = RandomDesigns.design(r);
        long end = 2_000 + r.nextInt(6_000);
        long checkpoint = r.nextLong(end);
        Outcome first = run(design, seed, checkpoint, end);
        Outcome second = run(design, seed, checkpoint, end);
        Statistics.label("events").collect(first.log().size() < 20 ? "<20" : first.log().size() < 100 ? "20-99" : "100+");
        assertThat(second.log()).as("event log, design %s", design).isEqualTo(first.log());
        assertThat(second.states()).as("states (%s), design %s", stateDifference(first.states(), second.states()), design)
                .isEqualTo(first.states());

        assertThat(first.logAtCheckpoint()).as("the run passed its checkpoint %d", checkpoint).isNotNull();
        var replay = SimulationSession.replay(design, seed, first.inputsAtCheckpoint(), checkpoint);
        try (var back = ((SimulationSession.Start.Running) replay).session()) {
            assertThat(back.log()).as("log replayed to %d ms (%s), design %s", checkpoint,
                    firstDifference(first.logAtCheckpoint(), back.log()), design).isEqualTo(first.logAtCheckpoint());
            assertThat(back.states()).as("states replayed to %d ms: %s", checkpoint,
                    stateDifference(first.statesAtCheckpoint(), back.states())).isEqualTo(first.statesAtCheckpoint());
        }
    }

    static String firstDifference(List<SimEvent> expected, List<SimEvent> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            SimEvent e = i < expected.size() ? expected.get(i) : null;
            SimEvent a = i < actual.size() ? actual.get(i) : null;
            if (e == null || !e.equals(a)) return "first difference at line " + i + ": expected " + e + " but was " + a;
        }
        return "no difference";
    }

    static String stateDifference(Map<String, NodeState> expected, Map<String, NodeState> actual) {
        for (var e : expected.entrySet()) {
            if (!e.getValue().equals(actual.get(e.getKey()))) return "expected " + e.getValue() + " but was " + actual.get(e.getKey());
        }
        return actual.keySet().equals(expected.keySet()) ? "no difference" : "other paths: " + actual.keySet();
    }
}
