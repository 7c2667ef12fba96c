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

        // Visible nodes first in breadth-first order; depth per node.
        boolean[] visible = new boolean[n];
        int[] depth = new int[n];
        int[] visibleOrder = new int[n];
        int visibleCount = 0;
        int maxDepth = 0;
        for (int v : order) {
            int p = tree.parent(v);
            visible[v] = p < 0 || (visible[p] && !tree.isCollapsed(p));
            depth[v] = p < 0 ? 0 : depth[p] + 1;
            if (visible[v]) {
                visibleOrder[visibleCount++] = v;
                maxDepth = Math.max(maxDepth, depth[v]);
            }
        }

        double[] breadth = new double[n];
        double[] extentOf = new double[n];
        double[] levelExtent = new double[maxDepth + 1];
        for (int k = 0; k < visibleCount; k++) {
            int v = visibleOrder[k];
            breadth[v] = topDown ? tree.widthPx(v) : tree.heightPx(v);
            extentOf[v] = topDown ? tree.heightPx(v) : tree.widthPx(v);
            levelExtent[depth[v]] = Math.max(levelExtent[depth[v]], extentOf[v]);
        }
        double[] levelStart = new double[maxDepth + 1];
        for (int d = 1; d <= maxDepth; d++) {
            levelStart[d] = levelStart[d - 1] + levelExtent[d - 1] + options.levelGapPx();
        }
        double[] bus = new double[n];
        for (int k = 0; k < visibleCount; k++) {
            int v = visibleOrder[k];
            bus[v] = levelStart[depth[v]] + levelExtent[depth[v]] + options.levelGapPx() / 2;
        }

        double[] centre;
        double[] across = new double[n];
        double[] hang = new double[n];
        LeafGrids grids = LeafGrids.plan(tree, visibleOrder, visibleCount, breadth, extentOf, options);
        for (int k = 1; k < visibleCount; k++) {
            int v = visibleOrder[k];
            hang[v] = bus[tree.parent(v)];
        }
        if (grids.isEmpty()) {
            centre = TidyTreeWalk.centres(tree, visibleOrder, visibleCount, breadth, options.siblingGapPx(),
                    options.subtreeGapPx());
            for (int k = 0; k < visibleCount; k++) across[visibleOrder[k]] = levelStart[depth[visibleOrder[k]]];
        } else {
            centre = new double[n];
            grids.place(tree, visibleOrder, visibleCount, depth, breadth, levelStart, maxDepth, options, centre,
                    across, hang);
        }
        double minBreadth = Double.POSITIVE_INFINITY;
        for (int k = 0; k < visibleCount; k++) {
            int v = visibleOrder[k];
            minBreadth = Math.min(minBreadth, centre[v] - breadth[v] / 2);
        }

        double[] x = new double[n];
        double[] y = new double[n];
        int[] columns = new int[n];
        for (int k = 0; k < visibleCount; k++) {
            int v = visibleOrder[k];
            double along = centre[v] - breadth[v] / 2 - minBreadth;
            x[v] = topDown ? along : across[v];
            y[v] = topDown ? across[v] : along;
            columns[v] = grids.isEmpty() ? 0 : grids.columnsOf(v);
        }
        return new Layout(tree, options, visible, visibleOrder, visibleCount, x, y, bus, hang, columns, order);
    }
}
