package dev.canopy.diagrams.design;

import java.util.List;

/**
 * The outcome of reading a design: the design with the warnings found (e.g. keys a newer Canopy
 * added) and where each JSON path sits in the text, or every problem found (in file order) when it
 * could not be read. Validation ({@link DesignValidator}) is separate: a design that loads may
 * still break a rule, so that the editor can open it and show what to fix.
 */
public sealed interface LoadResult {

    record Loaded(Design design, List<DesignProblem> warnings, SourceLines lines) implements LoadResult {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    record Failed(List<DesignProblem> problems) implements LoadResult {
        public Failed {
            problems = List.copyOf(problems);
        }
    }
}
