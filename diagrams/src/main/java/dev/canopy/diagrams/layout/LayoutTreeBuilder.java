package dev.canopy.diagrams.layout;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects nodes one by one for a {@link LayoutTree}. Parents are named by key and resolved in
 * {@link #build()}, so nodes may be added in any order; siblings keep the order they were added.
 */
public final class LayoutTreeBuilder {
    private String[] keys = new String[16];
    private String[] parentKeys = new String[16];
    private double[] widths = new double[16];
    private double[] heights = new double[16];
    private boolean[] collapsed = new boolean[16];
    private int size;

    LayoutTreeBuilder() {
    }

    /** Adds a node; {@code parentKey} is null for the root. */
    public LayoutTreeBuilder add(String key, String parentKey, double widthPx, double heightPx) {
        if (size == keys.length) grow();
        keys[size] = key;
        parentKeys[size] = parentKey;
        widths[size] = widthPx;
        heights[size] = heightPx;
        size++;
        return this;
    }

    /** Marks an added node as collapsed: it stays visible, its descendants are hidden. */
    public LayoutTreeBuilder collapse(String key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                collapsed[i] = true;
                return this;
            }
        }
        throw new IllegalArgumentException("no node with key '" + key + "' added yet");
    }

    public LayoutTree build() {
        Map<String, Integer> index = HashMap.newHashMap(size);
        for (int i = 0; i < size; i++) index.putIfAbsent(keys[i], i);
        int[] parents = new int[size];
        for (int i = 0; i < size; i++) {
            if (parentKeys[i] == null) {
                parents[i] = -1;
            } else {
                Integer p = index.get(parentKeys[i]);
                if (p == null) throw new IllegalArgumentException("node '" + keys[i] + "' has unknown parent '" + parentKeys[i] + "'");
                parents[i] = p;
            }
        }
        return LayoutTree.of(Arrays.copyOf(keys, size), parents, Arrays.copyOf(widths, size),
                Arrays.copyOf(heights, size), Arrays.copyOf(collapsed, size));
    }

    private void grow() {
        int n = keys.length * 2;
        keys = Arrays.copyOf(keys, n);
        parentKeys = Arrays.copyOf(parentKeys, n);
        widths = Arrays.copyOf(widths, n);
        heights = Arrays.copyOf(heights, n);
        collapsed = Arrays.copyOf(collapsed, n);
    }
}
