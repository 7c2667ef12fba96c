package dev.canopy.diagrams.render;

/** Which point of a text run its position names, horizontally; vertically it is the baseline. */
public enum TextAnchor {
    START, MIDDLE
}
