package dev.canopy.diagrams.render;

/**
 * A box with rounded corners: a node body at full detail, or a selection outline. Filled and/or
 * stroked as the token's style says. {@code nodeKey} names the node it draws ("" for none).
 */
public record RoundRect(double x, double y, double w, double h, double arcPx, StyleToken token, String nodeKey)
        implements Shape {

    // equals and hashCode written out, with a record's meaning: see Shape.
    @Override
    public boolean equals(Object other) {
        return other instanceof RoundRect o
                && Double.compare(x, o.x) == 0
                && Double.compare(y, o.y) == 0
                && Double.compare(w, o.w) == 0
                && Double.compare(h, o.h) == 0
                && Double.compare(arcPx, o.arcPx) == 0
                && java.util.Objects.equals(token, o.token)
                && java.util.Objects.equals(nodeKey, o.nodeKey);
    }

    @Override
    public int hashCode() {
        int hash = Double.hashCode(x);
        hash = 31 * hash + Double.hashCode(y);
        hash = 31 * hash + Double.hashCode(w);
        hash = 31 * hash + Double.hashCode(h);
        hash = 31 * hash + Double.hashCode(arcPx);
        hash = 31 * hash + java.util.Objects.hashCode(token);
        hash = 31 * hash + java.util.Objects.hashCode(nodeKey);
        return hash;
    }
}
