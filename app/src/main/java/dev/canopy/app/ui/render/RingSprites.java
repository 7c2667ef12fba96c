package dev.canopy.app.ui.render;

import java.util.HashMap;
import java.util.Map;

import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The rounded rings of exit flashes, rasterised once per colour and size and then stamped. A
 * stroked rounded rectangle goes through the path stroker, which in the software pipeline cost
 * more than the rest of a storm's frame; a flash's ring is the same few sizes thousands of
 * times. FX thread only.
 */
final class RingSprites {
    static final double LINE_PX = 3;
    static final double ARC_PX = 12;
    /** Room around the ring's path for half its stroke and antialiasing. */
    static final int PAD = 3;
    private static final int MAX = 256;
    private static final Map<Key, Image> CACHE = new HashMap<>();

    private record Key(Color colour, int w, int h) {
    }

    private RingSprites() {
    }

    /**
     * Draws a ring whose path is the rectangle (x, y, w, h) rounded to whole pixels, in the
     * context's current global alpha; stroked directly off the FX thread or for huge rings.
     */
    static void draw(GraphicsContext g, Color colour, double x, double y, double w, double h) {
        int iw = (int) Math.round(w);
        int ih = (int) Math.round(h);
        if (!Platform.isFxApplicationThread() || iw > 512 || ih > 512 || iw < 1 || ih < 1) {
            g.setStroke(colour);
            g.setLineWidth(LINE_PX);
            g.strokeRoundRect(x, y, w, h, ARC_PX, ARC_PX);
            return;
        }
        Key key = new Key(colour, iw, ih);
        Image sprite = CACHE.get(key);
        if (sprite == null) {
            if (CACHE.size() >= MAX) CACHE.clear();
            sprite = rasterise(key);
            CACHE.put(key, sprite);
        }
        g.drawImage(sprite, Math.round(x) - PAD, Math.round(y) - PAD);
    }

    private static Image rasterise(Key k) {
        int w = k.w() + 2 * PAD;
        int h = k.h() + 2 * PAD;
        Canvas scratch = new Canvas(w, h);
        GraphicsContext sg = scratch.getGraphicsContext2D();
        sg.setStroke(k.colour());
        sg.setLineWidth(LINE_PX);
        sg.strokeRoundRect(PAD, PAD, k.w(), k.h(), ARC_PX, ARC_PX);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        return scratch.snapshot(params, new WritableImage(w, h));
    }
}
