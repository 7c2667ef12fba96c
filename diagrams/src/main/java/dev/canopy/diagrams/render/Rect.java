package dev.canopy.diagrams.render;

import java.util.Objects;

import static dev.canopy.diagrams.render.ShapeEquality.hash;
import static dev.canopy.diagrams.render.ShapeEquality.mix;
import static dev.canopy.diagrams.render.ShapeEquality.same;

/**
 * A plain box: a node body at low detail, a state stripe, or a {@link StyleToken#BLOCK} standing
 * for a dense subtree. {@code nodeKey} names the node (or the block's first subtree root) it
 * stands for, "" for none; a hit test can zoom to it.
 */
public record Rect(double x, double y, double w, double h, StyleToken token, String nodeKey) implements Shape {

    // equals and hashCode written out, with a record's meaning: see Shape.
    @Override
    public boolean equals(Object other) {
        return other instanceof Rect o
                && same(x, y, w, h, o.x, o.y, o.w, o.h)
                && Objects.equals(token, o.token)
                && Objects.equals(nodeKey, o.nodeKey);
    }

    @Override
    public int hashCode() {
        return mix(mix(hash(x, y, w, h), token), nodeKey);
    }
}
