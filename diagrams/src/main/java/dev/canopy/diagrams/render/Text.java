package dev.canopy.diagrams.render;

/**
 * A single line of text at a baseline point. Already shortened to fit its box, so backends
 * never measure; {@code sizePx} already includes the zoom.
 */
public record Text(double x, double y, String text, double sizePx, TextAnchor anchor, StyleToken token)
        implements Shape {

    // equals and hashCode written out, with a record's meaning: see Shape.
    @Override
    public boolean equals(Object other) {
        return other instanceof Text o
                && Double.compare(x, o.x) == 0
                && Double.compare(y, o.y) == 0
                && java.util.Objects.equals(text, o.text)
                && Double.compare(sizePx, o.sizePx) == 0
                && java.util.Objects.equals(anchor, o.anchor)
                && java.util.Objects.equals(token, o.token);
    }

    @Override
    public int hashCode() {
        int hash = Double.hashCode(x);
        hash = 31 * hash + Double.hashCode(y);
        hash = 31 * hash + java.util.Objects.hashCode(text);
        hash = 31 * hash + Double.hashCode(sizePx);
        hash = 31 * hash + java.util.Objects.hashCode(anchor);
        hash = 31 * hash + java.util.Objects.hashCode(token);
        return hash;
    }
}
