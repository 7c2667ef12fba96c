package dev.canopy.app.ui.render;

import java.util.List;

import dev.canopy.diagrams.render.FrameDamage;

/**
 * What a tree canvas's frames drew, for tests and benchmarks: frames drawn whole and frames that
 * repainted only their damaged areas, and over the partial ones the tiles, areas, display-list
 * shapes and horizontal bands of the canvas they repainted.
 */
final class FrameCounters {
    /** Bands the benchmark divides the canvas into, to tell whether smaller canvases would shrink what a frame uploads. */
    static final int BANDS = 8;

    private long fullFrames;
    private long partialFrames;
    private long tiles;
    private long areas;
    private long shapes;
    private long bands;

    void countWhole() {
        fullFrames++;
    }

    /** One damaged area of a partial frame, repainted with this many shapes. */
    void countArea(int shapesInArea) {
        areas++;
        shapes += shapesInArea;
    }

    /** A partial frame of a canvas this high, after its areas were counted. */
    void countPartial(FrameDamage damage, double height) {
        partialFrames++;
        tiles += damage.damagedTiles();
        bands += bandsTouched(damage.areas(), height);
    }

    long fullFrames() {
        return fullFrames;
    }

    long partialFrames() {
        return partialFrames;
    }

    /** Over all partial frames: tiles, areas, shapes and bands (of {@link #BANDS}) repainted. */
    long[] repainted() {
        return new long[] {tiles, areas, shapes, bands};
    }

    /** How many of {@link #BANDS} equal horizontal bands of a canvas this high the areas touch. */
    static int bandsTouched(List<FrameDamage.Area> areas, double height) {
        boolean[] touched = new boolean[BANDS];
        for (FrameDamage.Area a : areas) {
            int first = (int) Math.clamp(Math.floor(a.y() / height * BANDS), 0, BANDS - 1);
            int last = (int) Math.clamp(Math.ceil(a.maxY() / height * BANDS) - 1, first, BANDS - 1);
            for (int b = first; b <= last; b++) touched[b] = true;
        }
        int n = 0;
        for (boolean t : touched) if (t) n++;
        return n;
    }
}
