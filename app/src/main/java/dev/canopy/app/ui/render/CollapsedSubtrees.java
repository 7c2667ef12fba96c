package dev.canopy.app.ui.render;

import java.util.HashSet;
import java.util.Set;

import dev.canopy.diagrams.layout.LayoutTree;

/**
 * The nodes the user collapsed on a tree canvas (their descendants hidden, their counts and states
 * shown on them). Kept across new trees (a restart, an edit) while the key exists.
 */
final class CollapsedSubtrees {
    private final Set<String> keys = new HashSet<>();

    /** The tree with these nodes collapsed (keys it no longer has are forgotten). */
    LayoutTree applyTo(LayoutTree tree) {
        if (keys.isEmpty()) return tree;
        keys.removeIf(k -> tree.indexOf(k) < 0);
        return tree.withCollapsed(keys);
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    boolean contains(String key) {
        return keys.contains(key);
    }

    /** Collapses the node, or expands it when it was collapsed. */
    void toggle(String key) {
        if (!keys.remove(key)) keys.add(key);
    }

    /** Expands every collapsed ancestor of a node of this tree; true if anything changed. */
    boolean expandAncestors(LayoutTree tree, String key) {
        boolean changed = false;
        for (int a = tree.parent(tree.indexOf(key)); a >= 0; a = tree.parent(a)) changed |= keys.remove(tree.key(a));
        return changed;
    }

    /** Expands everything; true if anything was collapsed. */
    boolean clear() {
        if (keys.isEmpty()) return false;
        keys.clear();
        return true;
    }
}
