package dev.canopy.diagrams.layout;

/**
 * Spacing of a tidy tree, in layout pixels (the diagram at zoom 1).
 *
 * @param siblingGapPx gap between neighbouring children of the same parent
 * @param subtreeGapPx gap between neighbouring nodes of different parents (cousins), usually
 *                     wider so that families read as groups
 * @param levelGapPx   gap between one level and the next; the connector bus runs in its middle
 */
public record LayoutOptions(Orientation orientation, double siblingGapPx, double subtreeGapPx, double levelGapPx) {

    public LayoutOptions {
        if (orientation == null) throw new IllegalArgumentException("orientation is required");
        requireGap("siblingGapPx", siblingGapPx);
        requireGap("subtreeGapPx", subtreeGapPx);
        requireGap("levelGapPx", levelGapPx);
    }

    /** Top-down, 16 px between siblings, 32 px between cousins, 40 px between levels. */
    public static LayoutOptions defaults() {
        return new LayoutOptions(Orientation.TOP_DOWN, 16, 32, 40);
    }

    public LayoutOptions withOrientation(Orientation o) {
        return new LayoutOptions(o, siblingGapPx, subtreeGapPx, levelGapPx);
    }

    private static void requireGap(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be a finite value >= 0, was " + v);
    }
}
