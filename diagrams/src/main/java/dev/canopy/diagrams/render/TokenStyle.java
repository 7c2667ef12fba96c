package dev.canopy.diagrams.render;

import java.util.Optional;

/**
 * How a {@link StyleToken} is painted. Shapes use fill and stroke; text and badge labels use
 * ink. Stroke widths are screen pixels: connectors stay 1 px sharp at every zoom.
 */
public record TokenStyle(Optional<Rgb> fill, Optional<Rgb> stroke, double strokeWidthPx, Optional<Rgb> ink,
        boolean bold) {

    public static TokenStyle filled(String fill) {
        return new TokenStyle(Optional.of(Rgb.hex(fill)), Optional.empty(), 0, Optional.empty(), false);
    }

    public static TokenStyle filledAndStroked(String fill, String stroke, double strokeWidthPx) {
        return new TokenStyle(Optional.of(Rgb.hex(fill)), Optional.of(Rgb.hex(stroke)), strokeWidthPx, Optional.empty(), false);
    }

    public static TokenStyle stroked(String stroke, double strokeWidthPx) {
        return new TokenStyle(Optional.empty(), Optional.of(Rgb.hex(stroke)), strokeWidthPx, Optional.empty(), false);
    }

    public static TokenStyle text(String ink, boolean bold) {
        return new TokenStyle(Optional.empty(), Optional.empty(), 0, Optional.of(Rgb.hex(ink)), bold);
    }

    public static TokenStyle badge(String fill, String ink) {
        return new TokenStyle(Optional.of(Rgb.hex(fill)), Optional.empty(), 0, Optional.of(Rgb.hex(ink)), true);
    }

    /** The colour the token is known by: its fill, else its ink, else its stroke. */
    public Rgb primary() {
        return fill.or(() -> ink).or(() -> stroke).orElseThrow();
    }
}
