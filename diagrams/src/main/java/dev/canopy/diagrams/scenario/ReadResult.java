package dev.canopy.diagrams.scenario;

import java.util.List;

import dev.canopy.engine.scenario.Scenario;

/** The outcome of reading a scenario file: the scenario, or every problem found (in file order). */
public sealed interface ReadResult {

    record Ok(Scenario scenario) implements ReadResult {
    }

    record Invalid(List<Problem> problems) implements ReadResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
