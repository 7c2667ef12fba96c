package dev.canopy.diagrams.layout;

/** An axis-aligned box in layout pixels: top-left corner, width and height. */
public record Rect(double x, double y, double w, double h) {

    public double maxX() {
        return x + w;
    }

    public double maxY() {
        return y + h;
    }

    public double centreX() {
        return x + w / 2;
    }

    public double centreY() {
        return y + h / 2;
    }

    /** True when the interiors overlap (touching edges do not count). */
    public boolean overlaps(Rect o) {
        return x < o.maxX() && o.x < maxX() && y < o.maxY() && o.y < maxY();
    }
}
