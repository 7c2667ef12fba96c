package dev.canopy.diagrams.render;

/**
 * A single line of text at a baseline point. Already shortened to fit its box, so backends
 * never measure; {@code sizePx} already includes the zoom.
 */
public record Text(double x, double y, String text, double sizePx, TextAnchor anchor, StyleToken token)
        implements Shape {
}
