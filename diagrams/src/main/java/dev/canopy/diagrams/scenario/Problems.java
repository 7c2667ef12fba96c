package dev.canopy.diagrams.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems found in one file, so that all of them are reported at once. */
public final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public void add(String jsonPath, int line, String message) {
        found.add(new Problem(file, jsonPath, line, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** In file order (by line; problems on one line in the order they were found). */
    public List<Problem> inFileOrder() {
        return found.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
    }
}
