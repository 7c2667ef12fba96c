package dev.canopy.diagrams.render;

import dev.canopy.diagrams.layout.Layout;

/**
 * How many nodes of each subtree (hidden ones included) are restarting or down, so that a
 * collapsed node, or a subtree too small on screen to draw node by node, still shows a storm.
 * One pass over the tree, children before parents; built on demand, once per frame at most.
 */
final class SubtreeStates {
    private final int[] restarting;
    private final int[] down;

    private SubtreeStates(int n) {
        restarting = new int[n];
        down = new int[n];
    }

    static SubtreeStates of(Layout layout, NodeVisuals visuals) {
        int n = layout.size();
        SubtreeStates s = new SubtreeStates(n);
        for (int k = n - 1; k >= 0; k--) {
            int v = layout.breadthFirstNode(k);
            switch (visuals.get(v).state()) {
                case STATE_RESTARTING, STATE_STARTING -> s.restarting[v]++;
                case STATE_EXITED, STATE_GAVE_UP -> s.down[v]++;
                default -> { }
            }
            int p = layout.tree().parent(v);
            if (p >= 0) {
                s.restarting[p] += s.restarting[v];
                s.down[p] += s.down[v];
            }
        }
        return s;
    }

    /** Nodes in v's subtree (v included) starting or restarting now. */
    int restarting(int v) {
        return restarting[v];
    }

    /** Nodes in v's subtree (v included) that exited or whose supervisor gave up. */
    int down(int v) {
        return down[v];
    }

    /** The colour a block standing for v's subtree takes: the worst state in it, else a plain block. */
    StyleToken blockToken(int v) {
        if (down[v] > 0) return StyleToken.STATE_GAVE_UP;
        if (restarting[v] > 0) return StyleToken.STATE_RESTARTING;
        return StyleToken.BLOCK;
    }
}
