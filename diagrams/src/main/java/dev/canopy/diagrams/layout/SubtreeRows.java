package dev.canopy.diagrams.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Wide families whose children have children of their own (a supervisor over a hundred pools of
 * a hundred workers each), laid out as rows of subtrees under their parent, the way text wraps.
 *
 * <p>Why: a family of subtrees side by side is as wide as all of them together: 100 pools of 100
 * workers made a drawing 150,000 px wide and 700 px high even with each pool's workers wrapped.
 * Each child's subtree is laid out on its own (by {@link TreeLayout}, so wrapping applies inside
 * it too) and the resulting blocks are packed into rows, left to right in sibling order, rows
 * about {@link LeafGrids#ASPECT} times as wide as the family is tall. For the tidy walk of the
 * rest of the tree the rows are one composite node (continued by stand-ins into deeper levels,
 * as for {@link LeafGrids}). A trunk runs from the parent along the left gutter of the rows;
 * each row hangs from its own bus in the gap above it.
 */
final class SubtreeRows {
    private final List<Family> families = new ArrayList<>();

    /** One wrapped family: its parent, each child's own layout and where its block goes. */
    record Family(int parent, int[] children, Layout[] blocks, double[] blockAlong, double[] blockAcross,
            double breadth, double extent, double gutter) {
    }

    private SubtreeRows() {
    }

    static SubtreeRows none() {
        return new SubtreeRows();
    }

    /** True when v's visible children are many and not all leaves (those are {@link LeafGrids}'). */
    static boolean qualifies(LayoutTree tree, int v, LayoutOptions o) {
        int cc = tree.childCount(v);
        if (tree.isCollapsed(v) || cc <= o.wrapAbove()) return false;
        for (int j = 0; j < cc; j++) {
            int c = tree.child(v, j);
            if (tree.childCount(c) > 0 && !tree.isCollapsed(c)) return true;
        }
        return false;
    }

    static SubtreeRows plan(LayoutTree tree, int[] mainOrder, int mainCount, boolean[] rowFamily, LayoutOptions o) {
        SubtreeRows rows = new SubtreeRows();
        boolean topDown = o.orientation() == Orientation.TOP_DOWN;
        for (int k = 0; k < mainCount; k++) {
            int p = mainOrder[k];
            if (!rowFamily[p]) continue;
            int cc = tree.childCount(p);
            int[] children = new int[cc];
            Layout[] blocks = new Layout[cc];
            double area = 0;
            double widest = 0;
            for (int j = 0; j < cc; j++) {
                children[j] = tree.child(p, j);
                blocks[j] = TreeLayout.layout(tree.subtree(children[j]), o);
                double b = breadthOf(blocks[j], topDown);
                area += (b + o.subtreeGapPx()) * (extentOf(blocks[j], topDown) + o.rowGapPx());
                widest = Math.max(widest, b);
            }
            double target = Math.max(widest, Math.sqrt(LeafGrids.ASPECT * area));
            double gutter = o.rowGapPx();
            double[] along = new double[cc];
            double[] across = new double[cc];
            double x = 0;
            double rowTop = 0;
            double rowExtent = 0;
            double breadth = 0;
            for (int j = 0; j < cc; j++) {
                double b = breadthOf(blocks[j], topDown);
                if (x > 0 && x + b > target) {
                    rowTop += rowExtent + o.rowGapPx();
                    x = 0;
                    rowExtent = 0;
                }
                along[j] = gutter + x;
                across[j] = rowTop;
                x += b + o.subtreeGapPx();
                rowExtent = Math.max(rowExtent, extentOf(blocks[j], topDown));
                breadth = Math.max(breadth, gutter + x - o.subtreeGapPx());
            }
            if (rowTop == 0) {
                rowFamily[p] = false; // it fits in one row: an ordinary family after all
                continue;
            }
            rows.families.add(new Family(p, children, blocks, along, across, breadth, rowTop + rowExtent, gutter));
        }
        return rows;
    }

    private static double breadthOf(Layout l, boolean topDown) {
        return topDown ? l.bounds().width() : l.bounds().height();
    }

    private static double extentOf(Layout l, boolean topDown) {
        return topDown ? l.bounds().height() : l.bounds().width();
    }

    List<Family> families() {
        return families;
    }

    boolean isEmpty() {
        return families.isEmpty();
    }

    /**
     * Places every node of a family's subtrees: its block's corner plus its place in its own
     * layout. {@code left} is the composite's breadth-axis start, {@code top} its level's start.
     */
    static void place(LayoutTree tree, Family f, double left, double top, LayoutOptions o, double[] along,
            double[] across, double[] hang, double[] bus, int[] columns, double[] trunk) {
        boolean topDown = o.orientation() == Orientation.TOP_DOWN;
        trunk[f.parent()] = left + f.gutter() / 2;
        for (int j = 0; j < f.children().length; j++) {
            Layout block = f.blocks()[j];
            int[] map = tree.subtreeNodes(f.children()[j]);
            double a0 = left + f.blockAlong()[j];
            double c0 = top + f.blockAcross()[j];
            for (int s = 0; s < map.length; s++) {
                int u = map[s];
                if (!block.isVisible(s)) continue;
                along[u] = a0 + (topDown ? block.x(s) : block.y(s));
                across[u] = c0 + (topDown ? block.y(s) : block.x(s));
                hang[u] = c0 + block.hangBus(s);
                bus[u] = c0 + block.bus(s);
                columns[u] = block.wrapColumns(s);
                trunk[u] = Double.isNaN(block.wrapTrunk(s)) ? Double.NaN : a0 + block.wrapTrunk(s);
            }
            int c = f.children()[j];
            hang[c] = f.blockAcross()[j] == 0 ? top - o.levelGapPx() / 2 : c0 - o.rowGapPx() / 2;
        }
    }

    static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
