package dev.canopy.diagrams.scenario;

import java.util.List;

import dev.canopy.engine.scenario.Scenario;

/** PLACEHOLDER (build setup): the outcome of reading a scenario file. To be replaced. */
public sealed interface ReadResult {

    record Ok(Scenario scenario) implements ReadResult {
    }

    record Invalid(List<Problem> problems) implements ReadResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
