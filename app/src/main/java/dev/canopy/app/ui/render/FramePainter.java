package dev.canopy.app.ui.render;

import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.render.DisplayList;
import dev.canopy.diagrams.render.FrameDamage;
import dev.canopy.diagrams.render.NodeVisuals;
import dev.canopy.diagrams.render.ShapeIndex;
import dev.canopy.diagrams.render.Theme;
import javafx.scene.canvas.GraphicsContext;

/**
 * Paints one frame of the tree canvas: the whole display list, or, when the frame before it is
 * still on the canvas, only the areas where the two differ ({@link FrameDamage}), each with the
 * overlays (exit flashes, their reasons) that reach into it. A partial frame leaves the same
 * pixels as a whole one (TreeCanvasPartialFrameTest).
 */
final class FramePainter {
    /** Above this damaged share of the canvas, a whole redraw costs no more than repainting the parts. */
    static final double MAX_PARTIAL_SHARE = 0.5;
    /** For before/after benchmarks: {@code -Dcanopy.canvas.wholeFrames=true} redraws every frame whole. */
    private static final boolean WHOLE_FRAMES = Boolean.getBoolean("canopy.canvas.wholeFrames");

    private final FrameCounters counters = new FrameCounters();
    /** The display list the canvas shows, when it was drawn without displacement; null otherwise. */
    private DisplayList shown;

    FrameCounters counters() {
        return counters;
    }

    /** The canvas was cleared (no tree): the next frame is drawn whole. */
    void forgetShown() {
        shown = null;
    }

    /**
     * Paints the frame. {@code whole}: the camera, layout or look changed, so nothing on the
     * canvas can be kept; a displacement (nodes gliding) always draws whole.
     */
    void paint(GraphicsContext g, double w, double h, long now, DisplayList list, CanvasRenderer.Displacement displacement,
            boolean whole, CanvasOverlays overlays, Layout layout, NodeVisuals visuals, CanvasCamera camera, Theme theme,
            boolean detail) {
        FrameDamage damage = WHOLE_FRAMES || whole || displacement != null || shown == null ? null
                : FrameDamage.between(shown, list, FrameDamage.DEFAULT_TILE_PX);
        overlays.damage(now, layout, camera, detail, damage);
        if (damage == null || damage.fraction() > MAX_PARTIAL_SHARE) {
            CanvasRenderer.draw(g, list, theme, displacement);
            if (displacement == null) overlays.draw(g, w, h, now, layout, visuals, camera, theme, detail);
            counters.countWhole();
        } else if (!damage.isEmpty()) {
            ShapeIndex shapes = ShapeIndex.of(list, damage.tilePx());
            for (FrameDamage.Area area : damage.areas()) {
                var inArea = shapes.in(area);
                counters.countArea(inArea.size());
                CanvasRenderer.drawArea(g, inArea, area, theme);
                g.save();
                CanvasRenderer.clipTo(g, area);
                overlays.draw(g, w, h, now, layout, visuals, camera, theme, detail, area);
                g.restore();
            }
            counters.countPartial(damage, h);
        }
        shown = displacement == null ? list : null;
    }
}
