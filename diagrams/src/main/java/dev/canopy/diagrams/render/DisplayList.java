package dev.canopy.diagrams.render;

import java.util.List;
import java.util.stream.Stream;

/**
 * What to draw for one frame: a screen-sized canvas and its shapes by layer, in paint order.
 * Built by {@link DisplayListBuilder}; drawn by {@link SvgWriter}, {@link PngRenderer} and the
 * app's canvas. Backends paint the {@link StyleToken#BACKGROUND} first.
 */
public record DisplayList(double widthPx, double heightPx, List<Layer> layers) {

    public DisplayList {
        layers = List.copyOf(layers);
    }

    /** All shapes in paint order. */
    public Stream<Shape> shapes() {
        return layers.stream().flatMap(l -> l.shapes().stream());
    }

    public int shapeCount() {
        int n = 0;
        for (Layer l : layers) n += l.shapes().size();
        return n;
    }

    public Layer layer(LayerName name) {
        for (Layer l : layers) if (l.name() == name) return l;
        throw new IllegalArgumentException("no layer " + name);
    }
}
