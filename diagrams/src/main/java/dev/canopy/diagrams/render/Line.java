package dev.canopy.diagrams.render;

/** A straight stroke; connectors are axis-parallel, so they stay crisp at 1 px. */
public record Line(double x1, double y1, double x2, double y2, StyleToken token) implements Shape {

    // equals and hashCode written out, with a record's meaning: see Shape.
    @Override
    public boolean equals(Object other) {
        return other instanceof Line o
                && Double.compare(x1, o.x1) == 0
                && Double.compare(y1, o.y1) == 0
                && Double.compare(x2, o.x2) == 0
                && Double.compare(y2, o.y2) == 0
                && java.util.Objects.equals(token, o.token);
    }

    @Override
    public int hashCode() {
        int hash = Double.hashCode(x1);
        hash = 31 * hash + Double.hashCode(y1);
        hash = 31 * hash + Double.hashCode(x2);
        hash = 31 * hash + Double.hashCode(y2);
        hash = 31 * hash + java.util.Objects.hashCode(token);
        return hash;
    }
}
