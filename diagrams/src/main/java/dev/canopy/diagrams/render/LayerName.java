package dev.canopy.diagrams.render;

/**
 * The layers of a display list, in paint order. Grouping by layer lets a backend set a style
 * once for a run of same-token shapes, and lets a cache redraw one layer (e.g. only the
 * overlay when the selection moves).
 */
public enum LayerName {
    EDGES, BLOCKS, BODIES, DECORATIONS, TEXT, OVERLAY
}
