package dev.canopy.app.ui.start;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the start page shows of a {@code *.canopy.json} file: its name and description, the
 * root's restart strategy (if a supervisor) and the tree's shape. {@code tree} is empty when the
 * file has no readable tree.
 */
public record DesignSummary(Path file, String name, String description, String strategy,
                            Optional<TreeSketch> tree) {

    public int processCount() {
        return tree.map(TreeSketch::size).orElse(0);
    }

    /** "12 processes · one_for_one" */
    public String facts() {
        int n = processCount();
        String s = n == 1 ? "1 process" : n + " processes";
        return strategy == null || strategy.isBlank() ? s : s + " · " + strategy;
    }
}
