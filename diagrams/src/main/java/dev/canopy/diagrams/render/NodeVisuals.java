package dev.canopy.diagrams.render;

import dev.canopy.diagrams.layout.LayoutTree;

/**
 * The live state of every node of a tree, stored by the tree's node index so a frame reads it
 * without hashing. Updated by key as events arrive; a node never given a visual shows as a
 * running worker labelled with its key. Not thread-safe: update and draw on one thread.
 */
public final class NodeVisuals {
    private final LayoutTree tree;
    private final NodeVisual[] byIndex;

    public NodeVisuals(LayoutTree tree) {
        this.tree = tree;
        this.byIndex = new NodeVisual[tree.size()];
    }

    /** Sets the visual of the node with the visual's key. */
    public NodeVisuals put(NodeVisual visual) {
        byIndex[tree.requireIndex(visual.key())] = visual;
        return this;
    }

    public NodeVisual get(int node) {
        NodeVisual v = byIndex[node];
        if (v == null) {
            String key = tree.key(node);
            v = NodeVisual.of(key, key, "", StyleToken.NODE_WORKER, StyleToken.STATE_RUNNING);
            byIndex[node] = v;
        }
        return v;
    }

    public NodeVisual get(String key) {
        return get(tree.requireIndex(key));
    }

    /** The tree these visuals index; must be structurally the layout's tree. */
    public LayoutTree tree() {
        return tree;
    }
}
