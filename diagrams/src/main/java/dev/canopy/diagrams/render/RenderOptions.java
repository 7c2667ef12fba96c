package dev.canopy.diagrams.render;

/**
 * Level-of-detail thresholds and node typography for {@link DisplayListBuilder}.
 *
 * @param fullDetailMinScale at this zoom and above, nodes get rounded boxes, text and badges;
 *                           below, plain boxes only (text would be unreadable and is the most
 *                           expensive thing to draw)
 * @param blockMaxPx         a subtree narrower than this on screen is drawn as one block
 * @param labelSizePx        label font size at zoom 1 (the app measures nodes with it too)
 * @param sublabelSizePx     sublabel font size at zoom 1
 * @param paddingPx          inner padding of a node box at zoom 1
 * @param cornerRadiusPx     corner radius of a node box at zoom 1
 */
public record RenderOptions(double fullDetailMinScale, double blockMaxPx, double labelSizePx, double sublabelSizePx,
        double paddingPx, double cornerRadiusPx) {

    /** The average advance of a character in em, for fitting text without measuring it. */
    public static final double AVERAGE_CHAR_EM = 0.6;
    /** The same for bold text (labels), which runs wider. */
    public static final double AVERAGE_BOLD_CHAR_EM = 0.68;

    public static RenderOptions defaults() {
        return new RenderOptions(0.6, 8, 12, 10, 8, 6);
    }
}
