package dev.canopy.diagrams.layout;

/** A point in layout pixels. */
public record Point(double x, double y) {
}
