package dev.canopy.diagrams.render;

import java.util.Objects;

import static dev.canopy.diagrams.render.ShapeEquality.hash;
import static dev.canopy.diagrams.render.ShapeEquality.mix;
import static dev.canopy.diagrams.render.ShapeEquality.same;

/**
 * A box with rounded corners: a node body at full detail, or a selection outline. Filled and/or
 * stroked as the token's style says. {@code nodeKey} names the node it draws ("" for none).
 */
public record RoundRect(double x, double y, double w, double h, double arcPx, StyleToken token, String nodeKey)
        implements Shape {

    // equals and hashCode written out, with a record's meaning: see Shape.
    @Override
    public boolean equals(Object other) {
        return other instanceof RoundRect o
                && same(x, y, w, h, o.x, o.y, o.w, o.h)
                && same(arcPx, o.arcPx)
                && Objects.equals(token, o.token)
                && Objects.equals(nodeKey, o.nodeKey);
    }

    @Override
    public int hashCode() {
        return mix(mix(mix(hash(x, y, w, h), arcPx), token), nodeKey);
    }
}
