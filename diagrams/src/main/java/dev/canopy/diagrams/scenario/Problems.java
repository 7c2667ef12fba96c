package dev.canopy.diagrams.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems found in one file, so that all of them are reported at once. */
final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(String jsonPath, int line, String message) {
        found.add(new Problem(file, jsonPath, line, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** In file order (by line; problems on one line in the order they were found). */
    List<Problem> inFileOrder() {
        return found.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
    }
}
