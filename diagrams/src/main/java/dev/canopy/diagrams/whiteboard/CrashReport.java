package dev.canopy.diagrams.whiteboard;

import java.util.List;

/**
 * Prediction against outcome for one fault: the node that was made to exit and how, one row per
 * node that was running before it (start order), the surprises explained, and the simulator's
 * log lines from the fault on (as evidence).
 */
public record CrashReport(String path, ExitKind kind, List<NodeVerdict> rows, List<Surprise> surprises, List<String> evidence) {
    public CrashReport {
        rows = List.copyOf(rows);
        surprises = List.copyOf(surprises);
        evidence = List.copyOf(evidence);
    }

    /** True when every node did what was predicted. */
    public boolean held() {
        return rows.stream().allMatch(NodeVerdict::agrees);
    }

    /** The rows where prediction and outcome differ. */
    public List<NodeVerdict> misses() {
        return rows.stream().filter(r -> !r.agrees()).toList();
    }
}
