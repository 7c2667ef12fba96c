package dev.canopy.app.ui.render;

import javafx.scene.paint.Color;

/**
 * How an exit flash's reason label is painted so that it can be read: an opaque pill in the
 * flash's colour that covers the edges running behind it, and ink (near-black or white) chosen
 * for contrast with that colour (white on the light orange of a restart was unreadable). Only the
 * outline ring around the node fades; the label stays whole until the flash ends.
 */
final class FlashLabel {

    static final Color DARK_INK = Color.web("#1b1b1f");
    static final Color LIGHT_INK = Color.WHITE;
    /** WCAG's contrast for normal text. */
    static final double MIN_CONTRAST = 4.5;

    private FlashLabel() {
    }

    /** The ink of higher contrast against {@code fill}. */
    static Color ink(Color fill) {
        return contrast(fill, DARK_INK) >= contrast(fill, LIGHT_INK) ? DARK_INK : LIGHT_INK;
    }

    /** The pill's opacity at {@code ageMs} into a flash: whole until it ends, so edges never show through. */
    static double labelAlpha(double ageMs) {
        return ageMs < TreeCanvas.FLASH_MS ? 1 : 0;
    }

    /** Steps the ring fades in: few enough that a fading ring is repainted a handful of times, not every frame. */
    static final int FADE_STEPS = 6;

    /**
     * The outline ring's opacity: fades out over the flash in {@link #FADE_STEPS} steps, so that
     * the canvas repaints a ring only when its step changes (under a storm, dozens of rings fade
     * at once).
     */
    static double ringAlpha(double ageMs) {
        return Math.max(0, 1 - (double) fadeStep(ageMs) / FADE_STEPS);
    }

    /** Which step of its fade a flash is in at {@code ageMs}: 0 at the start, {@link #FADE_STEPS} once over. */
    static int fadeStep(double ageMs) {
        if (ageMs <= 0) return 0;
        return (int) Math.min(FADE_STEPS, Math.floor(ageMs / TreeCanvas.FLASH_MS * FADE_STEPS));
    }

    /** Width of the pill for {@code text} in bold at {@code sizePx}, with padding. */
    static double width(String text, double sizePx) {
        return text.length() * dev.canopy.diagrams.render.RenderOptions.AVERAGE_BOLD_CHAR_EM * sizePx + 14;
    }

    /** WCAG 2 contrast ratio of two opaque colours (1 to 21). */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
