package dev.canopy.diagrams.render;

import dev.canopy.diagrams.layout.Bounds;

/**
 * The part of a layout on screen: layout point (x, y) is at the screen's top-left, one layout
 * pixel is {@code scale} screen pixels, and the screen is widthPx × heightPx.
 */
public record Viewport(double x, double y, double widthPx, double heightPx, double scale) {

    public Viewport {
        if (!(scale > 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("scale must be > 0, was " + scale);
        if (!(widthPx >= 0) || !(heightPx >= 0)) throw new IllegalArgumentException("screen size must be >= 0");
    }

    /** The whole drawing at zoom 1 with a margin: what an export shows. */
    public static Viewport whole(Bounds b, double marginPx) {
        return new Viewport(b.minX() - marginPx, b.minY() - marginPx, Math.ceil(b.width() + 2 * marginPx),
                Math.ceil(b.height() + 2 * marginPx), 1);
    }

    /** The whole drawing scaled to fit a screen of the given size, centred, with a margin. */
    public static Viewport fit(Bounds b, double widthPx, double heightPx, double marginPx) {
        double scale = Math.min((widthPx - 2 * marginPx) / Math.max(b.width(), 1e-9),
                (heightPx - 2 * marginPx) / Math.max(b.height(), 1e-9));
        scale = Math.min(scale, 1);
        double x = b.minX() + b.width() / 2 - widthPx / 2 / scale;
        double y = b.minY() + b.height() / 2 - heightPx / 2 / scale;
        return new Viewport(x, y, widthPx, heightPx, scale);
    }

    /** Layout x of the screen's right edge. */
    public double maxX() {
        return x + widthPx / scale;
    }

    public double maxY() {
        return y + heightPx / scale;
    }
}
