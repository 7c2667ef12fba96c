package dev.canopy.diagrams.render;

import java.util.Objects;

/**
 * The pieces of the shapes' written-out {@code equals} and {@code hashCode} (see {@link Shape}):
 * component by component as a record's, doubles compared as {@link Double#compare}.
 */
final class ShapeEquality {
    private ShapeEquality() {}

    static boolean same(double a, double b) {
        return Double.compare(a, b) == 0;
    }

    /** Four doubles (a box, or a line's two ends) equal to four others. */
    static boolean same(double a, double b, double c, double d, double oa, double ob, double oc, double od) {
        return same(a, oa) && same(b, ob) && same(c, oc) && same(d, od);
    }

    /** The hash of four doubles, to go on with {@link #mix}. */
    static int hash(double a, double b, double c, double d) {
        return mix(mix(mix(Double.hashCode(a), b), c), d);
    }

    static int mix(int hash, double v) {
        return 31 * hash + Double.hashCode(v);
    }

    static int mix(int hash, Object v) {
        return 31 * hash + Objects.hashCode(v);
    }
}
