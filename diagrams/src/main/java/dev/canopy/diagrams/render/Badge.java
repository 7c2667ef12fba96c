package dev.canopy.diagrams.render;

import java.util.Objects;

import static dev.canopy.diagrams.render.ShapeEquality.hash;
import static dev.canopy.diagrams.render.ShapeEquality.mix;
import static dev.canopy.diagrams.render.ShapeEquality.same;

/**
 * A pill with a short centred text (a count), on a node's corner or edge. Filled with the
 * token's fill, text in its ink.
 */
public record Badge(double centreX, double centreY, double w, double h, String text, double textSizePx,
        StyleToken token) implements Shape {

    // equals and hashCode written out, with a record's meaning: see Shape.
    @Override
    public boolean equals(Object other) {
        return other instanceof Badge o
                && same(centreX, centreY, w, h, o.centreX, o.centreY, o.w, o.h)
                && Objects.equals(text, o.text)
                && same(textSizePx, o.textSizePx)
                && Objects.equals(token, o.token);
    }

    @Override
    public int hashCode() {
        return mix(mix(mix(hash(centreX, centreY, w, h), text), textSizePx), token);
    }
}
