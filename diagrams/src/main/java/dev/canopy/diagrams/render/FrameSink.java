package dev.canopy.diagrams.render;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The layers of a frame being built, and the viewport transform from layout to screen pixels.
 * One per {@link DisplayListBuilder#build} call.
 */
final class FrameSink {
    final Viewport viewport;
    final double scale;
    private final Map<LayerName, List<Shape>> layers = new EnumMap<>(LayerName.class);

    FrameSink(Viewport viewport) {
        this.viewport = viewport;
        this.scale = viewport.scale();
        for (LayerName n : LayerName.values()) layers.put(n, new ArrayList<>());
    }

    double sx(double layoutX) {
        return (layoutX - viewport.x()) * scale;
    }

    double sy(double layoutY) {
        return (layoutY - viewport.y()) * scale;
    }

    /** True when a screen-space box touches the screen. */
    boolean onScreen(double x, double y, double w, double h) {
        return x <= viewport.widthPx() && y <= viewport.heightPx() && x + w >= 0 && y + h >= 0;
    }

    void add(LayerName layer, Shape shape) {
        layers.get(layer).add(shape);
    }

    /**
     * Adds a screen-space line when it touches the screen. Coordinates snap to pixel centres so
     * that a 1-px stroke covers exactly one pixel row or column in every backend instead of two
     * half-covered ones.
     */
    void line(double ax, double ay, double bx, double by) {
        double x1 = snap(ax);
        double y1 = snap(ay);
        double x2 = snap(bx);
        double y2 = snap(by);
        double minX = Math.min(x1, x2);
        double minY = Math.min(y1, y2);
        if (onScreen(minX, minY, Math.abs(x2 - x1), Math.abs(y2 - y1))) {
            add(LayerName.EDGES, new Line(x1, y1, x2, y2, StyleToken.EDGE));
        }
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }

    DisplayList toDisplayList() {
        List<Layer> result = new ArrayList<>(layers.size());
        for (Map.Entry<LayerName, List<Shape>> e : layers.entrySet()) result.add(new Layer(e.getKey(), e.getValue()));
        return new DisplayList(viewport.widthPx(), viewport.heightPx(), result);
    }
}
