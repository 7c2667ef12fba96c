package dev.canopy.diagrams.render;

/**
 * A plain box: a node body at low detail, a state stripe, or a {@link StyleToken#BLOCK} standing
 * for a dense subtree. {@code nodeKey} names the node (or the block's first subtree root) it
 * stands for, "" for none; a hit test can zoom to it.
 */
public record Rect(double x, double y, double w, double h, StyleToken token, String nodeKey) implements Shape {

    // equals and hashCode written out, with a record's meaning: see Shape.
    @Override
    public boolean equals(Object other) {
        return other instanceof Rect o
                && Double.compare(x, o.x) == 0
                && Double.compare(y, o.y) == 0
                && Double.compare(w, o.w) == 0
                && Double.compare(h, o.h) == 0
                && java.util.Objects.equals(token, o.token)
                && java.util.Objects.equals(nodeKey, o.nodeKey);
    }

    @Override
    public int hashCode() {
        int hash = Double.hashCode(x);
        hash = 31 * hash + Double.hashCode(y);
        hash = 31 * hash + Double.hashCode(w);
        hash = 31 * hash + Double.hashCode(h);
        hash = 31 * hash + java.util.Objects.hashCode(token);
        hash = 31 * hash + java.util.Objects.hashCode(nodeKey);
        return hash;
    }
}
