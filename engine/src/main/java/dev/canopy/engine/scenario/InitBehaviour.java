package dev.canopy.engine.scenario;

import java.util.List;

/** How init behaves for each incarnation (1-based), as FORMAT.md defines it. */
public sealed interface InitBehaviour {
    InitOutcome outcomeFor(int incarnation);

    /** Element N applies to incarnation N; the last one repeats. A single outcome is a one-element list. */
    record Sequence(List<InitOutcome> outcomes) implements InitBehaviour {
        public Sequence {
            if (outcomes.isEmpty()) throw new IllegalArgumentException("init sequence must not be empty");
            outcomes = List.copyOf(outcomes);
        }
        @Override public InitOutcome outcomeFor(int incarnation) {
            return outcomes.get(Math.min(incarnation, outcomes.size()) - 1);
        }
    }

    /** Incarnations 1..k crash, later ones succeed. */
    record CrashFirst(int k) implements InitBehaviour {
        @Override public InitOutcome outcomeFor(int incarnation) {
            return incarnation <= k ? InitOutcome.CRASH : InitOutcome.OK;
        }
    }

    InitBehaviour OK = new Sequence(List.of(InitOutcome.OK));
}
