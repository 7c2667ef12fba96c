package dev.canopy.diagrams.render;

import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.layout.Orientation;

/**
 * Turns a layout and the nodes' live state into the display list of one frame, doing only work
 * proportional to what is on screen:
 * <ul>
 * <li>culling: a subtree whose precomputed bounds miss the viewport is skipped with one test;
 * <li>blocks: a subtree narrower on screen than {@link RenderOptions#blockMaxPx()} (across the
 * sibling axis) becomes one {@link StyleToken#BLOCK} box, and so does a run of neighbouring
 * narrow siblings, so 100k nodes fitted to a window cost about as many shapes as there are
 * pixel columns;
 * <li>level of detail: at {@link RenderOptions#fullDetailMinScale()} and above nodes get rounded
 * boxes, text and badges; below, plain boxes and no text.
 * </ul>
 * Connectors are axis-parallel 1-px lines: one stub below a parent, one bus along its
 * children, one stub above each child. Pure: same input, same list.
 */
public final class DisplayListBuilder {
    private final Layout layout;
    private final NodeVisuals visuals;
    private final RenderOptions options;
    private final FrameSink sink;
    private final boolean topDown;
    private final boolean fullDetail;
    /** The pending run of narrow siblings, in layout pixels; empty when runStart is -1. */
    private int runStart = -1;
    private double runMinX;
    private double runMinY;
    private double runMaxX;
    private double runMaxY;

    private DisplayListBuilder(Layout layout, NodeVisuals visuals, Viewport viewport, RenderOptions options) {
        this.layout = layout;
        this.visuals = visuals;
        this.options = options;
        this.sink = new FrameSink(viewport);
        this.topDown = layout.orientation() == Orientation.TOP_DOWN;
        this.fullDetail = viewport.scale() >= options.fullDetailMinScale();
    }

    public static DisplayList build(Layout layout, NodeVisuals visuals, Viewport viewport) {
        return build(layout, visuals, viewport, RenderOptions.defaults());
    }

    public static DisplayList build(Layout layout, NodeVisuals visuals, Viewport viewport, RenderOptions options) {
        if (visuals.tree().size() != layout.size()) throw new IllegalArgumentException("visuals are for another tree");
        DisplayListBuilder b = new DisplayListBuilder(layout, visuals, viewport, options);
        b.walk();
        return b.sink.toDisplayList();
    }

    /** Depth-first with an explicit stack, children pushed right to left so they come out in order. */
    private void walk() {
        int[] stack = new int[Math.max(1, layout.visibleCount())];
        int[] bigChildren = new int[16];
        int top = 0;
        int root = layout.tree().root();
        if (subtreeOnScreen(root)) {
            if (layout.visibleChildCount(root) > 0 && subtreeBreadthPx(root) < options.blockMaxPx()) {
                block(root, root);
                return;
            }
            stack[top++] = root;
        }
        while (top > 0) {
            int v = stack[--top];
            node(v);
            int count = layout.visibleChildCount(v);
            if (count == 0) continue;
            connectorsBelow(v, count);
            if (bigChildren.length < count) bigChildren = new int[Math.max(count, bigChildren.length * 2)];
            int big = 0;
            for (int k = 0; k < count; k++) {
                int c = layout.tree().child(v, k);
                if (!subtreeOnScreen(c)) {
                    flushRun();
                } else if (subtreeBreadthPx(c) < options.blockMaxPx()) {
                    extendRun(c);
                } else {
                    flushRun();
                    stubAbove(c, v);
                    bigChildren[big++] = c;
                }
            }
            flushRun();
            for (int k = big - 1; k >= 0; k--) stack[top++] = bigChildren[k];
        }
    }

    private boolean subtreeOnScreen(int v) {
        Viewport vp = sink.viewport;
        return layout.subtreeMinX(v) <= vp.maxX() && layout.subtreeMaxX(v) >= vp.x()
                && layout.subtreeMinY(v) <= vp.maxY() && layout.subtreeMaxY(v) >= vp.y();
    }

    private double subtreeBreadthPx(int v) {
        double extent = topDown ? layout.subtreeMaxX(v) - layout.subtreeMinX(v) : layout.subtreeMaxY(v) - layout.subtreeMinY(v);
        return extent * sink.scale;
    }

    private void node(int v) {
        double x = sink.sx(layout.x(v));
        double y = sink.sy(layout.y(v));
        double w = layout.width(v) * sink.scale;
        double h = layout.height(v) * sink.scale;
        if (!sink.onScreen(x, y, w, h)) return;
        NodeVisual visual = visuals.get(v);
        if (fullDetail) {
            NodeShapes.full(sink, options, visual, x, y, w, h, layout.hiddenDescendants(v));
        } else {
            NodeShapes.reduced(sink, visual, x, y, w, h);
        }
    }

    /** The stub from the parent to the bus, and the bus from the first to the last child's centre. */
    private void connectorsBelow(int p, int count) {
        int first = layout.tree().child(p, 0);
        int last = layout.tree().child(p, count - 1);
        double bus = layout.bus(p);
        if (topDown) {
            double px = sink.sx(layout.x(p) + layout.width(p) / 2);
            double by = sink.sy(bus);
            sink.line(px, sink.sy(layout.y(p) + layout.height(p)), px, by);
            sink.line(sink.sx(layout.x(first) + layout.width(first) / 2), by,
                    sink.sx(layout.x(last) + layout.width(last) / 2), by);
        } else {
            double py = sink.sy(layout.y(p) + layout.height(p) / 2);
            double bx = sink.sx(bus);
            sink.line(sink.sx(layout.x(p) + layout.width(p)), py, bx, py);
            sink.line(bx, sink.sy(layout.y(first) + layout.height(first) / 2),
                    bx, sink.sy(layout.y(last) + layout.height(last) / 2));
        }
    }

    private void stubAbove(int c, int p) {
        double bus = layout.bus(p);
        if (topDown) {
            double cx = sink.sx(layout.x(c) + layout.width(c) / 2);
            sink.line(cx, sink.sy(bus), cx, sink.sy(layout.y(c)));
        } else {
            double cy = sink.sy(layout.y(c) + layout.height(c) / 2);
            sink.line(sink.sx(bus), cy, sink.sx(layout.x(c)), cy);
        }
    }

    private void extendRun(int c) {
        if (runStart < 0) {
            runStart = c;
            runMinX = layout.subtreeMinX(c);
            runMinY = layout.subtreeMinY(c);
            runMaxX = layout.subtreeMaxX(c);
            runMaxY = layout.subtreeMaxY(c);
        } else {
            runMinX = Math.min(runMinX, layout.subtreeMinX(c));
            runMinY = Math.min(runMinY, layout.subtreeMinY(c));
            runMaxX = Math.max(runMaxX, layout.subtreeMaxX(c));
            runMaxY = Math.max(runMaxY, layout.subtreeMaxY(c));
        }
        double breadth = (topDown ? runMaxX - runMinX : runMaxY - runMinY) * sink.scale;
        if (breadth >= options.blockMaxPx()) flushRun();
    }

    private void flushRun() {
        if (runStart < 0) return;
        blockRect(runMinX, runMinY, runMaxX, runMaxY, layout.key(runStart));
        runStart = -1;
    }

    private void block(int v, int keyNode) {
        blockRect(layout.subtreeMinX(v), layout.subtreeMinY(v), layout.subtreeMaxX(v), layout.subtreeMaxY(v),
                layout.key(keyNode));
    }

    /** A block at least 1 px across, so that a dense subtree never vanishes. */
    private void blockRect(double minX, double minY, double maxX, double maxY, String key) {
        double x = sink.sx(minX);
        double y = sink.sy(minY);
        double w = Math.max(1, (maxX - minX) * sink.scale);
        double h = Math.max(1, (maxY - minY) * sink.scale);
        if (sink.onScreen(x, y, w, h)) sink.add(LayerName.BLOCKS, new Rect(x, y, w, h, StyleToken.BLOCK, key));
    }
}
