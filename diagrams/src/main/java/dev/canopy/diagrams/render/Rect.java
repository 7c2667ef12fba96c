package dev.canopy.diagrams.render;

/**
 * A plain box: a node body at low detail, a state stripe, or a {@link StyleToken#BLOCK} standing
 * for a dense subtree. {@code nodeKey} names the node (or the block's first subtree root) it
 * stands for, "" for none; a hit test can zoom to it.
 */
public record Rect(double x, double y, double w, double h, StyleToken token, String nodeKey) implements Shape {
}
