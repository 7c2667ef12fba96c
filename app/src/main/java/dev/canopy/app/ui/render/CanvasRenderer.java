package dev.canopy.app.ui.render;

import java.util.HashMap;
import java.util.Map;

import dev.canopy.diagrams.render.Badge;
import dev.canopy.diagrams.render.DisplayList;
import dev.canopy.diagrams.render.FrameDamage;
import dev.canopy.diagrams.render.Gauge;
import dev.canopy.diagrams.render.Layer;
import dev.canopy.diagrams.render.Line;
import dev.canopy.diagrams.render.Rect;
import dev.canopy.diagrams.render.Rgb;
import dev.canopy.diagrams.render.RoundRect;
import dev.canopy.diagrams.render.Shape;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.render.Text;
import dev.canopy.diagrams.render.TextAnchor;
import dev.canopy.diagrams.render.Theme;
import dev.canopy.diagrams.render.TokenStyle;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The JavaFX Canvas backend of the one drawing path: display list in, canvas commands out. One
 * switch over the sealed {@link Shape} records, colours from the same {@link Theme} the SVG and
 * PNG exports use, so the screen matches an export. What to draw at which detail was decided by
 * the display list builder; this only paints.
 *
 * <p>Cost control: state (fill, stroke, font) is set only when it changes, runs of connectors
 * become one path stroked once, and rounded node boxes are stamped from cached sprites (one per
 * token, size and zoom; a frame has thousands of identical ones). FX thread only.
 */
public final class CanvasRenderer {
    /** Boxes larger than this are drawn as paths rather than sprites. */
    static final double MAX_SPRITE_PX = 256;
    private static final int MAX_SPRITES = 1024;
    private static final int TOKENS = StyleToken.values().length;

    /** Per-theme resolved paints; the last one is kept (themes change rarely). */
    private static Palette palette;
    private static final Map<Long, Font> FONTS = new HashMap<>();
    private static final Map<SpriteKey, Image> SPRITES = new HashMap<>();
    private static boolean spritesEnabled = !Boolean.getBoolean("canopy.canvas.noSprites");

    private final GraphicsContext g;
    private final Palette p;
    private final Displacement displacement;
    private final double[] shift = new double[2];
    // the state last set on g
    private Color fill;
    private Color stroke;
    private double lineWidth = -1;
    private Font font;
    private TextAlignment align;

    private CanvasRenderer(GraphicsContext g, Palette p, Displacement displacement) {
        this.g = g;
        this.p = p;
        this.displacement = displacement;
    }

    /**
     * Moves shapes while nodes animate between two layouts: for a point of a shape, how far to
     * shift it (screen px, written to {@code out[0..1]}).
     */
    @FunctionalInterface
    public interface Displacement {
        void at(double x, double y, double[] out);
    }

    /** Clears to the theme's background and draws the list. */
    public static void draw(GraphicsContext g, DisplayList list, Theme theme) {
        draw(g, list, theme, null);
    }

    /** As {@link #draw(GraphicsContext, DisplayList, Theme)}, shapes shifted by a displacement (null: none). */
    public static void draw(GraphicsContext g, DisplayList list, Theme theme, Displacement displacement) {
        CanvasRenderer r = new CanvasRenderer(g, palette(theme), displacement);
        g.save();
        try {
            g.setImageSmoothing(false);
            g.setTextBaseline(VPos.BASELINE);
            r.background(list.widthPx(), list.heightPx());
            r.shapes(list);
        } finally {
            g.restore();
        }
    }

    /** Draws the list over what the canvas shows (no background). */
    public static void drawOver(GraphicsContext g, DisplayList list, Theme theme) {
        CanvasRenderer r = new CanvasRenderer(g, palette(theme), null);
        g.save();
        try {
            g.setImageSmoothing(false);
            g.setTextBaseline(VPos.BASELINE);
            r.shapes(list);
        } finally {
            g.restore();
        }
    }

    /**
     * Repaints one damaged area of a frame drawn before: clipped to the area, its background and
     * then {@code shapes} (those of the frame's display list that touch it, in paint order), so
     * that its pixels end up exactly as a whole redraw of the list would leave them.
     */
    public static void drawArea(GraphicsContext g, java.util.List<Shape> shapes, FrameDamage.Area area, Theme theme) {
        CanvasRenderer r = new CanvasRenderer(g, palette(theme), null);
        g.save();
        try {
            clipTo(g, area);
            g.setImageSmoothing(false);
            g.setTextBaseline(VPos.BASELINE);
            r.setFill(r.p.fill[StyleToken.BACKGROUND.ordinal()]);
            g.fillRect(area.x(), area.y(), area.w(), area.h());
            r.shapes(shapes);
        } finally {
            g.restore();
        }
    }

    /** Clips to an axis-aligned rectangle (the canvas keeps a rectangular clip cheap). */
    static void clipTo(GraphicsContext g, FrameDamage.Area area) {
        g.beginPath();
        g.rect(area.x(), area.y(), area.w(), area.h());
        g.clip();
        g.beginPath();
    }

    /** The JavaFX colour of a token's primary colour (fill, else ink, else stroke). */
    public static Color color(Theme theme, StyleToken token) {
        return fx(theme.style(token).primary());
    }

    public static Color fx(Rgb c) {
        return Color.rgb(c.r(), c.g(), c.b());
    }

    /** For benchmarks: draw rounded boxes as paths instead of sprites. */
    public static void setSpritesEnabled(boolean enabled) {
        spritesEnabled = enabled;
    }

    private void background(double w, double h) {
        setFill(p.fill[StyleToken.BACKGROUND.ordinal()]);
        g.fillRect(0, 0, w, h);
    }

    private void shapes(DisplayList list) {
        for (Layer layer : list.layers()) shapes(layer.shapes());
    }

    private void shapes(java.util.List<Shape> shapes) {
        int n = shapes.size();
        int i = 0;
        while (i < n) {
            Shape s = shapes.get(i);
            if (s instanceof Line) {
                i = lines(shapes, i, n);
            } else {
                shape(s);
                i++;
            }
        }
    }

    /**
     * A run of lines of one token. Connectors are axis-parallel 1-px lines on pixel centres, so
     * each is filled as a 1-px-wide rectangle covering exactly its pixels: no stroker, no
     * antialiased path (the dearest part of a connector in the software pipeline). Other lines
     * become one path stroked once. Returns the index after the run.
     */
    private int lines(java.util.List<Shape> shapes, int from, int n) {
        StyleToken token = shapes.get(from).token();
        Color c = p.stroke[token.ordinal()];
        double width = Math.max(1, p.width[token.ordinal()]);
        boolean crisp = width == 1;
        int i = from;
        boolean pathOpen = false;
        if (c != null) setFill(c);
        while (i < n && shapes.get(i) instanceof Line l && l.token() == token) {
            double x1 = l.x1(), y1 = l.y1(), x2 = l.x2(), y2 = l.y2();
            if (displacement != null) {
                displacement.at(x1, y1, shift);
                x1 += shift[0];
                y1 += shift[1];
                displacement.at(x2, y2, shift);
                x2 += shift[0];
                y2 += shift[1];
            }
            i++;
            if (c == null) continue;
            if (crisp && displacement == null && (x1 == x2 || y1 == y2)) {
                // from pixel centre to pixel centre: cover the pixels from the first to the last
                double minX = Math.min(x1, x2) - 0.5;
                double minY = Math.min(y1, y2) - 0.5;
                g.fillRect(minX, minY, Math.abs(x2 - x1) + 1, Math.abs(y2 - y1) + 1);
            } else {
                if (!pathOpen) {
                    g.beginPath();
                    pathOpen = true;
                }
                g.moveTo(x1, y1);
                g.lineTo(x2, y2);
            }
        }
        if (pathOpen) {
            setStroke(c);
            setLineWidth(width);
            g.stroke();
        }
        return i;
    }

    private void shape(Shape shape) {
        switch (shape) {
            case RoundRect r -> {
                double x = r.x(), y = r.y();
                if (displacement != null) {
                    displacement.at(x + r.w() / 2, y + r.h() / 2, shift);
                    x += shift[0];
                    y += shift[1];
                }
                roundRect(r.token(), x, y, r.w(), r.h(), r.arcPx());
            }
            case Rect r -> {
                double x = r.x(), y = r.y();
                if (displacement != null) {
                    displacement.at(x + r.w() / 2, y + r.h() / 2, shift);
                    x += shift[0];
                    y += shift[1];
                }
                rect(r.token().ordinal(), x, y, r.w(), r.h());
            }
            case Text t -> {
                if (t.text().isEmpty()) return;
                double x = t.x(), y = t.y();
                if (displacement != null) {
                    displacement.at(x, y, shift);
                    x += shift[0];
                    y += shift[1];
                }
                int k = t.token().ordinal();
                text(t.text(), x, y, t.sizePx(), t.anchor(), p.ink[k], p.bold[k]);
            }
            case Badge b -> {
                double cx = b.centreX(), cy = b.centreY();
                if (displacement != null) {
                    displacement.at(cx, cy, shift);
                    cx += shift[0];
                    cy += shift[1];
                }
                int k = b.token().ordinal();
                setFill(p.fill[k]);
                g.fillRoundRect(cx - b.w() / 2, cy - b.h() / 2, b.w(), b.h(), b.h(), b.h());
                text(b.text(), cx, cy + b.textSizePx() * 0.35, b.textSizePx(), TextAnchor.MIDDLE, p.ink[k], true);
            }
            case Line l -> lines(java.util.List.of(l), 0, 1);
            case Gauge gauge -> {
                double x = gauge.x(), y = gauge.y();
                if (displacement != null) {
                    displacement.at(x + gauge.w() / 2, y, shift);
                    x += shift[0];
                    y += shift[1];
                }
                setFill(p.fill[gauge.trackToken().ordinal()]);
                g.fillRect(x, y, gauge.w(), gauge.h());
                setFill(p.fill[gauge.token().ordinal()]);
                g.fillRect(x, y, gauge.w() * gauge.fraction(), gauge.h());
            }
        }
    }

    /**
     * A plain box, its outline (centred on the edge, as a stroke would be) drawn as four filled
     * edges: axis-aligned fills are the cheapest thing to rasterise, a stroked rectangle goes
     * through the path stroker. A box no larger than its outline is one fill in the outline's
     * colour, which is what the stroke would have covered.
     */
    private void rect(int t, double x, double y, double w, double h) {
        Color f = p.fill[t];
        Color st = p.stroke[t];
        if (st == null) {
            if (f != null) {
                setFill(f);
                g.fillRect(x, y, w, h);
            }
            return;
        }
        double sw = Math.max(1, p.width[t]);
        double half = sw / 2;
        if (w <= 2 * sw || h <= 2 * sw) {
            setFill(st);
            g.fillRect(x - half, y - half, w + sw, h + sw);
            return;
        }
        if (f != null) {
            setFill(f);
            g.fillRect(x, y, w, h);
        }
        setFill(st);
        g.fillRect(x - half, y - half, w + sw, sw);
        g.fillRect(x - half, y + h - half, w + sw, sw);
        g.fillRect(x - half, y + half, sw, h - sw);
        g.fillRect(x + w - half, y + half, sw, h - sw);
    }

    private void roundRect(StyleToken token, double x, double y, double w, double h, double arc) {
        int t = token.ordinal();
        if (spritesEnabled && w <= MAX_SPRITE_PX && h <= MAX_SPRITE_PX && w >= 4 && h >= 4) {
            SpriteKey key = new SpriteKey(p, t, (int) Math.round(w), (int) Math.round(h), (int) Math.round(arc * 4));
            Image sprite = SPRITES.get(key);
            if (sprite == null) sprite = sprite(key);
            if (sprite != null) {
                int pad = pad(p.width[t]);
                g.drawImage(sprite, Math.round(x) - pad, Math.round(y) - pad);
                return;
            }
        }
        if (p.fill[t] != null) {
            setFill(p.fill[t]);
            g.fillRoundRect(x, y, w, h, 2 * arc, 2 * arc);
        }
        if (p.stroke[t] != null) {
            setStroke(p.stroke[t]);
            setLineWidth(p.width[t]);
            g.strokeRoundRect(x, y, w, h, 2 * arc, 2 * arc);
        }
    }

    private static int pad(double strokeWidth) {
        return (int) Math.ceil(strokeWidth / 2) + 1;
    }

    /** Rasterises a rounded box once, through a scratch canvas snapshot; null off the FX thread. */
    private static Image sprite(SpriteKey k) {
        if (!javafx.application.Platform.isFxApplicationThread()) return null;
        if (SPRITES.size() >= MAX_SPRITES) SPRITES.clear();
        Palette p = k.palette();
        int t = k.token();
        int pad = pad(p.width[t]);
        int w = k.w() + 2 * pad + 1;
        int h = k.h() + 2 * pad + 1;
        Canvas scratch = new Canvas(w, h);
        GraphicsContext sg = scratch.getGraphicsContext2D();
        double arc = k.quarterArc() / 4.0;
        if (p.fill[t] != null) {
            sg.setFill(p.fill[t]);
            sg.fillRoundRect(pad, pad, k.w(), k.h(), 2 * arc, 2 * arc);
        }
        if (p.stroke[t] != null) {
            sg.setStroke(p.stroke[t]);
            sg.setLineWidth(p.width[t]);
            sg.strokeRoundRect(pad, pad, k.w(), k.h(), 2 * arc, 2 * arc);
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        WritableImage image = scratch.snapshot(params, new WritableImage(w, h));
        SPRITES.put(k, image);
        return image;
    }

    private void text(String text, double x, double y, double size, TextAnchor anchor, Color ink, boolean bold) {
        if (text.isEmpty() || ink == null) return;
        setFill(ink);
        setFont(font(size, bold));
        TextAlignment a = anchor == TextAnchor.MIDDLE ? TextAlignment.CENTER : TextAlignment.LEFT;
        if (a != align) {
            g.setTextAlign(a);
            align = a;
        }
        g.fillText(text, x, y);
    }

    /** Fonts by size (to 1/8 px) and weight. */
    static Font font(double size, boolean bold) {
        long key = Math.round(size * 8) * 2 + (bold ? 1 : 0);
        Font f = FONTS.get(key);
        if (f == null) {
            f = Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, Math.round(size * 8) / 8.0);
            if (FONTS.size() > 256) FONTS.clear();
            FONTS.put(key, f);
        }
        return f;
    }

    private void setFill(Color c) {
        if (c != fill) {
            g.setFill(c);
            fill = c;
        }
    }

    private void setStroke(Color c) {
        if (c != stroke) {
            g.setStroke(c);
            stroke = c;
        }
    }

    private void setLineWidth(double w) {
        if (w != lineWidth) {
            g.setLineWidth(w);
            lineWidth = w;
        }
    }

    private void setFont(Font f) {
        if (f != font) {
            g.setFont(f);
            font = f;
        }
    }

    private static Palette palette(Theme theme) {
        Palette p = palette;
        if (p == null || p.theme != theme) {
            p = new Palette(theme);
            palette = p;
        }
        return p;
    }

    private record SpriteKey(Palette palette, int token, int w, int h, int quarterArc) {
    }

    /** A theme's styles as JavaFX paints, indexed by token ordinal. */
    static final class Palette {
        final Theme theme;
        final Color[] fill = new Color[TOKENS];
        final Color[] stroke = new Color[TOKENS];
        final Color[] ink = new Color[TOKENS];
        final double[] width = new double[TOKENS];
        final boolean[] bold = new boolean[TOKENS];

        Palette(Theme theme) {
            this.theme = theme;
            for (StyleToken t : StyleToken.values()) {
                TokenStyle s = theme.style(t);
                int i = t.ordinal();
                fill[i] = s.fill().map(CanvasRenderer::fx).orElse(null);
                stroke[i] = s.stroke().map(CanvasRenderer::fx).orElse(null);
                ink[i] = s.ink().map(CanvasRenderer::fx).orElse(null);
                width[i] = Math.max(1, s.strokeWidthPx());
                bold[i] = s.bold();
            }
        }
    }
}
