package dev.canopy.diagrams.render;

import java.util.Locale;

/** An opaque colour; written as {@code #rrggbb} in CSS and SVG. */
public record Rgb(int r, int g, int b) {

    public Rgb {
        if ((r | g | b) < 0 || r > 255 || g > 255 || b > 255) {
            throw new IllegalArgumentException("colour channels must be 0..255: " + r + "," + g + "," + b);
        }
    }

    /** Parses {@code #rrggbb}. */
    public static Rgb hex(String s) {
        if (s.length() != 7 || s.charAt(0) != '#') throw new IllegalArgumentException("not #rrggbb: " + s);
        int v = Integer.parseInt(s.substring(1), 16);
        return new Rgb(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
    }

    public String toHex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    /** 0xRRGGBB, as java.awt.Color and JavaFX's Color.rgb take it. */
    public int toInt() {
        return r << 16 | g << 8 | b;
    }
}
