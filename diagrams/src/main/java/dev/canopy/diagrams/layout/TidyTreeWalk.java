package dev.canopy.diagrams.layout;

import java.util.Arrays;

/**
 * The breadth-axis positions of a layered tidy tree: Buchheim, Jünger and Leipert's linear-time
 * version of Walker's algorithm ("Improving Walker's algorithm to run in linear time", 2002),
 * with each node's own breadth in the separation so that node widths may vary.
 *
 * <p>Both walks are iterative. The first walk runs in reverse breadth-first order, which visits
 * every node after all its descendants. Walker's recursive first walk places a child right
 * after laying out that child's subtree; here a node's subtree is laid out first and the node is
 * placed among its siblings when its parent is visited. The two orders do the same work: laying
 * out a subtree reads and writes only that subtree, so it commutes with the placing of the
 * siblings to its left.
 */
final class TidyTreeWalk {
    private final LayoutTree tree;
    private final double[] breadth;
    private final double siblingGap;
    private final double subtreeGap;

    private final double[] prelim;
    private final double[] mod;
    private final double[] change;
    private final double[] shift;
    /** Where a node's children centre, relative to its subtree's own origin (0 for leaves). */
    private final double[] midpoint;
    private final int[] thread;
    private final int[] ancestor;

    private TidyTreeWalk(LayoutTree tree, double[] breadth, double siblingGap, double subtreeGap) {
        int n = tree.size();
        this.tree = tree;
        this.breadth = breadth;
        this.siblingGap = siblingGap;
        this.subtreeGap = subtreeGap;
        prelim = new double[n];
        mod = new double[n];
        change = new double[n];
        shift = new double[n];
        midpoint = new double[n];
        thread = new int[n];
        Arrays.fill(thread, -1);
        ancestor = new int[n];
        for (int i = 0; i < n; i++) ancestor[i] = i;
    }

    /**
     * The centre of each visible node along the breadth axis (x when top-down), with the root at
     * 0. {@code visibleOrder} lists the visible nodes breadth-first; hidden entries are left 0.
     */
    static double[] centres(LayoutTree tree, int[] visibleOrder, int visibleCount, double[] breadth,
            double siblingGap, double subtreeGap) {
        TidyTreeWalk w = new TidyTreeWalk(tree, breadth, siblingGap, subtreeGap);
        for (int k = visibleCount - 1; k >= 0; k--) w.arrangeChildren(visibleOrder[k]);
        int root = tree.root();
        w.prelim[root] = w.midpoint[root];
        return w.secondWalk(visibleOrder, visibleCount);
    }

    private int visibleChildCount(int v) {
        return tree.isCollapsed(v) ? 0 : tree.childCount(v);
    }

    /** Walker's first walk for the children of v, whose own subtrees are already arranged. */
    private void arrangeChildren(int v) {
        int count = visibleChildCount(v);
        if (count == 0) return;
        int defaultAncestor = tree.child(v, 0);
        for (int k = 0; k < count; k++) {
            int c = tree.child(v, k);
            if (k == 0) {
                prelim[c] = midpoint[c];
            } else {
                int left = tree.child(v, k - 1);
                prelim[c] = prelim[left] + distance(left, c);
                mod[c] = prelim[c] - midpoint[c];
            }
            defaultAncestor = apportion(c, defaultAncestor);
        }
        executeShifts(v, count);
        midpoint[v] = (prelim[tree.child(v, 0)] + prelim[tree.child(v, count - 1)]) / 2;
    }

    private double distance(int left, int right) {
        double gap = tree.parent(left) == tree.parent(right) ? siblingGap : subtreeGap;
        return (breadth[left] + breadth[right]) / 2 + gap;
    }

    private int nextLeft(int v) {
        return visibleChildCount(v) > 0 ? tree.child(v, 0) : thread[v];
    }

    private int nextRight(int v) {
        int count = visibleChildCount(v);
        return count > 0 ? tree.child(v, count - 1) : thread[v];
    }

    /** Pushes v's subtree right until its left contour clears the right contour of its left siblings. */
    private int apportion(int v, int defaultAncestor) {
        int p = tree.parent(v);
        int sib = tree.siblingIndex(v);
        if (sib == 0) return defaultAncestor;
        int vip = v;
        int vop = v;
        int vim = tree.child(p, sib - 1);
        int vom = tree.child(p, 0);
        double sip = mod[vip];
        double sop = mod[vop];
        double sim = mod[vim];
        double som = mod[vom];
        while (nextRight(vim) != -1 && nextLeft(vip) != -1) {
            vim = nextRight(vim);
            vip = nextLeft(vip);
            vom = nextLeft(vom);
            vop = nextRight(vop);
            ancestor[vop] = v;
            double overlap = (prelim[vim] + sim) - (prelim[vip] + sip) + distance(vim, vip);
            if (overlap > 0) {
                moveSubtree(greatestDistinctAncestor(vim, v, defaultAncestor), v, overlap);
                sip += overlap;
                sop += overlap;
            }
            sim += mod[vim];
            sip += mod[vip];
            som += mod[vom];
            sop += mod[vop];
        }
        if (nextRight(vim) != -1 && nextRight(vop) == -1) {
            thread[vop] = nextRight(vim);
            mod[vop] += sim - sop;
        }
        if (nextLeft(vip) != -1 && nextLeft(vom) == -1) {
            thread[vom] = nextLeft(vip);
            mod[vom] += sip - som;
            defaultAncestor = v;
        }
        return defaultAncestor;
    }

    private int greatestDistinctAncestor(int vim, int v, int defaultAncestor) {
        int a = ancestor[vim];
        return tree.parent(a) == tree.parent(v) ? a : defaultAncestor;
    }

    /** Moves wr's subtree right and records the shift to spread over the siblings between. */
    private void moveSubtree(int wl, int wr, double amount) {
        int subtrees = tree.siblingIndex(wr) - tree.siblingIndex(wl);
        change[wr] -= amount / subtrees;
        shift[wr] += amount;
        change[wl] += amount / subtrees;
        prelim[wr] += amount;
        mod[wr] += amount;
    }

    private void executeShifts(int v, int count) {
        double s = 0;
        double c = 0;
        for (int k = count - 1; k >= 0; k--) {
            int w = tree.child(v, k);
            prelim[w] += s;
            mod[w] += s;
            c += change[w];
            s += shift[w] + c;
        }
    }

    /** Sums the modifiers from the root down, breadth-first. */
    private double[] secondWalk(int[] order, int count) {
        double[] modSum = new double[tree.size()];
        double[] centre = new double[tree.size()];
        for (int k = 0; k < count; k++) {
            int v = order[k];
            centre[v] = prelim[v] + modSum[v];
            int children = visibleChildCount(v);
            for (int j = 0; j < children; j++) modSum[tree.child(v, j)] = modSum[v] + mod[v];
        }
        return centre;
    }
}
