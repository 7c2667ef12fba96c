package dev.canopy.diagrams.render;

/**
 * One drawing instruction of a {@link DisplayList}, in screen pixels (the viewport's transform
 * is already applied, so backends draw 1:1 and 1-px lines stay sharp). Colours come from the
 * {@link #token()} through a {@link Theme}. A backend is one switch over the permitted records.
 */
public sealed interface Shape permits RoundRect, Rect, Line, Text, Badge, Gauge {

    StyleToken token();
}
