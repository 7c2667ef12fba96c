package dev.canopy.diagrams.layout;

/** The extent of a drawing in layout pixels, as min/max corners. */
public record Bounds(double minX, double minY, double maxX, double maxY) {

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }
}
