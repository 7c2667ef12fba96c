package dev.canopy.diagrams.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The result of {@link TreeLayout}: a box per node, connector routes and bounds, in layout
 * pixels with the drawing's top-left at (0, 0). Nodes are addressed by the tree's index or key.
 *
 * <p>Also precomputes each visible node's subtree bounds (its box, its descendants' boxes and
 * the connectors between them) so that a renderer can skip or summarise a whole subtree with
 * one test. Immutable.
 */
public final class Layout {
    private final LayoutTree tree;
    private final LayoutOptions options;
    private final boolean[] visible;
    private final int[] visibleOrder;
    private final int visibleCount;
    private final double[] x;
    private final double[] y;
    private final double[] bus;
    private final double[] hang;
    private final int[] columns;
    private final double[] trunk;
    private final int[] breadthFirst;
    private final double[] subMinX;
    private final double[] subMinY;
    private final double[] subMaxX;
    private final double[] subMaxY;
    private final int[] hiddenDescendants;
    private final Bounds bounds;

    Layout(LayoutTree tree, LayoutOptions options, boolean[] visible, int[] visibleOrder, int visibleCount,
            double[] x, double[] y, double[] bus, double[] hang, int[] columns, double[] trunk, int[] breadthFirst) {
        int n = tree.size();
        this.tree = tree;
        this.options = options;
        this.visible = visible;
        this.visibleOrder = visibleOrder;
        this.visibleCount = visibleCount;
        this.x = x;
        this.y = y;
        this.bus = bus;
        this.hang = hang;
        this.columns = columns;
        this.trunk = trunk;
        this.breadthFirst = breadthFirst;
        subMinX = new double[n];
        subMinY = new double[n];
        subMaxX = new double[n];
        subMaxY = new double[n];
        hiddenDescendants = new int[n];
        int[] subtreeSize = new int[n];
        Arrays.fill(subtreeSize, 1);
        // Children before parents: reverse breadth-first order.
        for (int k = n - 1; k >= 0; k--) {
            int v = breadthFirst[k];
            int p = tree.parent(v);
            if (p >= 0) subtreeSize[p] += subtreeSize[v];
            if (tree.isCollapsed(v)) hiddenDescendants[v] = subtreeSize[v] - 1;
        }
        for (int k = visibleCount - 1; k >= 0; k--) {
            int v = visibleOrder[k];
            foldOwnBox(v);
            int p = tree.parent(v);
            if (p >= 0) foldIntoParent(v, p);
        }
        // Hidden nodes sit on their collapsed ancestor (parents come first in breadth-first order).
        for (int v : breadthFirst) {
            if (visible[v]) continue;
            int p = tree.parent(v);
            x[v] = x[p] + (tree.widthPx(p) - tree.widthPx(v)) / 2;
            y[v] = y[p] + (tree.heightPx(p) - tree.heightPx(v)) / 2;
        }
        int root = tree.root();
        bounds = new Bounds(subMinX[root], subMinY[root], subMaxX[root], subMaxY[root]);
    }

    /**
     * Adds a node's own box to its subtree bounds. In reverse breadth-first order its children
     * have all been folded in already; their union covers the connectors too, which run between
     * the parent's box and the children's centres.
     */
    private void foldOwnBox(int v) {
        boolean hasChildren = visibleChildCount(v) > 0;
        double minX = x[v];
        double minY = y[v];
        double maxX = x[v] + tree.widthPx(v);
        double maxY = y[v] + tree.heightPx(v);
        if (hasChildren) {
            minX = Math.min(minX, subMinX[v]);
            minY = Math.min(minY, subMinY[v]);
            maxX = Math.max(maxX, subMaxX[v]);
            maxY = Math.max(maxY, subMaxY[v]);
        }
        subMinX[v] = minX;
        subMinY[v] = minY;
        subMaxX[v] = maxX;
        subMaxY[v] = maxY;
    }

    private void foldIntoParent(int v, int p) {
        // The last child is reached first in reverse order and overwrites whatever was there.
        boolean first = tree.siblingIndex(v) == visibleChildCount(p) - 1;
        subMinX[p] = first ? subMinX[v] : Math.min(subMinX[p], subMinX[v]);
        subMinY[p] = first ? subMinY[v] : Math.min(subMinY[p], subMinY[v]);
        subMaxX[p] = first ? subMaxX[v] : Math.max(subMaxX[p], subMaxX[v]);
        subMaxY[p] = first ? subMaxY[v] : Math.max(subMaxY[p], subMaxY[v]);
    }

    public LayoutTree tree() {
        return tree;
    }

    public LayoutOptions options() {
        return options;
    }

    public Orientation orientation() {
        return options.orientation();
    }

    /** The whole drawing; starts at (0, 0). */
    public Bounds bounds() {
        return bounds;
    }

    public int size() {
        return tree.size();
    }

    public int indexOf(String key) {
        return tree.indexOf(key);
    }

    public String key(int node) {
        return tree.key(node);
    }

    /** False for nodes below a collapsed node. */
    public boolean isVisible(int node) {
        return visible[node];
    }

    public int visibleCount() {
        return visibleCount;
    }

    /** The k-th visible node in breadth-first order. */
    public int visibleNode(int k) {
        if (k >= visibleCount) throw new IndexOutOfBoundsException(k);
        return visibleOrder[k];
    }

    /** Children drawn below a node: none when it is collapsed. */
    public int visibleChildCount(int node) {
        return visible[node] && !tree.isCollapsed(node) ? tree.childCount(node) : 0;
    }

    /** How many descendants a collapsed node hides (0 when it is not collapsed). */
    public int hiddenDescendants(int node) {
        return hiddenDescendants[node];
    }

    public double x(int node) {
        return x[node];
    }

    public double y(int node) {
        return y[node];
    }

    public double width(int node) {
        return tree.widthPx(node);
    }

    public double height(int node) {
        return tree.heightPx(node);
    }

    public Rect rect(int node) {
        return new Rect(x[node], y[node], tree.widthPx(node), tree.heightPx(node));
    }

    public Rect rect(String key) {
        return rect(tree.requireIndex(key));
    }

    /**
     * Where the connector bus below (or right of) a parent runs: a y when top-down, an x when
     * left-to-right; in the middle of the gap after the parent's level.
     */
    public double bus(int parent) {
        return bus[parent];
    }

    /**
     * The bus a visible non-root node hangs from: its parent's {@link #bus}, or for a child in a
     * wrapped family, the bus in the gap above its row.
     */
    public double hangBus(int child) {
        return hang[child];
    }

    /** How many columns a parent's wrapped children fill, row by row; 0 when they are in one row. */
    public int wrapColumns(int parent) {
        return columns[parent];
    }

    /**
     * For a parent whose children's subtrees wrap into rows ({@link SubtreeRows}): where the trunk
     * from it to the rows runs, on the breadth axis (an x when top-down); NaN for other nodes.
     */
    public double wrapTrunk(int parent) {
        return trunk[parent];
    }

    /** The k-th node of the whole tree (hidden ones too) in breadth-first order: parents before children. */
    public int breadthFirstNode(int k) {
        return breadthFirst[k];
    }

    public double subtreeMinX(int node) {
        return subMinX[node];
    }

    public double subtreeMinY(int node) {
        return subMinY[node];
    }

    public double subtreeMaxX(int node) {
        return subMaxX[node];
    }

    public double subtreeMaxY(int node) {
        return subMaxY[node];
    }

    /** A visible node's box together with all its visible descendants. */
    public Bounds subtreeBounds(int node) {
        return new Bounds(subMinX[node], subMinY[node], subMaxX[node], subMaxY[node]);
    }

    /** The connector from a visible non-root node's parent to it. */
    public EdgeRoute edgeRoute(int child) {
        int p = tree.parent(child);
        if (p < 0 || !visible[child]) throw new IllegalArgumentException("node " + tree.key(child) + " has no drawn parent edge");
        List<Point> pts;
        if (!Double.isNaN(trunk[p])) return trunkRoute(p, child);
        if (options.orientation() == Orientation.TOP_DOWN) {
            double px = x[p] + tree.widthPx(p) / 2;
            double cx = x[child] + tree.widthPx(child) / 2;
            pts = List.of(new Point(px, y[p] + tree.heightPx(p)), new Point(px, hang[child]), new Point(cx, hang[child]),
                    new Point(cx, y[child]));
        } else {
            double py = y[p] + tree.heightPx(p) / 2;
            double cy = y[child] + tree.heightPx(child) / 2;
            pts = List.of(new Point(x[p] + tree.widthPx(p), py), new Point(hang[child], py), new Point(hang[child], cy),
                    new Point(x[child], cy));
        }
        return new EdgeRoute(tree.key(p), tree.key(child), pts);
    }

    /** Parent down to the first row's bus, along it to the trunk, down the trunk to the child's row, along to the child. */
    private EdgeRoute trunkRoute(int p, int child) {
        double first = hang[tree.child(p, 0)];
        double t = trunk[p];
        double h = hang[child];
        List<Point> pts;
        if (options.orientation() == Orientation.TOP_DOWN) {
            double px = x[p] + tree.widthPx(p) / 2;
            double cx = x[child] + tree.widthPx(child) / 2;
            pts = List.of(new Point(px, y[p] + tree.heightPx(p)), new Point(px, first), new Point(t, first), new Point(t, h),
                    new Point(cx, h), new Point(cx, y[child]));
        } else {
            double py = y[p] + tree.heightPx(p) / 2;
            double cy = y[child] + tree.heightPx(child) / 2;
            pts = List.of(new Point(x[p] + tree.widthPx(p), py), new Point(first, py), new Point(first, t), new Point(h, t),
                    new Point(h, cy), new Point(x[child], cy));
        }
        return new EdgeRoute(tree.key(p), tree.key(child), pts);
    }

    /** Every drawn connector, children in breadth-first order. */
    public List<EdgeRoute> edgeRoutes() {
        List<EdgeRoute> routes = new ArrayList<>(Math.max(0, visibleCount - 1));
        for (int k = 1; k < visibleCount; k++) routes.add(edgeRoute(visibleOrder[k]));
        return routes;
    }
}
