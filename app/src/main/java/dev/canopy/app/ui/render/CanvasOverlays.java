package dev.canopy.app.ui.render;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.render.NodeVisual;
import dev.canopy.diagrams.render.NodeVisuals;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.render.Theme;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The live overlays a {@link TreeCanvas} draws over its display list: exit flashes with their
 * reason, mailbox queues, and red escalation outlines for supervisors that gave up. Keeps which
 * nodes need them (by layout index). FX thread only.
 */
final class CanvasOverlays {
    private final Set<Integer> queued = new HashSet<>();
    private final Set<Integer> gaveUp = new HashSet<>();
    private final ArrayDeque<Flash> flashes = new ArrayDeque<>();

    private record Flash(String key, String text, StyleToken token, long startNanos) {
    }

    /** Forgets the tracked nodes (a new layout); flashes stay, matched by key. */
    void clearNodes() {
        queued.clear();
        gaveUp.clear();
    }

    /** Tracks node {@code i}'s mailbox and gave-up state from its visual. */
    void track(int i, NodeVisual v) {
        if (v.mailboxDepth() > 0) queued.add(i); else queued.remove(i);
        if (v.state() == StyleToken.STATE_GAVE_UP) gaveUp.add(i); else gaveUp.remove(i);
    }

    void flash(String key, String text, StyleToken token, long now) {
        flashes.removeIf(f -> f.key.equals(key));
        flashes.addLast(new Flash(key, text, token, now));
        while (flashes.size() > TreeCanvas.MAX_FLASHES) flashes.removeFirst();
    }

    boolean hasFlashes() {
        return !flashes.isEmpty();
    }

    /** Exit flashes, mailbox queues and escalation outlines, over the display list. */
    void draw(GraphicsContext g, double w, double h, long now, Layout layout, NodeVisuals visuals,
            CanvasCamera camera, Theme theme, boolean detail) {
        double scale = camera.scale();
        Color red = CanvasRenderer.color(theme, StyleToken.STATE_GAVE_UP);
        // escalation: a red outline on every supervisor that gave up, and on its link to its parent
        if (!gaveUp.isEmpty()) {
            g.setStroke(red);
            g.setLineWidth(Math.max(2, 3 * Math.min(1, scale)));
            for (int v : gaveUp) {
                if (!layout.isVisible(v)) continue;
                double x = camera.screenX(layout.x(v));
                double y = camera.screenY(layout.y(v));
                double bw = Math.max(2, layout.width(v) * scale);
                double bh = Math.max(2, layout.height(v) * scale);
                if (x > w || y > h || x + bw < 0 || y + bh < 0) continue;
                g.strokeRoundRect(x - 3, y - 3, bw + 6, bh + 6, 10, 10);
                if (layout.tree().parent(v) >= 0) {
                    var route = layout.edgeRoute(v).points();
                    g.beginPath();
                    for (int k = route.size() - 1; k >= 0; k--) {
                        double px = camera.screenX(route.get(k).x());
                        double py = camera.screenY(route.get(k).y());
                        if (k == route.size() - 1) g.moveTo(px, py); else g.lineTo(px, py);
                    }
                    g.stroke();
                }
            }
        }
        // mailboxes as queues: a row of cells under the node, one per doubling of the depth
        if (detail && !queued.isEmpty()) {
            Color q = CanvasRenderer.color(theme, StyleToken.MAILBOX);
            g.setFill(q);
            for (int v : queued) {
                if (!layout.isVisible(v)) continue;
                int depth = visuals.get(v).mailboxDepth();
                double x = camera.screenX(layout.x(v));
                double y = camera.screenY(layout.y(v) + layout.height(v));
                if (x > w || y > h || x + layout.width(v) * scale < 0 || y + 12 < 0) continue;
                int cells = Math.min(10, 1 + (int) Math.floor(Math.log(depth) / Math.log(2)));
                double cw = 5 * scale;
                for (int c = 0; c < cells; c++) g.fillRect(x + 6 * scale + c * (cw + 2 * scale), y + 3 * scale, cw, 4 * scale);
            }
        }
        if (!flashes.isEmpty()) drawFlashes(g, w, h, now, layout, camera, theme);
    }

    /** Flashes: a fading outline and the reason above the node; expired ones are dropped. */
    private void drawFlashes(GraphicsContext g, double w, double h, long now, Layout layout, CanvasCamera camera,
            Theme theme) {
        double scale = camera.scale();
        Iterator<Flash> it = flashes.iterator();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        while (it.hasNext()) {
            Flash f = it.next();
            double age = (now - f.startNanos) / 1e6;
            if (age >= TreeCanvas.FLASH_MS) {
                it.remove();
                continue;
            }
            int v = layout.indexOf(f.key);
            if (v < 0 || !layout.isVisible(v)) continue;
            double x = camera.screenX(layout.x(v));
            double y = camera.screenY(layout.y(v));
            double bw = Math.max(3, layout.width(v) * scale);
            double bh = Math.max(3, layout.height(v) * scale);
            if (x > w || y > h || x + bw < 0 || y + bh < 0) continue;
            Color c = CanvasRenderer.color(theme, f.token);
            g.setGlobalAlpha(FlashLabel.ringAlpha(age));
            g.setStroke(c);
            g.setLineWidth(3);
            g.strokeRoundRect(x - 4, y - 4, bw + 8, bh + 8, 12, 12);
            if (scale >= 0.25 && !f.text.isEmpty()) {
                // an opaque pill over the edges behind it, with ink that contrasts with its colour
                g.setGlobalAlpha(FlashLabel.labelAlpha(age));
                var font = CanvasRenderer.font(11, true);
                double tw = FlashLabel.width(f.text, 11);
                g.setFill(c);
                g.fillRoundRect(x + bw / 2 - tw / 2, y - 24, tw, 18, 9, 9);
                g.setFill(FlashLabel.ink(c));
                g.setFont(font);
                g.fillText(f.text, x + bw / 2, y - 9);
            }
            g.setGlobalAlpha(1);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
    }
}
