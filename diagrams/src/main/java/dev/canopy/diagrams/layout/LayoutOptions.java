package dev.canopy.diagrams.layout;

/**
 * Spacing of a tidy tree, in layout pixels (the diagram at zoom 1).
 *
 * @param siblingGapPx gap between neighbouring children of the same parent
 * @param subtreeGapPx gap between neighbouring nodes of different parents (cousins), usually
 *                     wider so that families read as groups
 * @param levelGapPx   gap between one level and the next; the connector bus runs in its middle
 * @param wrapAbove    a parent with more children than this, all of them leaves (or collapsed),
 *                     lays them out as a grid of rows under itself instead of one long row
 *                     ({@link Integer#MAX_VALUE}: never)
 */
public record LayoutOptions(Orientation orientation, double siblingGapPx, double subtreeGapPx, double levelGapPx,
        int wrapAbove) {

    /** Families of up to this many leaves stay in one row by default. */
    public static final int DEFAULT_WRAP_ABOVE = 12;

    public LayoutOptions {
        if (orientation == null) throw new IllegalArgumentException("orientation is required");
        requireGap("siblingGapPx", siblingGapPx);
        requireGap("subtreeGapPx", subtreeGapPx);
        requireGap("levelGapPx", levelGapPx);
        if (wrapAbove < 2) throw new IllegalArgumentException("wrapAbove must be >= 2, was " + wrapAbove);
    }

    /** The default wrapping ({@link #DEFAULT_WRAP_ABOVE}). */
    public LayoutOptions(Orientation orientation, double siblingGapPx, double subtreeGapPx, double levelGapPx) {
        this(orientation, siblingGapPx, subtreeGapPx, levelGapPx, DEFAULT_WRAP_ABOVE);
    }

    /** Top-down, 16 px between siblings, 32 px between cousins, 40 px between levels. */
    public static LayoutOptions defaults() {
        return new LayoutOptions(Orientation.TOP_DOWN, 16, 32, 40);
    }

    public LayoutOptions withOrientation(Orientation o) {
        return new LayoutOptions(o, siblingGapPx, subtreeGapPx, levelGapPx, wrapAbove);
    }

    public LayoutOptions withWrapAbove(int n) {
        return new LayoutOptions(orientation, siblingGapPx, subtreeGapPx, levelGapPx, n);
    }

    /** The gap between the wrapped rows of a family; a row's bus runs in its middle. */
    public double rowGapPx() {
        return Math.max(siblingGapPx, levelGapPx / 2);
    }

    private static void requireGap(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be a finite value >= 0, was " + v);
    }
}
