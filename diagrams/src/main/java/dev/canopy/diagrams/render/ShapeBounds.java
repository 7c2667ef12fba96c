package dev.canopy.diagrams.render;

/**
 * A conservative screen-space box around everything a backend may paint for a {@link Shape}: its
 * geometry, half its stroke, antialiasing and sprite padding ({@link #MARGIN_PX}), and for text an
 * upper bound of its advance (backends never measure, so neither does this). Used to repaint only
 * the part of a canvas that changed: a box too small would leave stale pixels, one too large only
 * repaints a little more.
 */
public final class ShapeBounds {
    /** Room for half a stroke of up to 3 px, antialiasing and a sprite's padding. */
    public static final double MARGIN_PX = 3;
    /** An upper bound of a glyph's advance, in em (wide capitals and bold included). */
    static final double MAX_CHAR_EM = 0.8;

    private ShapeBounds() {
    }

    /** Writes minX, minY, maxX, maxY of the shape's painted pixels into {@code out[0..3]}. */
    public static void of(Shape shape, double[] out) {
        switch (shape) {
            case RoundRect r -> box(r.x(), r.y(), r.w(), r.h(), out);
            case Rect r -> box(r.x(), r.y(), r.w(), r.h(), out);
            case Gauge g -> box(g.x(), g.y(), g.w(), g.h(), out);
            case Line l -> box(Math.min(l.x1(), l.x2()), Math.min(l.y1(), l.y2()), Math.abs(l.x2() - l.x1()),
                    Math.abs(l.y2() - l.y1()), out);
            case Badge b -> {
                double w = Math.max(b.w(), textWidth(b.text(), b.textSizePx()));
                double h = Math.max(b.h(), b.textSizePx() * 1.4);
                box(b.centreX() - w / 2, b.centreY() - h / 2, w, h, out);
            }
            case Text t -> {
                double w = textWidth(t.text(), t.sizePx());
                double x = t.anchor() == TextAnchor.MIDDLE ? t.x() - w / 2 : t.x();
                // from above the tallest ascender to below the deepest descender of a baseline
                box(x, t.y() - t.sizePx() * 1.1, w, t.sizePx() * 1.5, out);
            }
        }
    }

    static double textWidth(String text, double sizePx) {
        return text.length() * sizePx * MAX_CHAR_EM + 2;
    }

    private static void box(double x, double y, double w, double h, double[] out) {
        out[0] = x - MARGIN_PX;
        out[1] = y - MARGIN_PX;
        out[2] = x + w + MARGIN_PX;
        out[3] = y + h + MARGIN_PX;
    }
}
