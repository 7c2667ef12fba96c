package dev.canopy.app.ui.start;

import java.util.List;

/**
 * The bare shape of a design's supervision tree, for thumbnails and the canvas preview: each
 * node's kind (the JSON word: {@code supervisor}, {@code worker}, …), label and children
 * (a dynamic supervisor's child template counts as its one child).
 */
public record TreeSketch(String kind, String label, List<TreeSketch> children) {

    public TreeSketch {
        children = List.copyOf(children);
    }

    public int size() {
        int n = 1;
        for (TreeSketch c : children) n += c.size();
        return n;
    }

    public int depth() {
        int d = 0;
        for (TreeSketch c : children) d = Math.max(d, c.depth());
        return d + 1;
    }

    /** Number of leaves (at least 1). */
    public int leaves() {
        if (children.isEmpty()) return 1;
        int n = 0;
        for (TreeSketch c : children) n += c.leaves();
        return n;
    }
}
