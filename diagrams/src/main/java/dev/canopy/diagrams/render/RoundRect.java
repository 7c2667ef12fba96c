package dev.canopy.diagrams.render;

/**
 * A box with rounded corners: a node body at full detail, or a selection outline. Filled and/or
 * stroked as the token's style says. {@code nodeKey} names the node it draws ("" for none).
 */
public record RoundRect(double x, double y, double w, double h, double arcPx, StyleToken token, String nodeKey)
        implements Shape {
}
