package dev.canopy.diagrams.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Rasterises a display list with java.awt, without a window (headless), e.g. for PNG exports
 * and for checking drawings in tests. Colours, fonts and strokes are resolved once per token
 * and reused for every shape.
 */
public final class PngRenderer {
    static {
        // Exports run on servers and in tests; never try to open a display.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private final Theme theme;
    private final Graphics2D g;
    private final Color[] fill = new Color[StyleToken.values().length];
    private final Color[] stroke = new Color[StyleToken.values().length];
    private final Color[] ink = new Color[StyleToken.values().length];
    private final BasicStroke[] strokes = new BasicStroke[StyleToken.values().length];
    private final Map<Long, Font> fonts = new HashMap<>();
    private final Rectangle2D.Double rect = new Rectangle2D.Double();
    private final RoundRectangle2D.Double roundRect = new RoundRectangle2D.Double();
    private final Line2D.Double line = new Line2D.Double();

    private PngRenderer(Theme theme, Graphics2D g) {
        this.theme = theme;
        this.g = g;
        for (StyleToken t : StyleToken.values()) {
            TokenStyle s = theme.style(t);
            fill[t.ordinal()] = s.fill().map(PngRenderer::color).orElse(null);
            stroke[t.ordinal()] = s.stroke().map(PngRenderer::color).orElse(null);
            ink[t.ordinal()] = s.ink().map(PngRenderer::color).orElse(null);
            strokes[t.ordinal()] = new BasicStroke((float) Math.max(s.strokeWidthPx(), 1));
        }
    }

    /** The list drawn into a new RGB image of its size (at least 1 × 1). */
    public static BufferedImage rasterize(DisplayList list, Theme theme) {
        int w = Math.max(1, (int) Math.ceil(list.widthPx()));
        int h = Math.max(1, (int) Math.ceil(list.heightPx()));
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        drawInto(list, theme, image);
        return image;
    }

    /**
     * Draws the list into an existing image, background first; what falls outside is clipped.
     * Reusing one image saves allocating a frame buffer per frame.
     */
    public static void drawInto(DisplayList list, Theme theme, BufferedImage image) {
        draw(list, theme, image, true);
    }

    /**
     * Draws the list's shapes over what the image already shows, without the background: for
     * a layer drawn over a cached frame, or a page of a large drawing composed in pieces.
     */
    public static void drawOver(DisplayList list, Theme theme, BufferedImage image) {
        draw(list, theme, image, false);
    }

    private static void draw(DisplayList list, Theme theme, BufferedImage image, boolean background) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            PngRenderer r = new PngRenderer(theme, g);
            if (background) r.background(image.getWidth(), image.getHeight());
            r.shapes(list);
        } finally {
            g.dispose();
        }
    }

    /** The list as PNG file bytes. */
    public static byte[] png(DisplayList list, Theme theme) {
        return encode(rasterize(list, theme));
    }

    public static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) throw new IllegalStateException("no PNG writer available");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void background(int w, int h) {
        g.setColor(fill[StyleToken.BACKGROUND.ordinal()]);
        g.fillRect(0, 0, w, h);
    }

    private void shapes(DisplayList list) {
        for (Layer layer : list.layers()) {
            for (Shape shape : layer.shapes()) shape(shape);
        }
    }

    private void shape(Shape shape) {
        switch (shape) {
            case RoundRect r -> roundRect(r);
            case Rect r -> {
                rect.setRect(r.x(), r.y(), r.w(), r.h());
                paint(r.token(), rect);
            }
            case Line l -> {
                line.setLine(l.x1(), l.y1(), l.x2(), l.y2());
                g.setColor(stroke[l.token().ordinal()]);
                g.setStroke(strokes[l.token().ordinal()]);
                g.draw(line);
            }
            case Text t -> text(t.text(), t.x(), t.y(), t.sizePx(), t.anchor(), ink[t.token().ordinal()],
                    theme.style(t.token()).bold());
            case Badge b -> {
                roundRect.setRoundRect(b.centreX() - b.w() / 2, b.centreY() - b.h() / 2, b.w(), b.h(), b.h(), b.h());
                g.setColor(fill[b.token().ordinal()]);
                g.fill(roundRect);
                text(b.text(), b.centreX(), b.centreY() + b.textSizePx() * 0.35, b.textSizePx(), TextAnchor.MIDDLE,
                        ink[b.token().ordinal()], true);
            }
            case Gauge gauge -> {
                rect.setRect(gauge.x(), gauge.y(), gauge.w(), gauge.h());
                g.setColor(fill[gauge.trackToken().ordinal()]);
                g.fill(rect);
                rect.setRect(gauge.x(), gauge.y(), gauge.w() * gauge.fraction(), gauge.h());
                g.setColor(fill[gauge.token().ordinal()]);
                g.fill(rect);
            }
        }
    }

    /**
     * Rounded boxes come from a sprite cache: antialiased round rects are the dearest shape
     * to rasterise, and a frame has thousands of identical ones (same token, size and zoom).
     * Sprites are placed on whole pixels, which moves a box by at most half a pixel.
     */
    private void roundRect(RoundRect r) {
        if (r.w() > SpriteCache.MAX_SPRITE_PX || r.h() > SpriteCache.MAX_SPRITE_PX) {
            roundRect.setRoundRect(r.x(), r.y(), r.w(), r.h(), 2 * r.arcPx(), 2 * r.arcPx());
            paint(r.token(), roundRect);
            return;
        }
        TokenStyle style = theme.style(r.token());
        SpriteCache.Sprite sprite = SpriteCache.roundRect(style, r.w(), r.h(), r.arcPx());
        g.drawImage(sprite.image(), (int) Math.round(r.x()) - sprite.pad(), (int) Math.round(r.y()) - sprite.pad(), null);
    }

    private void paint(StyleToken token, java.awt.Shape s) {
        Color f = fill[token.ordinal()];
        if (f != null) {
            g.setColor(f);
            g.fill(s);
        }
        Color st = stroke[token.ordinal()];
        if (st != null) {
            g.setColor(st);
            g.setStroke(strokes[token.ordinal()]);
            g.draw(s);
        }
    }

    private void text(String text, double x, double y, double sizePx, TextAnchor anchor, Color color, boolean bold) {
        if (text.isEmpty()) return;
        Font font = font(sizePx, bold);
        g.setFont(font);
        g.setColor(color);
        float drawX = (float) x;
        if (anchor == TextAnchor.MIDDLE) drawX -= (float) (g.getFontMetrics(font).getStringBounds(text, g).getWidth() / 2);
        g.drawString(text, drawX, (float) y);
    }

    /** Fonts by size (to 1/100 px) and weight: deriving a font is far dearer than a lookup. */
    private Font font(double sizePx, boolean bold) {
        long key = Math.round(sizePx * 100) * 2 + (bold ? 1 : 0);
        return fonts.computeIfAbsent(key, k -> new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1)
                .deriveFont((float) sizePx));
    }

    private static Color color(Rgb c) {
        return new Color(c.toInt());
    }
}
