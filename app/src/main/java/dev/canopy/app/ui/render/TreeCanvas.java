package dev.canopy.app.ui.render;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.layout.LayoutOptions;
import dev.canopy.diagrams.layout.LayoutTree;
import dev.canopy.diagrams.layout.TreeLayout;
import dev.canopy.diagrams.render.DisplayList;
import dev.canopy.diagrams.render.DisplayListBuilder;
import dev.canopy.diagrams.render.NodeVisual;
import dev.canopy.diagrams.render.NodeVisuals;
import dev.canopy.diagrams.render.RenderOptions;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.render.Theme;
import dev.canopy.diagrams.render.Viewport;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A resizable canvas showing a tree through the one drawing path (layout → display list →
 * {@link CanvasRenderer}), with zoom around the cursor (wheel), pan (drag on the background),
 * fit, centre on a node, hit testing, a mini-map for trees larger than the window, and live
 * overlays: exit flashes with their reason, mailbox queues, and red escalation outlines for
 * supervisors that gave up.
 *
 * <p>Work is proportional to change: the layout is recomputed only when the structure changes
 * ({@link #setTree}), a status change only restyles nodes ({@link #restyle}), and nothing is
 * drawn unless something marked the canvas dirty; the dirty flag is checked once per pulse by
 * the {@link FramePump}. A frame after a restyle, a selection or a flash repaints only the tiles
 * where its display list differs from the one on the canvas, and where overlays start, fade a
 * step or end ({@link FrameDamage}); a camera move, a new layout or a new look redraws it whole. When the structure changes, nodes glide from their old places to the
 * new ones over {@link #ANIMATION_MS}, matched by their stable key (the design path), so a
 * restarted process (new pid, same path) stays in place and only changes colour.
 *
 * <p>Helpers: {@link CanvasCamera}, {@link PositionAnimation}, {@link CanvasOverlays},
 * {@link CanvasMiniMap}, {@link TreeCanvasInput}. FX thread only.
 */
public final class TreeCanvas extends Region {
    public static final double ANIMATION_MS = 200;
    static final double FLASH_MS = 1200;
    static final int MAX_FLASHES = 48;
    /** Low enough that Fit shows any tree the layout can make (a million-pixel drawing in 10 px). */
    public static final double MIN_SCALE = 0.00001;
    public static final double MAX_SCALE = 4;
    static final double MINIMAP_W = 180;
    static final double MINIMAP_H = 120;

    private final Canvas canvas = new Canvas();
    private final dev.canopy.app.ui.time.Ticker ticker;
    private final CanvasMiniMap miniMap = new CanvasMiniMap();
    private final CanvasCamera camera = new CanvasCamera();
    private final PositionAnimation animation = new PositionAnimation();
    private final CanvasOverlays overlays = new CanvasOverlays();
    private final TreeCanvasInput input = new TreeCanvasInput(this);
    private final FramePump.Task frameTask = FramePump.Task.named("tree-canvas", now -> renderIfDirty());
    private final ObjectProperty<String> selectedKey = new SimpleObjectProperty<>(this, "selectedKey");
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
    private final CollapsedSubtrees collapsed = new CollapsedSubtrees();
    private LayoutTree tree;
    private Collection<NodeVisual> lastVisuals = List.of();

    private Theme theme = Theme.light();
    private LayoutOptions layoutOptions = LayoutOptions.defaults();
    private RenderOptions renderOptions = RenderOptions.defaults();

    private Layout layout;
    private NodeVisuals visuals;
    private LayoutIndex index;

    private boolean fitPending = true;
    /** Something changed: the next pulse draws. */
    private boolean dirty = true;
    /** The camera, layout or look changed: the next frame is drawn whole. */
    private boolean fullRedraw = true;
    private final FramePainter painter = new FramePainter();
    /** Bands the benchmark divides the canvas into (see {@link #repainted()}). */
    public static final int BANDS = FrameCounters.BANDS;
    private long lastDrawNanos;

    /** A right-click on a node: its key and the screen point to open a menu at. */
    public record NodeMenuRequest(String key, double screenX, double screenY) {
    }

    public TreeCanvas() {
        this(dev.canopy.app.ui.time.Ticker.system());
    }

    /** A canvas whose animations and flashes run on this ticker's time (tests step it by hand). */
    TreeCanvas(dev.canopy.app.ui.time.Ticker ticker) {
        this.ticker = ticker;
        getStyleClass().add("tree-canvas");
        // No background of its own: the canvas covers the region with the theme's background,
        // and Prism would fill a region's background under it at every frame that changes it.
        getChildren().addAll(canvas, miniMap.node());
        setMinSize(0, 0);
        setPrefSize(800, 600);
        setFocusTraversable(true);
        input.wire(canvas, miniMap.node());
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                FramePump.get().add(frameTask);
            } else {
                FramePump.get().remove(frameTask);
            }
        });
        selectedKey.addListener((o, was, now) -> {
            setSelected(was, false);
            setSelected(now, true);
        });
    }

    // ---- content

    /**
     * Shows a tree with these visuals, laying it out anew. Nodes that were shown before glide
     * from their old positions; new ones grow out of their parent's old position.
     */
    public void setTree(LayoutTree tree, Collection<NodeVisual> nodeVisuals) {
        setTree(tree, nodeVisuals, null);
    }

    /**
     * As {@link #setTree(LayoutTree, Collection)} with the tree's layout already made (off the FX
     * thread, for a big file) under the default options; it is used when nothing is collapsed
     * and the options are the defaults, otherwise the tree is laid out here as usual.
     */
    public void setTree(LayoutTree tree, Collection<NodeVisual> nodeVisuals, Layout laidOut) {
        this.tree = tree;
        this.lastVisuals = nodeVisuals;
        Layout old = layout;
        Layout next = laidOut != null && collapsed.isEmpty() && layoutOptions.equals(LayoutOptions.defaults())
                ? laidOut
                : TreeLayout.layout(collapsed.applyTo(tree), layoutOptions);
        NodeVisuals nv = new NodeVisuals(tree);
        layout = next;
        visuals = nv;
        index = new LayoutIndex(next);
        overlays.clearNodes();
        for (NodeVisual v : nodeVisuals) put(v);
        if (old != null && !fitPending) {
            // an edit or paste re-centres parents over their children: keep the node the user is
            // looking at (the selection, else the root) where it was on screen, so the tree does not drift
            double[] shift = PositionAnimation.anchorShift(old, next, selectedKey.get());
            camera.panBy(-shift[0] * camera.scale(), -shift[1] * camera.scale());
            animation.start(old, next, now(), shift[0], shift[1]);
        }
        miniMap.markDirty();
        redrawAll();
    }

    /** Collapses a node's subtree (its descendants hidden, their counts and states shown on it) or expands it again. */
    public void toggleCollapsed(String key) {
        if (tree == null || tree.indexOf(key) < 0 || tree.childCount(tree.indexOf(key)) == 0) return;
        double sx = camera.screenX(layout.rect(key).centreX());
        double sy = camera.screenY(layout.rect(key).centreY());
        collapsed.toggle(key);
        relayoutKeepingVisuals();
        // keep the toggled node under the pointer: the rest of the tree moves, it does not
        var r = layout.rect(key);
        camera.centreAt(r.centreX() - (sx - getWidth() / 2) / camera.scale(), r.centreY() - (sy - getHeight() / 2) / camera.scale(),
                getWidth(), getHeight());
        animation.stop();
        viewChanged();
    }

    public boolean isCollapsed(String key) {
        return collapsed.contains(key);
    }

    /** Expands every collapsed ancestor of a node so that it is drawn; true if anything changed. */
    public boolean expandTo(String key) {
        if (tree == null || tree.indexOf(key) < 0) return false;
        boolean changed = collapsed.expandAncestors(tree, key);
        if (changed) relayoutKeepingVisuals();
        return changed;
    }

    /** Expands everything the user collapsed. */
    public void expandAll() {
        if (collapsed.clear()) relayoutKeepingVisuals();
    }

    private void relayoutKeepingVisuals() {
        java.util.List<NodeVisual> current = new java.util.ArrayList<>(tree.size());
        for (int i = 0; i < tree.size(); i++) current.add(visuals.get(i));
        setTree(tree, current);
    }

    /**
     * Find's answer: shows a node wherever it is (collapsed ancestors expanded), selects it,
     * centres on it at a zoom where it can be read, and flashes it.
     */
    public void reveal(String key) {
        if (tree == null || tree.indexOf(key) < 0) return;
        expandTo(key);
        selectedKey.set(key);
        if (camera.scale() < renderOptions.fullDetailMinScale()) {
            camera.zoomAt(1.0 / camera.scale(), 0, 0);
        }
        centreOn(key);
        flash(key, "found", StyleToken.STATE_STARTING);
        requestFocus(); // so that C, F, + and - act on what was found
    }

    /** Restyles nodes (state, badges, sublabel) without moving anything; unknown keys are ignored. */
    public void restyle(Collection<NodeVisual> changed) {
        if (visuals == null) return;
        for (NodeVisual v : changed) {
            if (layout.indexOf(v.key()) >= 0) put(v);
        }
        if (!changed.isEmpty()) {
            dirty = true;
            miniMap.markDirty();
        }
    }

    private void put(NodeVisual v) {
        boolean sel = v.key().equals(selectedKey.get());
        if (v.selected() != sel) v = v.withSelected(sel);
        visuals.put(v);
        overlays.track(layout.indexOf(v.key()), v);
    }

    private void setSelected(String key, boolean selected) {
        if (key == null || visuals == null || layout.indexOf(key) < 0) return;
        visuals.put(visuals.get(key).withSelected(selected));
        dirty = true;
    }

    /** A short-lived highlight with a label over a node, e.g. an exit and its reason. */
    public void flash(String key, String text, StyleToken token) {
        if (layout == null || layout.indexOf(key) < 0) return;
        overlays.flash(key, text, token, now());
        dirty = true;
    }

    public void setTheme(Theme t) {
        theme = t;
        redrawAll();
        miniMap.markDirty();
    }

    public Theme theme() {
        return theme;
    }

    public void setLayoutOptions(LayoutOptions options) {
        layoutOptions = options;
    }

    public void setRenderOptions(RenderOptions options) {
        renderOptions = options;
        redrawAll();
    }

    public void setMiniMapEnabled(boolean enabled) {
        miniMap.setEnabled(enabled);
        redrawAll();
    }

    public void setOnNodeMenu(Consumer<NodeMenuRequest> handler) {
        input.setOnNodeMenu(handler);
    }

    public ObjectProperty<String> selectedKeyProperty() {
        return selectedKey;
    }

    public Optional<Layout> treeLayout() {
        return Optional.ofNullable(layout);
    }

    public Optional<NodeVisual> visual(String key) {
        if (visuals == null || layout.indexOf(key) < 0) return Optional.empty();
        return Optional.of(visuals.get(key));
    }

    // ---- camera

    public Viewport viewport() {
        return camera.viewport(getWidth(), getHeight());
    }

    public double scale() {
        return camera.scale();
    }

    /** Fits the whole tree into the canvas (never enlarging beyond 100 %). */
    public void fit() {
        if (layout == null || getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            return;
        }
        camera.fit(layout.bounds(), getWidth(), getHeight());
        fitPending = false;
        viewChanged();
    }

    /** Fits one node's subtree into the canvas (never enlarging beyond 100 %); the whole tree if unknown. */
    public void fitTo(String key) {
        if (layout == null || layout.indexOf(key) < 0 || getWidth() <= 0 || getHeight() <= 0) {
            fit();
            return;
        }
        camera.fit(layout.subtreeBounds(layout.indexOf(key)), getWidth(), getHeight());
        viewChanged();
    }

    /** Centres the view on a node, keeping the zoom. */
    public void centreOn(String key) {
        if (layout == null || layout.indexOf(key) < 0) return;
        var r = layout.rect(key);
        centreAt(r.centreX(), r.centreY());
    }

    /** Centres the view on a layout point. */
    public void centreAt(double lx, double ly) {
        camera.centreAt(lx, ly, getWidth(), getHeight());
        viewChanged();
    }

    /** Zooms by a factor, keeping the layout point under the screen point (sx, sy) in place. */
    public void zoomAt(double factor, double sx, double sy) {
        camera.zoomAt(factor, sx, sy);
        viewChanged();
    }

    public void panBy(double dxScreen, double dyScreen) {
        camera.panBy(dxScreen, dyScreen);
        viewChanged();
    }

    /** The camera's zoom (1 = 100 %), following wheel, keys, fit and reveal. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /** Zooms to a scale around the centre of the canvas. */
    public void zoomTo(double newScale) {
        zoomAt(newScale / camera.scale(), getWidth() / 2, getHeight() / 2);
    }

    private void viewChanged() {
        scale.set(camera.scale());
        redrawAll();
        miniMap.markDirty();
    }

    /** Centres on the layout point under a mini-map point; false when there is no tree. */
    boolean jumpFromMiniMap(double mx, double my) {
        if (layout == null) return false;
        Viewport mv = miniMap.viewport(layout);
        centreAt(mv.x() + mx / mv.scale(), mv.y() + my / mv.scale());
        return true;
    }

    /** The key of the node drawn at a point of this canvas (local coordinates), if any. */
    public Optional<String> hitTest(double x, double y) {
        if (layout == null) return Optional.empty();
        int v = index.nodeAt(camera.layoutX(x), camera.layoutY(y));
        return v < 0 ? Optional.empty() : Optional.of(layout.key(v));
    }

    /**
     * What the tooltip over a node says: its full label (and sublabel) when the label is not
     * drawn whole at the current zoom (shortened with an ellipsis, or no text at all); empty when
     * the box already shows it.
     */
    public Optional<String> hoverText(String key) {
        if (layout == null || visuals == null || layout.indexOf(key) < 0) return Optional.empty();
        NodeVisual v = visuals.get(key);
        if (v.label().isEmpty()
                || DisplayListBuilder.labelShownWhole(renderOptions, v.label(), layout.rect(key).w(), camera.scale())) {
            return Optional.empty();
        }
        return Optional.of(v.sublabel().isEmpty() ? v.label() : v.label() + "\n" + v.sublabel());
    }

    /** The tooltip shown over the hovered node, if any (package-private: for tests). */
    Optional<String> shownTooltip() {
        return input.tooltipText();
    }

    /** Where a node's box is on this canvas (local coordinates). */
    public Optional<javafx.geometry.Rectangle2D> screenRect(String key) {
        if (layout == null || layout.indexOf(key) < 0) return Optional.empty();
        var r = layout.rect(key);
        double scale = camera.scale();
        return Optional.of(new javafx.geometry.Rectangle2D(camera.screenX(r.x()), camera.screenY(r.y()),
                r.w() * scale, r.h() * scale));
    }

    // ---- frames

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redrawAll();
            miniMap.markDirty();
        }
        miniMap.relocate(w, h);
        if (fitPending && layout != null && w > 0 && h > 0) fit();
    }

    public boolean isDirty() {
        return dirty;
    }

    /** Redraws the whole canvas on the next pulse. */
    public void markDirty() {
        redrawAll();
    }

    /** The next frame repaints everything (the camera, the layout or the look changed), not only what changed. */
    private void redrawAll() {
        dirty = true;
        fullRedraw = true;
    }

    /** Frames drawn whole and frames that repainted only their damaged areas (for tests and benchmarks). */
    public long fullFrames() {
        return painter.counters().fullFrames();
    }

    public long partialFrames() {
        return painter.counters().partialFrames();
    }

    /** Over all partial frames: tiles, areas, shapes and bands (of {@link #BANDS}) repainted (for benchmarks). */
    public long[] repainted() {
        return painter.counters().repainted();
    }

    /** Draws a frame when something changed (or an animation or flash is running); true if it drew. */
    public boolean renderIfDirty() {
        if (animation.isRunning() || overlays.hasFlashes()) dirty = true;
        if (!dirty) return false;
        long t0 = now();
        render();
        lastDrawNanos = now() - t0;
        return true;
    }

    /** ns the last frame took to build and draw. */
    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    /** Builds this frame's display list (exposed for tests and benchmarks). */
    public Optional<DisplayList> displayList() {
        if (layout == null || getWidth() <= 0 || getHeight() <= 0) return Optional.empty();
        return Optional.of(DisplayListBuilder.build(layout, visuals, viewport(), renderOptions));
    }

    private void render() {
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) return;
        if (layout == null) {
            g.setFill(CanvasRenderer.color(theme, StyleToken.BACKGROUND));
            g.fillRect(0, 0, w, h);
            painter.forgetShown();
            return;
        }
        if (fitPending) fit();
        long now = now();
        overlays.expire(now);
        CanvasRenderer.Displacement displacement = animation.frame(now, layout, index, camera);
        DisplayList list = DisplayListBuilder.build(layout, visuals, viewport(), renderOptions);
        boolean detail = camera.scale() >= renderOptions.fullDetailMinScale();
        painter.paint(g, w, h, now, list, displacement, fullRedraw, overlays, layout, visuals, camera, theme, detail);
        fullRedraw = false;
        miniMap.draw(now, layout, visuals, camera, getWidth(), getHeight(), theme, renderOptions);
    }

    public boolean isAnimating() {
        return animation.isRunning();
    }

    private long now() {
        return ticker.nanos();
    }
}
