package dev.canopy.diagrams.render;

import java.util.Objects;

import static dev.canopy.diagrams.render.ShapeEquality.hash;
import static dev.canopy.diagrams.render.ShapeEquality.mix;
import static dev.canopy.diagrams.render.ShapeEquality.same;

/**
 * A horizontal bar showing {@code fraction} (0..1) of its width filled, e.g. how much of a
 * supervisor's restart intensity is used. The track uses {@code trackToken}.
 */
public record Gauge(double x, double y, double w, double h, double fraction, StyleToken trackToken,
        StyleToken token) implements Shape {

    public Gauge {
        if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be 0..1, was " + fraction);
    }

    // equals and hashCode written out, with a record's meaning: see Shape.
    @Override
    public boolean equals(Object other) {
        return other instanceof Gauge o
                && same(x, y, w, h, o.x, o.y, o.w, o.h)
                && same(fraction, o.fraction)
                && Objects.equals(trackToken, o.trackToken)
                && Objects.equals(token, o.token);
    }

    @Override
    public int hashCode() {
        return mix(mix(mix(hash(x, y, w, h), fraction), trackToken), token);
    }
}
