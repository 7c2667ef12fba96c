package dev.canopy.diagrams.layout;

import java.util.Arrays;

/**
 * Wide families of leaves laid out as a grid of rows under their parent, and the tidy walk that
 * places everything else around those grids.
 *
 * <p>Why: the typical large supervision tree is one DynamicSupervisor with thousands of session
 * workers. In one row, 10k sessions made a drawing a million pixels wide and a few hundred high,
 * which no zoom can show. A parent with more than {@link LayoutOptions#wrapAbove()} children,
 * all leaves (or collapsed), gets them in rows instead, reading order kept (row by row), about
 * {@link #ASPECT} times as wide as tall, centred under the parent.
 *
 * <p>How it stays a tidy tree: for the breadth-first walk, the grid is one composite node as
 * broad as the grid, at the children's level; where the grid reaches down into deeper levels a
 * chain of stand-in nodes as broad as the grid continues it, so that cousins' subtrees at those
 * levels keep clear of it exactly as they keep clear of any other subtree. The number of
 * columns is even so that the trunk from the parent runs down the middle column gap, between
 * boxes; each row hangs from its own bus in the gap above it.
 */
final class LeafGrids {
    /** Width to height the grid (and rows of subtrees) aim for: wider than tall, like a window. */
    static final double ASPECT = 2.0;
    /** A wrapped family has at least this many columns (fewer when it wraps above fewer children). */
    static final int MIN_COLUMNS = 8;

    private final int[] gridOf;
    private int count;
    private int[] parentOf = new int[4];
    private int[] columns = new int[4];
    private int[] rows = new int[4];
    private double[] cellBreadth = new double[4];
    private double[] rowExtent = new double[4];

    private LeafGrids(int n) {
        gridOf = new int[n];
        Arrays.fill(gridOf, -1);
    }

    /** Which visible parents wrap their children, and each grid's shape. */
    static LeafGrids plan(LayoutTree tree, int[] visibleOrder, int visibleCount, double[] breadth, double[] extent,
            LayoutOptions o) {
        LeafGrids g = new LeafGrids(tree.size());
        for (int k = 0; k < visibleCount; k++) {
            int v = visibleOrder[k];
            int cc = tree.childCount(v);
            if (tree.isCollapsed(v) || cc <= o.wrapAbove()) continue;
            double cell = 0;
            double rowH = 0;
            boolean leaves = true;
            for (int j = 0; j < cc && leaves; j++) {
                int c = tree.child(v, j);
                leaves = tree.childCount(c) == 0 || tree.isCollapsed(c);
                cell = Math.max(cell, breadth[c]);
                rowH = Math.max(rowH, extent[c]);
            }
            if (!leaves) continue;
            double colPitch = Math.max(1e-9, cell + o.siblingGapPx());
            double rowPitch = rowH + o.rowGapPx();
            int cols = (int) Math.ceil(Math.sqrt(ASPECT * cc * rowPitch / colPitch));
            cols = even(Math.max(cols, Math.min(MIN_COLUMNS, o.wrapAbove())));
            if (cols >= cc) continue;
            int r = (cc + cols - 1) / cols;
            cols = even((cc + r - 1) / r);
            if (r < 2) continue;
            g.add(v, cols, r, cell, rowH);
        }
        return g;
    }

    private static int even(int n) {
        return n + (n & 1);
    }

    private void add(int parent, int cols, int r, double cell, double rowH) {
        if (count == parentOf.length) {
            int m = count * 2;
            parentOf = Arrays.copyOf(parentOf, m);
            columns = Arrays.copyOf(columns, m);
            rows = Arrays.copyOf(rows, m);
            cellBreadth = Arrays.copyOf(cellBreadth, m);
            rowExtent = Arrays.copyOf(rowExtent, m);
        }
        gridOf[parent] = count;
        parentOf[count] = parent;
        columns[count] = cols;
        rows[count] = r;
        cellBreadth[count] = cell;
        rowExtent[count] = rowH;
        count++;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Columns of a parent's grid, or 0 when its children are not wrapped. */
    int columnsOf(int parent) {
        int g = gridOf[parent];
        return g < 0 ? 0 : columns[g];
    }

    private double gridBreadth(int g, LayoutOptions o) {
        return columns[g] * cellBreadth[g] + (columns[g] - 1) * o.siblingGapPx();
    }

    /**
     * Runs the tidy walk with every grid as one composite node (plus stand-ins below it) and
     * places the wrapped children in their cells. Fills {@code centre} (breadth axis) and
     * {@code across} (the depth axis: a level's start, or a row's) for every visible node, and
     * {@code hang}: the bus each wrapped child hangs from.
     */
    void place(LayoutTree tree, int[] visibleOrder, int visibleCount, int[] depth, double[] breadth,
            double[] levelStart, int maxDepth, LayoutOptions o, double[] centre, double[] across, double[] hang,
            SubtreeRows subtreeRows, double[] along, double[] bus, int[] nodeColumns, double[] trunk) {
        int n = tree.size();
        int[] walkIndex = new int[n];
        Arrays.fill(walkIndex, -1);
        int m = 0;
        for (int k = 0; k < visibleCount; k++) {
            int v = visibleOrder[k];
            int p = tree.parent(v);
            if (p >= 0 && gridOf[p] >= 0) continue;
            walkIndex[v] = m++;
        }
        int firstComposite = m;
        int[] chainLength = new int[count];
        for (int g = 0; g < count; g++) {
            int d = depth[parentOf[g]] + 1;
            double bottom = levelStart[d] + rows[g] * rowExtent[g] + (rows[g] - 1) * o.rowGapPx();
            int len = 0;
            for (int level = d + 1; level <= maxDepth && levelStart[level] < bottom + o.levelGapPx(); level++) len++;
            chainLength[g] = len;
            m += 1 + len;
        }
        var families = subtreeRows.families();
        int[] rowChain = new int[families.size()];
        for (int f = 0; f < families.size(); f++) {
            var fam = families.get(f);
            int d = depth[fam.parent()] + 1;
            double bottom = levelStart[d] + fam.extent();
            int len = 0;
            for (int level = d + 1; level <= maxDepth && levelStart[level] < bottom + o.levelGapPx(); level++) len++;
            rowChain[f] = len;
            m += 1 + len;
        }
        int[] walkParent = new int[m];
        double[] walkBreadth = new double[m];
        for (int k = 0; k < visibleCount; k++) {
            int v = visibleOrder[k];
            int w = walkIndex[v];
            if (w < 0) continue;
            int p = tree.parent(v);
            walkParent[w] = p < 0 ? -1 : walkIndex[p];
            walkBreadth[w] = breadth[v];
        }
        int[] composite = new int[count];
        int next = firstComposite;
        for (int g = 0; g < count; g++) {
            double b = gridBreadth(g, o);
            composite[g] = next;
            walkParent[next] = walkIndex[parentOf[g]];
            walkBreadth[next] = b;
            next++;
            for (int j = 0; j < chainLength[g]; j++) {
                walkParent[next] = next - 1;
                walkBreadth[next] = b;
                next++;
            }
        }
        int[] rowComposite = new int[families.size()];
        for (int f = 0; f < families.size(); f++) {
            var fam = families.get(f);
            rowComposite[f] = next;
            walkParent[next] = walkIndex[fam.parent()];
            walkBreadth[next] = fam.breadth();
            next++;
            for (int j = 0; j < rowChain[f]; j++) {
                walkParent[next] = next - 1;
                walkBreadth[next] = fam.breadth();
                next++;
            }
        }
        LayoutTree walk = LayoutTree.structureOf(walkParent);
        int[] walkOrder = walk.breadthFirstOrder();
        double[] walkCentre = TidyTreeWalk.centres(walk, walkOrder, m, walkBreadth, o.siblingGapPx(), o.subtreeGapPx());

        for (int k = 0; k < visibleCount; k++) {
            int v = visibleOrder[k];
            if (walkIndex[v] < 0) continue;
            centre[v] = walkCentre[walkIndex[v]];
            across[v] = levelStart[depth[v]];
        }
        for (int f = 0; f < families.size(); f++) {
            var fam = families.get(f);
            double left = walkCentre[rowComposite[f]] - fam.breadth() / 2;
            SubtreeRows.place(tree, fam, left, levelStart[depth[fam.parent()] + 1], o, along, across, hang, bus, nodeColumns, trunk);
        }
        for (int g = 0; g < count; g++) {
            int p = parentOf[g];
            int d = depth[p] + 1;
            double left = walkCentre[composite[g]] - gridBreadth(g, o) / 2;
            int cols = columns[g];
            double colPitch = cellBreadth[g] + o.siblingGapPx();
            double rowPitch = rowExtent[g] + o.rowGapPx();
            for (int j = 0, cc = tree.childCount(p); j < cc; j++) {
                int c = tree.child(p, j);
                int row = j / cols;
                centre[c] = left + (j % cols) * colPitch + cellBreadth[g] / 2;
                across[c] = levelStart[d] + row * rowPitch;
                hang[c] = row == 0 ? levelStart[d] - o.levelGapPx() / 2 : across[c] - o.rowGapPx() / 2;
            }
        }
    }
}
