package dev.canopy.diagrams.render;

/**
 * A pill with a short centred text (a count), on a node's corner or edge. Filled with the
 * token's fill, text in its ink.
 */
public record Badge(double centreX, double centreY, double w, double h, String text, double textSizePx,
        StyleToken token) implements Shape {

    // equals and hashCode written out, with a record's meaning: see Shape.
    @Override
    public boolean equals(Object other) {
        return other instanceof Badge o
                && Double.compare(centreX, o.centreX) == 0
                && Double.compare(centreY, o.centreY) == 0
                && Double.compare(w, o.w) == 0
                && Double.compare(h, o.h) == 0
                && java.util.Objects.equals(text, o.text)
                && Double.compare(textSizePx, o.textSizePx) == 0
                && java.util.Objects.equals(token, o.token);
    }

    @Override
    public int hashCode() {
        int hash = Double.hashCode(centreX);
        hash = 31 * hash + Double.hashCode(centreY);
        hash = 31 * hash + Double.hashCode(w);
        hash = 31 * hash + Double.hashCode(h);
        hash = 31 * hash + java.util.Objects.hashCode(text);
        hash = 31 * hash + Double.hashCode(textSizePx);
        hash = 31 * hash + java.util.Objects.hashCode(token);
        return hash;
    }
}
