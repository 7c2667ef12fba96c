package dev.canopy.app.ui.render;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.render.FrameDamage;
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

    /** A flash, and where and at which fade step it was last painted (null box: not yet). */
    private static final class Flash {
        final String key;
        final String text;
        final StyleToken token;
        final long startNanos;
        int paintedStep = -1;
        double[] paintedBox;

        Flash(String key, String text, StyleToken token, long startNanos) {
            this.key = key;
            this.text = text;
            this.token = token;
            this.startNanos = startNanos;
        }
    }

    /** Boxes of flashes that were painted and have ended since the last frame: to be painted over. */
    private final java.util.List<double[]> ended = new java.util.ArrayList<>();
    /** The mailbox and escalation boxes as last painted. */
    private java.util.List<double[]> paintedStatic = java.util.List.of();

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
        flashes.removeIf(f -> {
            if (!f.key.equals(key)) return false;
            end(f);
            return true;
        });
        flashes.addLast(new Flash(key, text, token, now));
        while (flashes.size() > TreeCanvas.MAX_FLASHES) end(flashes.removeFirst());
    }

    private void end(Flash f) {
        if (f.paintedBox != null) ended.add(f.paintedBox);
    }

    boolean hasFlashes() {
        return !flashes.isEmpty();
    }

    /** Exit flashes, mailbox queues and escalation outlines, over the display list. */
    void draw(GraphicsContext g, double w, double h, long now, Layout layout, NodeVisuals visuals,
            CanvasCamera camera, Theme theme, boolean detail) {
        draw(g, w, h, now, layout, visuals, camera, theme, detail, null);
    }

    /**
     * As above, only the items that touch {@code area} (null: all), for repainting one damaged
     * area; the caller has clipped to it.
     */
    void draw(GraphicsContext g, double w, double h, long now, Layout layout, NodeVisuals visuals,
            CanvasCamera camera, Theme theme, boolean detail, FrameDamage.Area area) {
        double scale = camera.scale();
        Color red = CanvasRenderer.color(theme, StyleToken.STATE_GAVE_UP);
        double[] box = new double[4];
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
                if (area != null && !(escalationBox(v, layout, camera, box) && area.touches(box[0], box[1], box[2], box[3]))) continue;
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
                if (area != null) {
                    queueBox(v, layout, camera, box);
                    if (!area.touches(box[0], box[1], box[2], box[3])) continue;
                }
                int cells = Math.min(10, 1 + (int) Math.floor(Math.log(depth) / Math.log(2)));
                double cw = 5 * scale;
                for (int c = 0; c < cells; c++) g.fillRect(x + 6 * scale + c * (cw + 2 * scale), y + 3 * scale, cw, 4 * scale);
            }
        }
        if (!flashes.isEmpty()) drawFlashes(g, w, h, now, layout, camera, theme, area);
    }

    /** Drops the flashes that have run their course; true if any was dropped. */
    boolean expire(long now) {
        return flashes.removeIf(f -> {
            if ((now - f.startNanos) / 1e6 < TreeCanvas.FLASH_MS) return false;
            end(f);
            return true;
        });
    }

    /**
     * Adds to {@code damage} (null: none, after a whole redraw) what the overlays need repainted
     * in this frame: a flash where it starts, each time its ring steps fainter, and where it
     * ended; mailbox queues and escalation outlines where they were and are, when any changed.
     * Then takes this frame as painted.
     */
    void damage(long now, Layout layout, CanvasCamera camera, boolean detail, FrameDamage damage) {
        double[] box = new double[4];
        for (double[] b : ended) add(damage, b);
        ended.clear();
        for (Flash f : flashes) {
            int v = layout.indexOf(f.key);
            if (v < 0 || !layout.isVisible(v)) continue;
            flashBox(f, v, layout, camera, box);
            int step = FlashLabel.fadeStep((now - f.startNanos) / 1e6);
            if (step != f.paintedStep || !java.util.Arrays.equals(box, f.paintedBox)) {
                if (f.paintedBox != null) add(damage, f.paintedBox);
                add(damage, box);
                f.paintedStep = step;
                f.paintedBox = box.clone();
            }
        }
        java.util.List<double[]> now2 = new java.util.ArrayList<>();
        for (int v : gaveUp) {
            if (layout.isVisible(v) && escalationBox(v, layout, camera, box)) now2.add(box.clone());
        }
        if (detail) {
            for (int v : queued) {
                if (!layout.isVisible(v)) continue;
                queueBox(v, layout, camera, box);
                now2.add(box.clone());
            }
        }
        if (!sameBoxes(now2, paintedStatic)) {
            for (double[] b : paintedStatic) add(damage, b);
            for (double[] b : now2) add(damage, b);
        }
        paintedStatic = now2;
    }

    private static void add(FrameDamage damage, double[] b) {
        if (damage != null) damage.add(b[0], b[1], b[2], b[3]);
    }

    private static boolean sameBoxes(java.util.List<double[]> a, java.util.List<double[]> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!java.util.Arrays.equals(a.get(i), b.get(i))) return false;
        return true;
    }

    /** The outline and the route to the parent of a supervisor that gave up; false if it has no box. */
    private static boolean escalationBox(int v, Layout layout, CanvasCamera camera, double[] box) {
        double scale = camera.scale();
        double x = camera.screenX(layout.x(v));
        double y = camera.screenY(layout.y(v));
        double minX = x - 6, minY = y - 6;
        double maxX = x + Math.max(2, layout.width(v) * scale) + 6, maxY = y + Math.max(2, layout.height(v) * scale) + 6;
        if (layout.tree().parent(v) >= 0) {
            for (var p : layout.edgeRoute(v).points()) {
                double px = camera.screenX(p.x());
                double py = camera.screenY(p.y());
                minX = Math.min(minX, px - 4);
                minY = Math.min(minY, py - 4);
                maxX = Math.max(maxX, px + 4);
                maxY = Math.max(maxY, py + 4);
            }
        }
        box[0] = minX;
        box[1] = minY;
        box[2] = maxX;
        box[3] = maxY;
        return true;
    }

    private static void queueBox(int v, Layout layout, CanvasCamera camera, double[] box) {
        double scale = camera.scale();
        double x = camera.screenX(layout.x(v));
        double y = camera.screenY(layout.y(v) + layout.height(v));
        box[0] = x - 2;
        box[1] = y - 2;
        box[2] = x + 6 * scale + 10 * 7 * scale + 2;
        box[3] = y + 7 * scale + 2;
    }

    /** The ring and, when it is drawn, the reason's pill above the node. */
    private static void flashBox(Flash f, int v, Layout layout, CanvasCamera camera, double[] box) {
        double scale = camera.scale();
        double x = camera.screenX(layout.x(v));
        double y = camera.screenY(layout.y(v));
        double bw = Math.max(3, layout.width(v) * scale);
        double bh = Math.max(3, layout.height(v) * scale);
        double minX = x - 7, minY = y - 7, maxX = x + bw + 7, maxY = y + bh + 7;
        if (scale >= 0.25 && !f.text.isEmpty()) {
            // the pill, or the text when its glyphs run wider than the pill's estimate (up to 0.8 em each)
            double tw = Math.max(FlashLabel.width(f.text, 11), f.text.length() * 11 * 0.8 + 4);
            minX = Math.min(minX, x + bw / 2 - tw / 2 - 3);
            maxX = Math.max(maxX, x + bw / 2 + tw / 2 + 3);
            minY = Math.min(minY, y - 27);
        }
        box[0] = minX;
        box[1] = minY;
        box[2] = maxX;
        box[3] = maxY;
    }

    /** Flashes: a fading outline and the reason above the node; expired ones are dropped. */
    private void drawFlashes(GraphicsContext g, double w, double h, long now, Layout layout, CanvasCamera camera,
            Theme theme, FrameDamage.Area area) {
        double[] box = new double[4];
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
            if (area != null) {
                flashBox(f, v, layout, camera, box);
                if (!area.touches(box[0], box[1], box[2], box[3])) continue;
            }
            Color c = CanvasRenderer.color(theme, f.token);
            g.setGlobalAlpha(FlashLabel.ringAlpha(age));
            RingSprites.draw(g, c, x - 4, y - 4, bw + 8, bh + 8);
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
