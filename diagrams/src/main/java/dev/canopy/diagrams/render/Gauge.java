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
}
