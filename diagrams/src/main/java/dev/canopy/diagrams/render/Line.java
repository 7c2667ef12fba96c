package dev.canopy.diagrams.render;

import java.util.Objects;

import static dev.canopy.diagrams.render.ShapeEquality.hash;
import static dev.canopy.diagrams.render.ShapeEquality.mix;
import static dev.canopy.diagrams.render.ShapeEquality.same;

/** A straight stroke; connectors are axis-parallel, so they stay crisp at 1 px. */
public record Line(double x1, double y1, double x2, double y2, StyleToken token) implements Shape {

    // equals and hashCode written out, with a record's meaning: see Shape.
    @Override
    public boolean equals(Object other) {
        return other instanceof Line o
                && same(x1, y1, x2, y2, o.x1, o.y1, o.x2, o.y2)
                && Objects.equals(token, o.token);
    }

    @Override
    public int hashCode() {
        return mix(hash(x1, y1, x2, y2), token);
    }
}
