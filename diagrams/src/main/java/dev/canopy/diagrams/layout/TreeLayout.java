package dev.canopy.diagrams.layout;

/**
 * Lays out a {@link LayoutTree} as a layered tidy tree: a pure function of the tree (structure,
 * measured sizes, collapsed flags) and the {@link LayoutOptions}; no state, no I/O.
 *
 * <p>Why layered (Buchheim–Jünger–Leipert with variable node breadth) rather than van der
 * Ploeg's non-layered variant: in a supervision tree the level is the supervision depth, and
 * readers compare nodes across a row; with one row per level all connector buses of a level
 * share one line. Each level is as deep as its deepest node (tallest when top-down, widest when
 * left-to-right); nodes are aligned to the level's start. Node breadths may vary freely.
 *
 * <p>Runs in time linear in the number of nodes and uses no recursion, so a chain 100k deep
 * is fine. Hidden nodes (below a collapsed one) are placed on their collapsed ancestor, where an
 * expansion animation would start from.
 *
 * <p>Wide families of leaves (a DynamicSupervisor's thousands of sessions) wrap into a grid of
 * rows under their parent: see {@link LeafGrids}.
 */
public final class TreeLayout {
    private TreeLayout() {
    }

    public static Layout layout(LayoutTree tree, LayoutOptions options) {
        int n = tree.size();
        boolean topDown = options.orientation() == Orientation.TOP_DOWN;
        int[] order = tree.breadthFirstOrder();

        // Visible nodes in breadth-first order; depth per node. Nodes inside a family wrapped into
        // rows of subtrees are laid out with their block (SubtreeRows), not in the main walk.
        boolean[] visible = new boolean[n];
        boolean[] inner = new boolean[n];
        boolean[] rowFamily = new boolean[n];
        int[] depth = new int[n];
        int[] visibleOrder = new int[n];
        int[] mainOrder = new int[n];
        int visibleCount = 0;
        int mainCount = 0;
        for (int v : order) {
            int p = tree.parent(v);
            visible[v] = p < 0 || (visible[p] && !tree.isCollapsed(p));
            depth[v] = p < 0 ? 0 : depth[p] + 1;
            if (!visible[v]) continue;
            visibleOrder[visibleCount++] = v;
            inner[v] = p >= 0 && (inner[p] || rowFamily[p]);
            if (inner[v]) continue;
            mainOrder[mainCount++] = v;
            rowFamily[v] = SubtreeRows.qualifies(tree, v, options);
        }
        int wanted = countTrue(rowFamily);
        SubtreeRows rows = wanted == 0 ? SubtreeRows.none() : SubtreeRows.plan(tree, mainOrder, mainCount, rowFamily, options);
        if (rows.families().size() < wanted) {
            // Families that fit in one row after all are ordinary: their subtrees join the main walk.
            mainCount = 0;
            for (int k = 0; k < visibleCount; k++) {
                int v = visibleOrder[k];
                int p = tree.parent(v);
                inner[v] = p >= 0 && (inner[p] || rowFamily[p]);
                if (!inner[v]) mainOrder[mainCount++] = v;
            }
        }
        int maxDepth = 0;
        for (int k = 0; k < mainCount; k++) {
            int v = mainOrder[k];
            maxDepth = Math.max(maxDepth, depth[v] + (rowFamily[v] ? 1 : 0));
        }

        double[] breadth = new double[n];
        double[] extentOf = new double[n];
        double[] levelExtent = new double[maxDepth + 1];
        for (int k = 0; k < mainCount; k++) {
            int v = mainOrder[k];
            breadth[v] = topDown ? tree.widthPx(v) : tree.heightPx(v);
            extentOf[v] = topDown ? tree.heightPx(v) : tree.widthPx(v);
            levelExtent[depth[v]] = Math.max(levelExtent[depth[v]], extentOf[v]);
        }
        double[] levelStart = new double[maxDepth + 1];
        for (int d = 1; d <= maxDepth; d++) {
            levelStart[d] = levelStart[d - 1] + levelExtent[d - 1] + options.levelGapPx();
        }
        double[] bus = new double[n];
        for (int k = 0; k < mainCount; k++) {
            int v = mainOrder[k];
            bus[v] = levelStart[depth[v]] + levelExtent[depth[v]] + options.levelGapPx() / 2;
        }

        double[] along = new double[n];
        double[] across = new double[n];
        double[] hang = new double[n];
        int[] columns = new int[n];
        double[] trunk = SubtreeRows.nanArray(n);
        for (int k = 1; k < mainCount; k++) {
            int v = mainOrder[k];
            hang[v] = bus[tree.parent(v)];
        }
        LeafGrids grids = LeafGrids.plan(tree, mainOrder, mainCount, breadth, extentOf, options);
        double[] centre;
        if (grids.isEmpty() && rows.isEmpty()) {
            centre = TidyTreeWalk.centres(tree, mainOrder, mainCount, breadth, options.siblingGapPx(),
                    options.subtreeGapPx());
            for (int k = 0; k < mainCount; k++) across[mainOrder[k]] = levelStart[depth[mainOrder[k]]];
        } else {
            centre = new double[n];
            grids.place(tree, mainOrder, mainCount, depth, breadth, levelStart, maxDepth, options, centre, across, hang,
                    rows, along, bus, columns, trunk);
        }
        for (int k = 0; k < mainCount; k++) {
            int v = mainOrder[k];
            along[v] = centre[v] - breadth[v] / 2;
            if (!grids.isEmpty()) columns[v] = grids.columnsOf(v);
        }
        double minAlong = Double.POSITIVE_INFINITY;
        for (int k = 0; k < visibleCount; k++) minAlong = Math.min(minAlong, along[visibleOrder[k]]);

        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < visibleCount; k++) {
            int v = visibleOrder[k];
            x[v] = topDown ? along[v] - minAlong : across[v];
            y[v] = topDown ? across[v] : along[v] - minAlong;
            if (!Double.isNaN(trunk[v])) trunk[v] -= minAlong;
        }
        return new Layout(tree, options, visible, visibleOrder, visibleCount, x, y, bus, hang, columns, trunk, order);
    }

    private static int countTrue(boolean[] a) {
        int c = 0;
        for (boolean b : a) if (b) c++;
        return c;
    }
}
