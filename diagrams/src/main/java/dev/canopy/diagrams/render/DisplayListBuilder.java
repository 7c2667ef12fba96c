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
 * <li>wrapped families (a grid of leaves under their parent): only the rows and columns on
 * screen are visited; when a cell is too small on screen for a striped box, neighbouring cells of
 * a row that look the same become one strip, so a fitted grid of 100k sessions is a few hundred
 * shapes and a crashed or restarting one still stands out in its state colour;
 * <li>storms from afar: a block takes the colour of the worst state inside it (down, then
 * restarting), and a collapsed node at full detail shows how many nodes below it are
 * restarting or down.
 * </ul>
 * Connectors are axis-parallel 1-px lines: one stub below a parent, one bus along its
 * children (one per row in a wrapped family, all hanging from a trunk down the middle column
 * gap), one stub above each child. Pure: same input, same list.
 */
public final class DisplayListBuilder {

    /**
     * Whether a node's label is drawn whole at {@code scale}: false when it is shortened with an
     * ellipsis or, below full detail, not drawn at all (the canvas then shows it in a tooltip).
     */
    public static boolean labelShownWhole(RenderOptions options, String label, double boxWidth, double scale) {
        return scale >= options.fullDetailMinScale() && NodeShapes.shownLabel(options, label, boxWidth, scale).equals(label);
    }

    /**
     * A wrapped family whose cells are narrower than this on screen is drawn as strips: boxes that
     * small carry no text, and ten thousand of them cost a frame far more than a hundred strips.
     */
    static final double STRIP_CELLS_BELOW_PX = 16;

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
    private StyleToken runToken = StyleToken.BLOCK;
    /** Restarting and down counts per subtree, computed the first time a frame needs them. */
    private SubtreeStates states;

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

    private SubtreeStates states() {
        if (states == null) states = SubtreeStates.of(layout, visuals);
        return states;
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
            if (layout.wrapColumns(v) > 0) {
                wrappedConnectors(v, count);
                grid(v, count);
                continue;
            }
            if (Double.isNaN(layout.wrapTrunk(v))) connectorsBelow(v, count);
            else trunkConnectors(v, count);
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
            int hidden = layout.hiddenDescendants(v);
            NodeShapes.full(sink, options, visual, x, y, w, h, hidden);
            if (hidden > 0) NodeShapes.hiddenStates(sink, x, y, w, h, states().restarting(v) - ownRestarting(visual),
                    states().down(v) - ownDown(visual));
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

    private static int ownRestarting(NodeVisual v) {
        return v.state() == StyleToken.STATE_RESTARTING || v.state() == StyleToken.STATE_STARTING ? 1 : 0;
    }

    private static int ownDown(NodeVisual v) {
        return v.state() == StyleToken.STATE_EXITED || v.state() == StyleToken.STATE_GAVE_UP ? 1 : 0;
    }

    /** The trunk from the parent down the middle column gap to the last row, and each row's bus. */
    private void wrappedConnectors(int p, int count) {
        int cols = layout.wrapColumns(p);
        int lastRowFirst = (count - 1) / cols * cols;
        double trunk = topDown ? layout.x(p) + layout.width(p) / 2 : layout.y(p) + layout.height(p) / 2;
        double parentEnd = topDown ? layout.y(p) + layout.height(p) : layout.x(p) + layout.width(p);
        axisLine(trunk, parentEnd, trunk, layout.hangBus(layout.tree().child(p, lastRowFirst)));
        for (int first = 0; first < count; first += cols) {
            int a = layout.tree().child(p, first);
            int b = layout.tree().child(p, Math.min(count, first + cols) - 1);
            double bus = layout.hangBus(a);
            axisLine(Math.min(trunk, centreAlong(a)), bus, Math.max(trunk, centreAlong(b)), bus);
        }
    }

    /**
     * A family wrapped into rows of subtrees: the stub from the parent to the first row's bus, the
     * trunk down the left gutter to the last row's bus, and each row's bus from the trunk to its
     * last child (the first row's reaching the parent's stub too).
     */
    private void trunkConnectors(int p, int count) {
        var t = layout.tree();
        double trunk = layout.wrapTrunk(p);
        double parentCentre = centreAlong(p);
        double parentEnd = topDown ? layout.y(p) + layout.height(p) : layout.x(p) + layout.width(p);
        double firstBus = layout.hangBus(t.child(p, 0));
        axisLine(parentCentre, parentEnd, parentCentre, firstBus);
        axisLine(trunk, firstBus, trunk, layout.hangBus(t.child(p, count - 1)));
        double rowBus = firstBus;
        double reach = parentCentre;
        for (int k = 0; k < count; k++) {
            int c = t.child(p, k);
            if (layout.hangBus(c) != rowBus) {
                axisLine(trunk, rowBus, reach, rowBus);
                rowBus = layout.hangBus(c);
                reach = trunk;
            }
            reach = Math.max(reach, centreAlong(c));
        }
        axisLine(trunk, rowBus, reach, rowBus);
    }

    /** A line given along/across the breadth axis (x/y when top-down, y/x when left-to-right). */
    private void axisLine(double along1, double across1, double along2, double across2) {
        if (topDown) sink.line(sink.sx(along1), sink.sy(across1), sink.sx(along2), sink.sy(across2));
        else sink.line(sink.sx(across1), sink.sy(along1), sink.sx(across2), sink.sy(along2));
    }

    private double centreAlong(int v) {
        return topDown ? layout.x(v) + layout.width(v) / 2 : layout.y(v) + layout.height(v) / 2;
    }

    private double along(int v) {
        return topDown ? layout.x(v) : layout.y(v);
    }

    private double across(int v) {
        return topDown ? layout.y(v) : layout.x(v);
    }

    /**
     * The cells of a wrapped family that are on screen: boxes with their stubs, or, when a cell is
     * smaller on screen than a striped box, strips of same-looking neighbours per row.
     */
    private void grid(int p, int count) {
        int cols = layout.wrapColumns(p);
        int rows = (count + cols - 1) / cols;
        var t = layout.tree();
        int c0 = t.child(p, 0);
        double colPitch = centreAlong(t.child(p, 1)) - centreAlong(c0);
        double rowPitch = across(t.child(p, cols)) - across(c0);
        double firstCentre = centreAlong(c0);
        double firstAcross = across(c0);
        Viewport vp = sink.viewport;
        double alongMin = topDown ? vp.x() : vp.y();
        double alongMax = topDown ? vp.maxX() : vp.maxY();
        double acrossMin = topDown ? vp.y() : vp.x();
        double acrossMax = topDown ? vp.maxY() : vp.maxX();
        int colFrom = Math.max(0, (int) Math.floor((alongMin - firstCentre) / colPitch) - 1);
        int colTo = Math.min(cols - 1, (int) Math.ceil((alongMax - firstCentre) / colPitch) + 1);
        int rowFrom = Math.max(0, (int) Math.floor((acrossMin - firstAcross) / rowPitch) - 1);
        int rowTo = Math.min(rows - 1, (int) Math.ceil((acrossMax - firstAcross) / rowPitch) + 1);
        boolean strips = colPitch * sink.scale < STRIP_CELLS_BELOW_PX;
        for (int r = rowFrom; r <= rowTo; r++) {
            for (int col = colFrom; col <= colTo; col++) {
                int j = r * cols + col;
                if (j >= count) break;
                int c = t.child(p, j);
                NodeVisual v = visuals.get(c);
                if (strips && !v.selected()) {
                    extendStrip(c, stripToken(c, v));
                } else {
                    flushRun();
                    node(c);
                    if (!strips) stubAbove(c, p);
                }
            }
            flushRun();
        }
    }

    private StyleToken stripToken(int c, NodeVisual v) {
        if (layout.hiddenDescendants(c) > 0) {
            StyleToken worst = states().blockToken(c);
            if (worst != StyleToken.BLOCK) return worst;
        }
        return v.state() == StyleToken.STATE_RUNNING ? v.kind() : v.state();
    }

    /** A strip of same-looking cells of one row; a cell that looks different starts a new one. */
    private void extendStrip(int c, StyleToken token) {
        if (runStart >= 0 && token != runToken) flushRun();
        if (runStart < 0) {
            runStart = c;
            runToken = token;
            runMinX = layout.x(c);
            runMinY = layout.y(c);
            runMaxX = layout.x(c) + layout.width(c);
            runMaxY = layout.y(c) + layout.height(c);
        } else {
            runMinX = Math.min(runMinX, layout.x(c));
            runMinY = Math.min(runMinY, layout.y(c));
            runMaxX = Math.max(runMaxX, layout.x(c) + layout.width(c));
            runMaxY = Math.max(runMaxY, layout.y(c) + layout.height(c));
        }
    }

    private void stubAbove(int c, int p) {
        double bus = layout.hangBus(c);
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
            runToken = StyleToken.BLOCK;
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
        runToken = worse(runToken, states().blockToken(c));
        double breadth = (topDown ? runMaxX - runMinX : runMaxY - runMinY) * sink.scale;
        if (breadth >= options.blockMaxPx()) flushRun();
    }

    private void flushRun() {
        if (runStart < 0) return;
        blockRect(runMinX, runMinY, runMaxX, runMaxY, layout.key(runStart), runToken);
        runStart = -1;
    }

    private static StyleToken worse(StyleToken a, StyleToken b) {
        if (a == StyleToken.STATE_GAVE_UP || b == StyleToken.STATE_GAVE_UP) return StyleToken.STATE_GAVE_UP;
        if (a == StyleToken.STATE_RESTARTING || b == StyleToken.STATE_RESTARTING) return StyleToken.STATE_RESTARTING;
        return StyleToken.BLOCK;
    }

    private void block(int v, int keyNode) {
        blockRect(layout.subtreeMinX(v), layout.subtreeMinY(v), layout.subtreeMaxX(v), layout.subtreeMaxY(v),
                layout.key(keyNode), states().blockToken(v));
    }

    /** A block at least 1 px across, so that a dense subtree never vanishes. */
    private void blockRect(double minX, double minY, double maxX, double maxY, String key, StyleToken token) {
        double x = sink.sx(minX);
        double y = sink.sy(minY);
        double w = Math.max(1, (maxX - minX) * sink.scale);
        double h = Math.max(1, (maxY - minY) * sink.scale);
        if (sink.onScreen(x, y, w, h)) sink.add(LayerName.BLOCKS, new Rect(x, y, w, h, token, key));
    }
}
