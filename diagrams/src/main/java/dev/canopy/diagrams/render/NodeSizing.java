package dev.canopy.diagrams.render;

/**
 * Estimated node sizes from text length, for callers that cannot measure text (exports,
 * benchmarks, tests). The app should measure with its real font and pass those sizes instead.
 */
public final class NodeSizing {
    public static final double MIN_WIDTH_PX = 72;
    public static final double MAX_WIDTH_PX = 220;
    public static final double HEIGHT_PX = 48;

    private NodeSizing() {
    }

    public static double widthPx(NodeVisual v, RenderOptions o) {
        double label = v.label().length() * RenderOptions.AVERAGE_BOLD_CHAR_EM * o.labelSizePx();
        double sublabel = v.sublabel().length() * RenderOptions.AVERAGE_CHAR_EM * o.sublabelSizePx();
        double w = Math.max(label, sublabel) + 2 * o.paddingPx() + NodeShapes.STRIPE_ALLOWANCE_PX;
        return Math.clamp(Math.ceil(w), MIN_WIDTH_PX, MAX_WIDTH_PX);
    }

    public static double heightPx() {
        return HEIGHT_PX;
    }
}
