package dev.canopy.app.ui.render;

import dev.canopy.diagrams.layout.Layout;

/**
 * The glide of nodes from their places in the previous layout to the new ones, matched by their
 * stable key (the design path); new nodes grow out of their parent's old place. Eases out over
 * {@link TreeCanvas#ANIMATION_MS}. FX thread only.
 */
final class PositionAnimation {
    private double[] fromX;
    private double[] fromY;
    private long start = -1;
    private double k;

    boolean isRunning() {
        return start >= 0;
    }

    /** Ends a glide at once (nodes drawn where they are now). */
    void stop() {
        start = -1;
        fromX = null;
        fromY = null;
    }

    /** Starts gliding from {@code old} to {@code next}, unless nothing moved. */
    void start(Layout old, Layout next, long now) {
        start(old, next, now, 0, 0);
    }

    /**
     * As {@link #start(Layout, Layout, long)}, with the old places shifted by (dx, dy): the
     * camera moved by as much to keep an anchor node still, so nodes glide from where they were on screen.
     */
    void start(Layout old, Layout next, long now, double dx, double dy) {
        int n = next.size();
        double[] fx = new double[n];
        double[] fy = new double[n];
        boolean moved = false;
        int[] order = next.tree().breadthFirstOrder(); // parents before children
        for (int v : order) {
            int o = old.indexOf(next.key(v));
            if (o >= 0 && old.isVisible(o)) {
                fx[v] = old.x(o) + dx;
                fy[v] = old.y(o) + dy;
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
        start = now;
    }

    /**
     * Moves the animation to {@code now}: the displacement to draw this frame with, or null when
     * nothing is animating (any more).
     */
    CanvasRenderer.Displacement frame(long now, Layout layout, LayoutIndex index, CanvasCamera camera) {
        if (start < 0) return null;
        double t = (now - start) / 1e6 / TreeCanvas.ANIMATION_MS;
        if (t >= 1) {
            start = -1;
            fromX = null;
            fromY = null;
            return null;
        }
        double e = 1 - (1 - t) * (1 - t) * (1 - t); // ease-out cubic
        k = 1 - e;
        return (sx, sy, out) -> displace(sx, sy, out, layout, index, camera);
    }

    private void displace(double sx, double sy, double[] out, Layout layout, LayoutIndex index, CanvasCamera camera) {
        int v = index.nodeNear(camera.layoutX(sx), camera.layoutY(sy));
        if (v < 0 || fromX == null) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        double scale = camera.scale();
        out[0] = (fromX[v] - layout.x(v)) * k * scale;
        out[1] = (fromY[v] - layout.y(v)) * k * scale;
    }

    /**
     * How far the anchor node moved between two layouts: the preferred key (the selection) if it
     * was and is shown, else the root. An edit re-centres parents over their children; shifting
     * the camera by this keeps the node the user looks at where it was on screen.
     */
    static double[] anchorShift(Layout old, Layout next, String preferredKey) {
        String key = preferredKey;
        if (key == null || old.indexOf(key) < 0 || next.indexOf(key) < 0
                || !old.isVisible(old.indexOf(key)) || !next.isVisible(next.indexOf(key))) {
            key = next.key(next.tree().root());
            if (old.indexOf(key) < 0) return new double[] {0, 0};
        }
        int o = old.indexOf(key);
        int n = next.indexOf(key);
        return new double[] {next.x(n) - old.x(o), next.y(n) - old.y(o)};
    }
}
