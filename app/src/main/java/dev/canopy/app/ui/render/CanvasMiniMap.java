package dev.canopy.app.ui.render;

import dev.canopy.diagrams.layout.Bounds;
import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.render.DisplayListBuilder;
import dev.canopy.diagrams.render.NodeVisuals;
import dev.canopy.diagrams.render.RenderOptions;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.render.Theme;
import dev.canopy.diagrams.render.Viewport;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * The mini-map of a {@link TreeCanvas}: the whole tree in a corner with the visible part outlined,
 * shown only when the tree is larger than the window; state changes alone repaint it at most four
 * times a second, camera moves at once. FX thread only.
 */
final class CanvasMiniMap {
    static final double W = TreeCanvas.MINIMAP_W;
    static final double H = TreeCanvas.MINIMAP_H;

    private final Canvas canvas = new Canvas(W, H);
    private boolean dirty = true;
    private long drawnAt;
    private boolean enabled = true;
    private double[] lastCam;

    CanvasMiniMap() {
        canvas.setVisible(false);
    }

    Canvas node() {
        return canvas;
    }

    void markDirty() {
        dirty = true;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Places the mini-map in the bottom-right corner of a w × h canvas. */
    void relocate(double w, double h) {
        canvas.relocate(Math.max(0, w - W - 10), Math.max(0, h - H - 10));
    }

    /** The mini-map's view of the whole layout. */
    Viewport viewport(Layout layout) {
        return Viewport.fit(layout.bounds(), W, H, 4);
    }

    private boolean wanted(Layout layout, double scale, double w, double h) {
        if (!enabled || layout == null) return false;
        Bounds b = layout.bounds();
        return b.width() * scale > w * 1.2 || b.height() * scale > h * 1.2;
    }

    void draw(long now, Layout layout, NodeVisuals visuals, CanvasCamera camera, double w, double h, Theme theme,
            RenderOptions renderOptions) {
        boolean want = wanted(layout, camera.scale(), w, h) && w > W * 2 && h > H * 2;
        canvas.setVisible(want);
        if (!want || !dirty) return;
        if (now - drawnAt < 250_000_000L && !cameraMoved(camera, w, h)) return;
        dirty = false;
        drawnAt = now;
        lastCam = new double[] {camera.x(), camera.y(), camera.scale(), w, h};
        Viewport mv = viewport(layout);
        GraphicsContext g = canvas.getGraphicsContext2D();
        CanvasRenderer.draw(g, DisplayListBuilder.build(layout, visuals, mv, renderOptions), theme);
        Viewport v = camera.viewport(w, h);
        g.setStroke(CanvasRenderer.color(theme, StyleToken.SELECTION));
        g.setLineWidth(1.5);
        double rx = (v.x() - mv.x()) * mv.scale();
        double ry = (v.y() - mv.y()) * mv.scale();
        g.strokeRect(rx, ry, (v.maxX() - v.x()) * mv.scale(), (v.maxY() - v.y()) * mv.scale());
        g.setStroke(CanvasRenderer.color(theme, StyleToken.EDGE));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, W - 1, H - 1);
    }

    private boolean cameraMoved(CanvasCamera camera, double w, double h) {
        double[] c = lastCam;
        return c == null || c[0] != camera.x() || c[1] != camera.y() || c[2] != camera.scale() || c[3] != w || c[4] != h;
    }
}
