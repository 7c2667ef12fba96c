package dev.canopy.diagrams.render;

/**
 * One drawing instruction of a {@link DisplayList}, in screen pixels (the viewport's transform
 * is already applied, so backends draw 1:1 and 1-px lines stay sharp). Colours come from the
 * {@link #token()} through a {@link Theme}. A backend is one switch over the permitted records.
 * <p>
 * Every shape writes out its {@code equals} and {@code hashCode}, with the meaning a record's
 * generated ones have (component by component, doubles as {@link Double#compare}): the generated
 * ones go through invokedynamic method handles, which the desktop app's C1-only JIT does not
 * inline, and {@link FrameDamage} compares thousands of shapes every frame of a running
 * simulation.
 */
public sealed interface Shape permits RoundRect, Rect, Line, Text, Badge, Gauge {

    StyleToken token();
}
