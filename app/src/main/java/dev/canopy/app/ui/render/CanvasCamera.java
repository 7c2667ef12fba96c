package dev.canopy.app.ui.render;

import dev.canopy.diagrams.layout.Bounds;
import dev.canopy.diagrams.render.Viewport;

/**
 * The camera of a {@link TreeCanvas}: the layout point at the top-left corner and the scale,
 * with the zoom, pan, fit and centre math and the screen ↔ layout conversions. FX thread only.
 */
final class CanvasCamera {
    private double x;
    private double y;
    private double scale = 1;

    double x() {
        return x;
    }

    double y() {
        return y;
    }

    double scale() {
        return scale;
    }

    Viewport viewport(double width, double height) {
        return new Viewport(x, y, Math.max(0, width), Math.max(0, height), scale);
    }

    /** Fits these layout bounds into a screen of width × height (never enlarging beyond 100 %), however large they are. */
    void fit(Bounds bounds, double width, double height) {
        Viewport v = Viewport.fit(bounds, width, height, 16);
        x = v.x();
        y = v.y();
        scale = Math.max(TreeCanvas.MIN_SCALE, v.scale());
    }

    /** Centres a screen of width × height on a layout point, keeping the zoom. */
    void centreAt(double lx, double ly, double width, double height) {
        x = lx - width / 2 / scale;
        y = ly - height / 2 / scale;
    }

    /** Zooms by a factor, keeping the layout point under the screen point (sx, sy) in place. */
    void zoomAt(double factor, double sx, double sy) {
        double next = Math.clamp(scale * factor, TreeCanvas.MIN_SCALE, TreeCanvas.MAX_SCALE);
        double lx = x + sx / scale;
        double ly = y + sy / scale;
        scale = next;
        x = lx - sx / scale;
        y = ly - sy / scale;
    }

    void panBy(double dxScreen, double dyScreen) {
        x -= dxScreen / scale;
        y -= dyScreen / scale;
    }

    double layoutX(double sx) {
        return x + sx / scale;
    }

    double layoutY(double sy) {
        return y + sy / scale;
    }

    double screenX(double lx) {
        return (lx - x) * scale;
    }

    double screenY(double ly) {
        return (ly - y) * scale;
    }
}
