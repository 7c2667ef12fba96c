package dev.canopy.app.ui.render;

import java.util.HashMap;
import java.util.Map;

import dev.canopy.diagrams.layout.Layout;

/**
 * A uniform grid over a layout's visible node boxes, for hit tests (which node is under a
 * point) and for finding the node a shape belongs to while positions animate. Built once per
 * layout, in time linear in the nodes.
 */
final class LayoutIndex {
    private static final double CELL = 128;
    private final Layout layout;
    private final double marginX;
    private final double marginY;
    private final Map<Long, int[]> cells;

    LayoutIndex(Layout layout) {
        this.layout = layout;
        this.marginX = 14;
        this.marginY = layout.options().levelGapPx() / 2 + 2;
        Map<Long, int[]> counts = new HashMap<>();
        int n = layout.visibleCount();
        // two passes: count per cell, then fill
        Map<Long, int[]> fill = new HashMap<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < n; k++) {
                int v = layout.visibleNode(k);
                int x0 = cell(layout.x(v) - marginX);
                int x1 = cell(layout.x(v) + layout.width(v) + marginX);
                int y0 = cell(layout.y(v) - marginY);
                int y1 = cell(layout.y(v) + layout.height(v) + marginY);
                for (int cx = x0; cx <= x1; cx++) {
                    for (int cy = y0; cy <= y1; cy++) {
                        long key = key(cx, cy);
                        if (pass == 0) {
                            counts.computeIfAbsent(key, q -> new int[1])[0]++;
                        } else {
                            int[] slot = fill.computeIfAbsent(key, q -> new int[1]);
                            cellsTmp.get(key)[slot[0]++] = v;
                        }
                    }
                }
            }
            if (pass == 0) {
                cellsTmp = HashMap.newHashMap(counts.size());
                for (var e : counts.entrySet()) cellsTmp.put(e.getKey(), new int[e.getValue()[0]]);
            }
        }
        cells = cellsTmp;
        cellsTmp = null;
    }

    private Map<Long, int[]> cellsTmp;

    private static int cell(double v) {
        return (int) Math.floor(v / CELL);
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) ^ (cy & 0xffffffffL);
    }

    /** The visible node whose box contains the layout point, or -1. */
    int nodeAt(double x, double y) {
        int[] c = cells.get(key(cell(x), cell(y)));
        if (c == null) return -1;
        for (int v : c) {
            if (x >= layout.x(v) && x <= layout.x(v) + layout.width(v) && y >= layout.y(v) && y <= layout.y(v) + layout.height(v)) {
                return v;
            }
        }
        return -1;
    }

    /** The visible node nearest the point within the index's margins (box, badges, connector stubs), or -1. */
    int nodeNear(double x, double y) {
        int[] c = cells.get(key(cell(x), cell(y)));
        if (c == null) return -1;
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int v : c) {
            double dx = Math.max(0, Math.max(layout.x(v) - x, x - layout.x(v) - layout.width(v)));
            double dy = Math.max(0, Math.max(layout.y(v) - y, y - layout.y(v) - layout.height(v)));
            if (dx > marginX || dy > marginY) continue;
            double d = dx + dy;
            if (d < bestD) {
                bestD = d;
                best = v;
                if (d == 0) break;
            }
        }
        return best;
    }
}
