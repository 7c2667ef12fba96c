package dev.canopy.diagrams.layout;

/** Which way a tree grows: the root on top (levels are rows) or on the left (levels are columns). */
public enum Orientation {
    /** Root on top; siblings side by side along x; levels stacked along y. */
    TOP_DOWN,
    /** Root on the left; siblings stacked along y; levels side by side along x. */
    LEFT_RIGHT
}
