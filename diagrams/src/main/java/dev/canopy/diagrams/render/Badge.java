package dev.canopy.diagrams.render;

/**
 * A pill with a short centred text (a count), on a node's corner or edge. Filled with the
 * token's fill, text in its ink.
 */
public record Badge(double centreX, double centreY, double w, double h, String text, double textSizePx,
        StyleToken token) implements Shape {
}
