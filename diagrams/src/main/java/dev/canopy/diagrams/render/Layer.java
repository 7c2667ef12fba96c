package dev.canopy.diagrams.render;

import java.util.List;

/** The shapes of one {@link LayerName}, in paint order. */
public record Layer(LayerName name, List<Shape> shapes) {

    public Layer {
        shapes = List.copyOf(shapes);
    }
}
