package dev.canopy.app.ui.render;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.canopy.diagrams.layout.Bounds;
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
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

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
 * the {@link FramePump}. When the structure changes, nodes glide from their old places to the
 * new ones over {@link #ANIMATION_MS}, matched by their stable key (the design path), so a
 * restarted process (new pid, same path) stays in place and only changes colour.
 */
public final class TreeCanvas extends Region {
    public static final double ANIMATION_MS = 200;
    static final double FLASH_MS = 1200;
    static final int MAX_FLASHES = 48;
    public static final double MIN_SCALE = 0.002;
    public static final double MAX_SCALE = 4;
    static final double MINIMAP_W = 180;
    static final double MINIMAP_H = 120;

    private final Canvas canvas = new Canvas();
    private final Canvas miniMap = new Canvas(MINIMAP_W, MINIMAP_H);
    private final FramePump.Task frameTask = this::frame;
    private final ObjectProperty<String> selectedKey = new SimpleObjectProperty<>(this, "selectedKey");

    private Theme theme = Theme.light();
    private LayoutOptions layoutOptions = LayoutOptions.defaults();
    private RenderOptions renderOptions = RenderOptions.defaults();

    private Layout layout;
    private NodeVisuals visuals;
    private LayoutIndex index;
    private final Set<Integer> queued = new HashSet<>();
    private final Set<Integer> gaveUp = new HashSet<>();

    private double camX;
    private double camY;
    private double scale = 1;
    private boolean fitPending = true;
    private boolean dirty = true;
    private boolean miniMapDirty = true;
    private long miniMapDrawnAt;
    private boolean miniMapEnabled = true;

    // animation of positions between two layouts
    private double[] fromX;
    private double[] fromY;
    private long animationStart = -1;
    private double animationK;

    private final ArrayDeque<Flash> flashes = new ArrayDeque<>();

    private double pressX;
    private double pressY;
    private boolean panning;
    private long lastDrawNanos;
    private Consumer<NodeMenuRequest> onNodeMenu = r -> { };

    private record Flash(String key, String text, StyleToken token, long startNanos) {
    }

    /** A right-click on a node: its key and the screen point to open a menu at. */
    public record NodeMenuRequest(String key, double screenX, double screenY) {
    }

    public TreeCanvas() {
        getStyleClass().add("tree-canvas");
        getChildren().addAll(canvas, miniMap);
        miniMap.setVisible(false);
        setMinSize(0, 0);
        setPrefSize(800, 600);
        setFocusTraversable(true);
        wireInput();
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
        Layout old = layout;
        Layout next = TreeLayout.layout(tree, layoutOptions);
        NodeVisuals nv = new NodeVisuals(tree);
        layout = next;
        visuals = nv;
        index = new LayoutIndex(next);
        queued.clear();
        gaveUp.clear();
        for (NodeVisual v : nodeVisuals) put(v);
        if (old != null && !fitPending) startAnimation(old, next);
        miniMapDirty = true;
        dirty = true;
    }

    /** Restyles nodes (state, badges, sublabel) without moving anything; unknown keys are ignored. */
    public void restyle(Collection<NodeVisual> changed) {
        if (visuals == null) return;
        for (NodeVisual v : changed) {
            if (layout.indexOf(v.key()) >= 0) put(v);
        }
        if (!changed.isEmpty()) {
            dirty = true;
            miniMapDirty = true;
        }
    }

    private void put(NodeVisual v) {
        boolean sel = v.key().equals(selectedKey.get());
        if (v.selected() != sel) v = v.withSelected(sel);
        visuals.put(v);
        int i = layout.indexOf(v.key());
        if (v.mailboxDepth() > 0) queued.add(i); else queued.remove(i);
        if (v.state() == StyleToken.STATE_GAVE_UP) gaveUp.add(i); else gaveUp.remove(i);
    }

    private void setSelected(String key, boolean selected) {
        if (key == null || visuals == null || layout.indexOf(key) < 0) return;
        visuals.put(visuals.get(key).withSelected(selected));
        dirty = true;
    }

    /** A short-lived highlight with a label over a node, e.g. an exit and its reason. */
    public void flash(String key, String text, StyleToken token) {
        if (layout == null || layout.indexOf(key) < 0) return;
        flashes.removeIf(f -> f.key.equals(key));
        flashes.addLast(new Flash(key, text, token, now()));
        while (flashes.size() > MAX_FLASHES) flashes.removeFirst();
        dirty = true;
    }

    public void setTheme(Theme t) {
        theme = t;
        dirty = true;
        miniMapDirty = true;
    }

    public Theme theme() {
        return theme;
    }

    public void setLayoutOptions(LayoutOptions options) {
        layoutOptions = options;
    }

    public void setRenderOptions(RenderOptions options) {
        renderOptions = options;
        dirty = true;
    }

    public void setMiniMapEnabled(boolean enabled) {
        miniMapEnabled = enabled;
        dirty = true;
    }

    public void setOnNodeMenu(Consumer<NodeMenuRequest> handler) {
        onNodeMenu = handler == null ? r -> { } : handler;
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
        return new Viewport(camX, camY, Math.max(0, getWidth()), Math.max(0, getHeight()), scale);
    }

    public double scale() {
        return scale;
    }

    /** Fits the whole tree into the canvas (never enlarging beyond 100 %). */
    public void fit() {
        if (layout == null || getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            return;
        }
        Viewport v = Viewport.fit(layout.bounds(), getWidth(), getHeight(), 16);
        camX = v.x();
        camY = v.y();
        scale = Math.max(MIN_SCALE, v.scale());
        fitPending = false;
        viewChanged();
    }

    /** Fits one node's subtree into the canvas (never enlarging beyond 100 %); the whole tree if unknown. */
    public void fitTo(String key) {
        if (layout == null || layout.indexOf(key) < 0 || getWidth() <= 0 || getHeight() <= 0) {
            fit();
            return;
        }
        Viewport v = Viewport.fit(layout.subtreeBounds(layout.indexOf(key)), getWidth(), getHeight(), 16);
        camX = v.x();
        camY = v.y();
        scale = Math.max(MIN_SCALE, v.scale());
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
        camX = lx - getWidth() / 2 / scale;
        camY = ly - getHeight() / 2 / scale;
        viewChanged();
    }

    /** Zooms by a factor, keeping the layout point under the screen point (sx, sy) in place. */
    public void zoomAt(double factor, double sx, double sy) {
        double next = Math.clamp(scale * factor, MIN_SCALE, MAX_SCALE);
        double lx = camX + sx / scale;
        double ly = camY + sy / scale;
        scale = next;
        camX = lx - sx / scale;
        camY = ly - sy / scale;
        viewChanged();
    }

    public void panBy(double dxScreen, double dyScreen) {
        camX -= dxScreen / scale;
        camY -= dyScreen / scale;
        viewChanged();
    }

    private void viewChanged() {
        dirty = true;
        miniMapDirty = true;
    }

    /** The key of the node drawn at a point of this canvas (local coordinates), if any. */
    public Optional<String> hitTest(double x, double y) {
        if (layout == null) return Optional.empty();
        int v = index.nodeAt(camX + x / scale, camY + y / scale);
        return v < 0 ? Optional.empty() : Optional.of(layout.key(v));
    }

    /** Where a node's box is on this canvas (local coordinates). */
    public Optional<javafx.geometry.Rectangle2D> screenRect(String key) {
        if (layout == null || layout.indexOf(key) < 0) return Optional.empty();
        var r = layout.rect(key);
        return Optional.of(new javafx.geometry.Rectangle2D((r.x() - camX) * scale, (r.y() - camY) * scale,
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
            dirty = true;
            miniMapDirty = true;
        }
        miniMap.relocate(Math.max(0, w - MINIMAP_W - 10), Math.max(0, h - MINIMAP_H - 10));
        if (fitPending && layout != null && w > 0 && h > 0) fit();
    }

    public boolean isDirty() {
        return dirty;
    }

    public void markDirty() {
        dirty = true;
    }

    private void frame(long now) {
        renderIfDirty();
    }

    /** Draws a frame when something changed (or an animation or flash is running); true if it drew. */
    public boolean renderIfDirty() {
        if (animationStart >= 0 || !flashes.isEmpty()) dirty = true;
        if (!dirty) return false;
        long t0 = System.nanoTime();
        render();
        lastDrawNanos = System.nanoTime() - t0;
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
            return;
        }
        if (fitPending) fit();
        long now = now();
        CanvasRenderer.Displacement displacement = null;
        if (animationStart >= 0) {
            double t = (now - animationStart) / 1e6 / ANIMATION_MS;
            if (t >= 1) {
                animationStart = -1;
                fromX = null;
                fromY = null;
            } else {
                double e = 1 - (1 - t) * (1 - t) * (1 - t); // ease-out cubic
                animationK = 1 - e;
                displacement = this::displace;
            }
        }
        DisplayList list = DisplayListBuilder.build(layout, visuals, viewport(), renderOptions);
        CanvasRenderer.draw(g, list, theme, displacement);
        if (displacement == null) overlays(g, now);
        drawMiniMap(now);
    }

    private void displace(double sx, double sy, double[] out) {
        int v = index.nodeNear(camX + sx / scale, camY + sy / scale);
        if (v < 0 || fromX == null) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        out[0] = (fromX[v] - layout.x(v)) * animationK * scale;
        out[1] = (fromY[v] - layout.y(v)) * animationK * scale;
    }

    private void startAnimation(Layout old, Layout next) {
        int n = next.size();
        double[] fx = new double[n];
        double[] fy = new double[n];
        boolean moved = false;
        int[] order = next.tree().breadthFirstOrder(); // parents before children
        for (int v : order) {
            int o = old.indexOf(next.key(v));
            if (o >= 0 && old.isVisible(o)) {
                fx[v] = old.x(o);
                fy[v] = old.y(o);
            } else {
                int p = next.tree().parent(v);
                fx[v] = p >= 0 ? fx[p] : next.x(v);
                fy[v] = p >= 0 ? fy[p] : next.y(v);
            }
            if (fx[v] != next.x(v) || fy[v] != next.y(v)) moved = true;
        }
        if (!moved) return;
        fromX = fx;
        fromY = fy;
        animationStart = now();
    }

    public boolean isAnimating() {
        return animationStart >= 0;
    }

    /** Exit flashes, mailbox queues and escalation outlines, over the display list. */
    private void overlays(GraphicsContext g, long now) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        boolean detail = scale >= renderOptions.fullDetailMinScale();
        Color red = CanvasRenderer.color(theme, StyleToken.STATE_GAVE_UP);
        // escalation: a red outline on every supervisor that gave up, and on its link to its parent
        if (!gaveUp.isEmpty()) {
            g.setStroke(red);
            g.setLineWidth(Math.max(2, 3 * Math.min(1, scale)));
            for (int v : gaveUp) {
                if (!layout.isVisible(v)) continue;
                double x = (layout.x(v) - camX) * scale;
                double y = (layout.y(v) - camY) * scale;
                double bw = Math.max(2, layout.width(v) * scale);
                double bh = Math.max(2, layout.height(v) * scale);
                if (x > w || y > h || x + bw < 0 || y + bh < 0) continue;
                g.strokeRoundRect(x - 3, y - 3, bw + 6, bh + 6, 10, 10);
                if (layout.tree().parent(v) >= 0) {
                    var route = layout.edgeRoute(v).points();
                    g.beginPath();
                    for (int k = route.size() - 1; k >= 0; k--) {
                        double px = (route.get(k).x() - camX) * scale;
                        double py = (route.get(k).y() - camY) * scale;
                        if (k == route.size() - 1) g.moveTo(px, py); else g.lineTo(px, py);
                    }
                    g.stroke();
                }
            }
        }
        // mailboxes as queues: a row of cells under the node, one per doubling of the depth
        if (detail && !queued.isEmpty()) {
            Color q = CanvasRenderer.color(theme, StyleToken.MAILBOX);
            g.setFill(q);
            for (int v : queued) {
                if (!layout.isVisible(v)) continue;
                int depth = visuals.get(v).mailboxDepth();
                double x = (layout.x(v) - camX) * scale;
                double y = (layout.y(v) + layout.height(v) - camY) * scale;
                if (x > w || y > h || x + layout.width(v) * scale < 0 || y + 12 < 0) continue;
                int cells = Math.min(10, 1 + (int) Math.floor(Math.log(depth) / Math.log(2)));
                double cw = 5 * scale;
                for (int c = 0; c < cells; c++) g.fillRect(x + 6 * scale + c * (cw + 2 * scale), y + 3 * scale, cw, 4 * scale);
            }
        }
        // flashes: a fading outline and the reason above the node
        if (!flashes.isEmpty()) {
            Iterator<Flash> it = flashes.iterator();
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            while (it.hasNext()) {
                Flash f = it.next();
                double age = (now - f.startNanos) / 1e6;
                if (age >= FLASH_MS) {
                    it.remove();
                    continue;
                }
                int v = layout.indexOf(f.key);
                if (v < 0 || !layout.isVisible(v)) continue;
                double alpha = 1 - age / FLASH_MS;
                double x = (layout.x(v) - camX) * scale;
                double y = (layout.y(v) - camY) * scale;
                double bw = Math.max(3, layout.width(v) * scale);
                double bh = Math.max(3, layout.height(v) * scale);
                if (x > w || y > h || x + bw < 0 || y + bh < 0) continue;
                Color c = CanvasRenderer.color(theme, f.token);
                g.setGlobalAlpha(alpha);
                g.setStroke(c);
                g.setLineWidth(3);
                g.strokeRoundRect(x - 4, y - 4, bw + 8, bh + 8, 12, 12);
                if (scale >= 0.25 && !f.text.isEmpty()) {
                    var font = CanvasRenderer.font(11, true);
                    double tw = f.text.length() * 6.6 + 10;
                    g.setFill(c);
                    g.fillRoundRect(x + bw / 2 - tw / 2, y - 24, tw, 18, 9, 9);
                    g.setFill(Color.WHITE);
                    g.setFont(font);
                    g.fillText(f.text, x + bw / 2, y - 9);
                }
                g.setGlobalAlpha(1);
            }
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BASELINE);
        }
    }

    private boolean miniMapWanted() {
        if (!miniMapEnabled || layout == null) return false;
        Bounds b = layout.bounds();
        return b.width() * scale > getWidth() * 1.2 || b.height() * scale > getHeight() * 1.2;
    }

    private void drawMiniMap(long now) {
        boolean want = miniMapWanted() && getWidth() > MINIMAP_W * 2 && getHeight() > MINIMAP_H * 2;
        miniMap.setVisible(want);
        if (!want || !miniMapDirty) return;
        // state changes alone repaint it at most 4 times a second; camera moves at once
        if (now - miniMapDrawnAt < 250_000_000L && !cameraMovedSinceMiniMap()) return;
        miniMapDirty = false;
        miniMapDrawnAt = now;
        lastMiniCam = new double[] {camX, camY, scale, getWidth(), getHeight()};
        Viewport mv = miniViewport();
        GraphicsContext g = miniMap.getGraphicsContext2D();
        CanvasRenderer.draw(g, DisplayListBuilder.build(layout, visuals, mv, renderOptions), theme);
        Viewport v = viewport();
        g.setStroke(CanvasRenderer.color(theme, StyleToken.SELECTION));
        g.setLineWidth(1.5);
        double rx = (v.x() - mv.x()) * mv.scale();
        double ry = (v.y() - mv.y()) * mv.scale();
        g.strokeRect(rx, ry, (v.maxX() - v.x()) * mv.scale(), (v.maxY() - v.y()) * mv.scale());
        g.setStroke(CanvasRenderer.color(theme, StyleToken.EDGE));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, MINIMAP_W - 1, MINIMAP_H - 1);
    }

    private double[] lastMiniCam;

    private boolean cameraMovedSinceMiniMap() {
        double[] c = lastMiniCam;
        return c == null || c[0] != camX || c[1] != camY || c[2] != scale || c[3] != getWidth() || c[4] != getHeight();
    }

    private Viewport miniViewport() {
        return Viewport.fit(layout.bounds(), MINIMAP_W, MINIMAP_H, 4);
    }

    // ---- input

    private void wireInput() {
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() == 0) return;
            zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
            e.consume();
        });
        canvas.setOnMousePressed(e -> {
            requestFocus();
            pressX = e.getX();
            pressY = e.getY();
            panning = e.getButton() == MouseButton.MIDDLE
                    || (e.getButton() == MouseButton.PRIMARY && hitTest(e.getX(), e.getY()).isEmpty());
        });
        canvas.setOnMouseDragged(e -> {
            if (!panning) return;
            panBy(e.getX() - pressX, e.getY() - pressY);
            pressX = e.getX();
            pressY = e.getY();
        });
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) return;
            Optional<String> hit = hitTest(e.getX(), e.getY());
            if (hit.isPresent()) {
                selectedKey.set(hit.get());
                if (e.getClickCount() == 2) centreOn(hit.get());
            } else if (e.getClickCount() == 1) {
                selectedKey.set(null);
            }
        });
        canvas.setOnContextMenuRequested(e -> hitTest(e.getX(), e.getY()).ifPresent(k -> {
            selectedKey.set(k);
            onNodeMenu.accept(new NodeMenuRequest(k, e.getScreenX(), e.getScreenY()));
            e.consume();
        }));
        miniMap.addEventHandler(MouseEvent.MOUSE_PRESSED, this::jumpFromMiniMap);
        miniMap.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::jumpFromMiniMap);
        setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case F -> fit();
                case PLUS, EQUALS, ADD -> zoomAt(1.25, getWidth() / 2, getHeight() / 2);
                case MINUS, SUBTRACT -> zoomAt(0.8, getWidth() / 2, getHeight() / 2);
                default -> { }
            }
        });
    }

    private void jumpFromMiniMap(MouseEvent e) {
        if (layout == null) return;
        Viewport mv = miniViewport();
        centreAt(mv.x() + e.getX() / mv.scale(), mv.y() + e.getY() / mv.scale());
        e.consume();
    }

    private static long now() {
        return System.nanoTime();
    }
}
