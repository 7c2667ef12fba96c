package dev.canopy.diagrams.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The shapes of a display list by horizontal band of the screen, so that repainting one damaged
 * area visits only the shapes of its band instead of the whole frame. Bands are as tall as
 * {@link FrameDamage}'s tiles, so each of its areas lies in one band. Pure.
 */
public final class ShapeIndex {
    private final int bandPx;
    private final Shape[] shapes;
    private final double[] bounds; // minX, minY, maxX, maxY per shape
    private final int[][] bands; // shape indices in paint order, per band

    private ShapeIndex(int bandPx, Shape[] shapes, double[] bounds, int[][] bands) {
        this.bandPx = bandPx;
        this.shapes = shapes;
        this.bounds = bounds;
        this.bands = bands;
    }

    public static ShapeIndex of(DisplayList list, int bandPx) {
        int n = list.shapeCount();
        Shape[] shapes = new Shape[n];
        double[] bounds = new double[4 * n];
        int bandCount = Math.max(1, (int) Math.ceil(list.heightPx() / bandPx));
        int[] sizes = new int[bandCount];
        double[] box = new double[4];
        int i = 0;
        for (Layer layer : list.layers()) {
            for (Shape s : layer.shapes()) {
                shapes[i] = s;
                ShapeBounds.of(s, box);
                System.arraycopy(box, 0, bounds, 4 * i, 4);
                for (int b = band(box[1], bandPx, bandCount); b <= band(box[3], bandPx, bandCount); b++) sizes[b]++;
                i++;
            }
        }
        int[][] bands = new int[bandCount][];
        for (int b = 0; b < bandCount; b++) bands[b] = new int[sizes[b]];
        int[] fill = new int[bandCount];
        for (int k = 0; k < n; k++) {
            for (int b = band(bounds[4 * k + 1], bandPx, bandCount); b <= band(bounds[4 * k + 3], bandPx, bandCount); b++) {
                bands[b][fill[b]++] = k;
            }
        }
        return new ShapeIndex(bandPx, shapes, bounds, bands);
    }

    private static int band(double y, int bandPx, int bandCount) {
        return Math.clamp((int) Math.floor(y / bandPx), 0, bandCount - 1);
    }

    /** The shapes that touch an area, in paint order (an area taller than a band visits every band it spans, once per shape). */
    public List<Shape> in(FrameDamage.Area area) {
        List<Shape> out = new ArrayList<>();
        int b0 = band(area.y(), bandPx, bands.length);
        int b1 = band(Math.nextDown(area.maxY()), bandPx, bands.length);
        if (b0 == b1) {
            for (int k : bands[b0]) if (touches(k, area)) out.add(shapes[k]);
            return out;
        }
        boolean[] seen = new boolean[shapes.length];
        List<Integer> found = new ArrayList<>();
        for (int b = b0; b <= b1; b++) {
            for (int k : bands[b]) {
                if (!seen[k] && touches(k, area)) {
                    seen[k] = true;
                    found.add(k);
                }
            }
        }
        found.sort(null);
        for (int k : found) out.add(shapes[k]);
        return out;
    }

    private boolean touches(int k, FrameDamage.Area a) {
        return a.touches(bounds[4 * k], bounds[4 * k + 1], bounds[4 * k + 2], bounds[4 * k + 3]);
    }

    public int size() {
        return shapes.length;
    }
}
