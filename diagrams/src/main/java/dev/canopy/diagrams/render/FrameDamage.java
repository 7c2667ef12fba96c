package dev.canopy.diagrams.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a canvas to repaint between two frames of the same viewport, as a grid of square
 * tiles: every tile touched by a shape that is in one frame's display list and not in the other
 * (its old and its new pixels), plus areas the caller adds (overlays that move or fade). A
 * restyle under a restart storm changes a few dozen boxes, so a frame repaints a few dozen tiles
 * instead of the whole window, which the software pipeline pays for pixel by pixel. Pure.
 */
public final class FrameDamage {
    /** Tiles of 32 px: small enough that scattered changes stay a small share of the window. */
    public static final int DEFAULT_TILE_PX = 32;

    private final double widthPx;
    private final double heightPx;
    private final int tilePx;
    private final int cols;
    private final int rows;
    private final boolean[] damaged;
    private int count;
    private final double[] box = new double[4];

    /** A rectangle of screen pixels to repaint (within the canvas). */
    public record Area(double x, double y, double w, double h) {
        public double maxX() {
            return x + w;
        }

        public double maxY() {
            return y + h;
        }

        /** True when a box (minX, minY, maxX, maxY) overlaps this area. */
        public boolean touches(double minX, double minY, double maxX, double maxY) {
            return minX < x + w && maxX > x && minY < y + h && maxY > y;
        }
    }

    /** Nothing damaged yet on a canvas of this size. */
    public FrameDamage(double widthPx, double heightPx, int tilePx) {
        if (tilePx < 1) throw new IllegalArgumentException("tile must be >= 1 px, was " + tilePx);
        this.widthPx = Math.max(0, widthPx);
        this.heightPx = Math.max(0, heightPx);
        this.tilePx = tilePx;
        this.cols = (int) Math.ceil(this.widthPx / tilePx);
        this.rows = (int) Math.ceil(this.heightPx / tilePx);
        this.damaged = new boolean[cols * rows];
    }

    /**
     * The tiles where two display lists of the same viewport differ. Lists of another size damage
     * everything. Shapes are compared layer by layer in paint order; a layer whose length changed
     * is compared as a multiset, so one shape more or less does not damage everything after it.
     */
    public static FrameDamage between(DisplayList before, DisplayList after, int tilePx) {
        FrameDamage d = new FrameDamage(after.widthPx(), after.heightPx(), tilePx);
        if (before.widthPx() != after.widthPx() || before.heightPx() != after.heightPx()
                || before.layers().size() != after.layers().size()) {
            d.addAll();
            return d;
        }
        for (int k = 0; k < after.layers().size(); k++) {
            List<Shape> a = before.layers().get(k).shapes();
            List<Shape> b = after.layers().get(k).shapes();
            if (a.size() == b.size()) {
                for (int i = 0; i < a.size(); i++) {
                    Shape x = a.get(i);
                    Shape y = b.get(i);
                    if (!x.equals(y)) {
                        d.addShape(x);
                        d.addShape(y);
                    }
                }
            } else {
                d.addDifference(a, b);
            }
        }
        return d;
    }

    private void addDifference(List<Shape> a, List<Shape> b) {
        Map<Shape, Integer> counts = new HashMap<>(a.size() * 2);
        for (Shape s : a) counts.merge(s, 1, Integer::sum);
        for (Shape s : b) {
            Integer n = counts.get(s);
            if (n == null) {
                addShape(s); // only in the new list
            } else if (n == 1) {
                counts.remove(s);
            } else {
                counts.put(s, n - 1);
            }
        }
        for (Map.Entry<Shape, Integer> e : counts.entrySet()) addShape(e.getKey()); // only in the old list
    }

    /** Damages the tiles a shape paints. */
    public void addShape(Shape s) {
        ShapeBounds.of(s, box);
        add(box[0], box[1], box[2], box[3]);
    }

    /** Damages the tiles a box (minX, minY, maxX, maxY, screen px) touches; parts off the canvas are ignored. */
    public void add(double minX, double minY, double maxX, double maxY) {
        if (!(maxX > 0 && maxY > 0 && minX < widthPx && minY < heightPx)) return;
        int c0 = Math.max(0, (int) Math.floor(minX / tilePx));
        int c1 = Math.min(cols - 1, (int) Math.floor(maxX / tilePx));
        int r0 = Math.max(0, (int) Math.floor(minY / tilePx));
        int r1 = Math.min(rows - 1, (int) Math.floor(maxY / tilePx));
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int i = r * cols + c;
                if (!damaged[i]) {
                    damaged[i] = true;
                    count++;
                }
            }
        }
    }

    /** Damages the whole canvas. */
    public void addAll() {
        java.util.Arrays.fill(damaged, true);
        count = damaged.length;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public int damagedTiles() {
        return count;
    }

    public int tiles() {
        return damaged.length;
    }

    /** The damaged share of the canvas, 0..1 (1 for an empty canvas: nothing to save there). */
    public double fraction() {
        return damaged.length == 0 ? 1 : (double) count / damaged.length;
    }

    public int tilePx() {
        return tilePx;
    }

    /**
     * The damage as rectangles, each a run of damaged tiles along one tile row, clamped to the
     * canvas; top to bottom, left to right. Every damaged tile is in exactly one.
     */
    public List<Area> areas() {
        List<Area> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int c = 0;
            while (c < cols) {
                if (!damaged[r * cols + c]) {
                    c++;
                    continue;
                }
                int start = c;
                while (c < cols && damaged[r * cols + c]) c++;
                double x = (double) start * tilePx;
                double y = (double) r * tilePx;
                out.add(new Area(x, y, Math.min(widthPx, (double) c * tilePx) - x, Math.min(heightPx, y + tilePx) - y));
            }
        }
        return out;
    }
}
