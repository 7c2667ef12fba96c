package dev.canopy.diagrams.render;

/** A straight stroke; connectors are axis-parallel, so they stay crisp at 1 px. */
public record Line(double x1, double y1, double x2, double y2, StyleToken token) implements Shape {
}
