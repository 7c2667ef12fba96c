package dev.canopy.diagrams.render;

import java.util.Objects;

import static dev.canopy.diagrams.render.ShapeEquality.mix;
import static dev.canopy.diagrams.render.ShapeEquality.same;

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
                && same(x, o.x)
                && same(y, o.y)
                && Objects.equals(text, o.text)
                && same(sizePx, o.sizePx)
                && Objects.equals(anchor, o.anchor)
                && Objects.equals(token, o.token);
    }

    @Override
    public int hashCode() {
        return mix(mix(mix(mix(mix(Double.hashCode(x), y), text), sizePx), anchor), token);
    }
}
