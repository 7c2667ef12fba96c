package dev.canopy.diagrams.render;

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
                && Double.compare(x, o.x) == 0
                && Double.compare(y, o.y) == 0
                && Double.compare(w, o.w) == 0
                && Double.compare(h, o.h) == 0
                && Double.compare(fraction, o.fraction) == 0
                && java.util.Objects.equals(trackToken, o.trackToken)
                && java.util.Objects.equals(token, o.token);
    }

    @Override
    public int hashCode() {
        int hash = Double.hashCode(x);
        hash = 31 * hash + Double.hashCode(y);
        hash = 31 * hash + Double.hashCode(w);
        hash = 31 * hash + Double.hashCode(h);
        hash = 31 * hash + Double.hashCode(fraction);
        hash = 31 * hash + java.util.Objects.hashCode(trackToken);
        hash = 31 * hash + java.util.Objects.hashCode(token);
        return hash;
    }
}
