package dev.canopy.diagrams.render;

/**
 * Numbers for byte-stable SVG: rounded to 2 decimals, trailing zeros dropped, never "-0",
 * never an exponent, independent of locale.
 */
final class SvgNumbers {
    private SvgNumbers() {
    }

    static String format(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not a finite coordinate: " + v);
        long hundredths = Math.round(v * 100);
        if (hundredths == 0) return "0";
        StringBuilder s = new StringBuilder(12);
        if (hundredths < 0) {
            s.append('-');
            hundredths = -hundredths;
        }
        s.append(hundredths / 100);
        long frac = hundredths % 100;
        if (frac != 0) {
            s.append('.').append(frac / 10);
            if (frac % 10 != 0) s.append(frac % 10);
        }
        return s.toString();
    }
}
