package dev.canopy.diagrams.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pre-rasterised rounded boxes for {@link PngRenderer}, shared across frames and threads.
 * Keyed by colours and by size quantised to a quarter pixel, so a zoom level reuses a handful
 * of sprites for thousands of nodes; bounded by dropping everything when full (zooming through
 * many levels creates new keys that old frames will not need again).
 */
final class SpriteCache {
    static final double MAX_SPRITE_PX = 512;
    private static final int MAX_SPRITES = 2048;
    private static final ConcurrentHashMap<Key, Sprite> SPRITES = new ConcurrentHashMap<>();

    private SpriteCache() {
    }

    /** An image and how far the box sits inside it (room for the stroke's outer half). */
    record Sprite(BufferedImage image, int pad) {
    }

    private record Key(Optional<Rgb> fill, Optional<Rgb> stroke, double strokeWidthPx, int quarterW, int quarterH,
            int quarterArc) {
    }

    static Sprite roundRect(TokenStyle style, double w, double h, double arcPx) {
        Key key = new Key(style.fill(), style.stroke(), style.strokeWidthPx(), quarter(w), quarter(h), quarter(arcPx));
        Sprite sprite = SPRITES.get(key);
        if (sprite != null) return sprite;
        if (SPRITES.size() >= MAX_SPRITES) SPRITES.clear();
        return SPRITES.computeIfAbsent(key, SpriteCache::draw);
    }

    private static int quarter(double v) {
        return (int) Math.round(v * 4);
    }

    private static Sprite draw(Key k) {
        double w = k.quarterW() / 4.0;
        double h = k.quarterH() / 4.0;
        double arc = k.quarterArc() / 4.0;
        int pad = (int) Math.ceil(k.strokeWidthPx() / 2) + 1;
        BufferedImage image = new BufferedImage((int) Math.ceil(w) + 2 * pad + 1, (int) Math.ceil(h) + 2 * pad + 1,
                BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            RoundRectangle2D.Double shape = new RoundRectangle2D.Double(pad, pad, w, h, 2 * arc, 2 * arc);
            k.fill().ifPresent(c -> {
                g.setColor(new Color(c.toInt()));
                g.fill(shape);
            });
            k.stroke().ifPresent(c -> {
                g.setColor(new Color(c.toInt()));
                g.setStroke(new BasicStroke((float) Math.max(k.strokeWidthPx(), 1)));
                g.draw(shape);
            });
        } finally {
            g.dispose();
        }
        return new Sprite(image, pad);
    }
}
