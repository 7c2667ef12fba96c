package dev.canopy.app.ui.canvas;

import java.util.ArrayList;
import java.util.List;

import dev.canopy.app.ui.palette.PaletteItem;
import dev.canopy.app.ui.start.TreeSketch;
import dev.canopy.app.ui.theme.CanvasColors;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link TreeSketch} on a canvas: a simple layered layout (leaves left to right, parents
 * centred over their children) with elbow edges. Used for the start page's thumbnails and the
 * design canvas until the diagrams module's tidy layout is wired in.
 */
public final class TreeSketchPainter {

    /** A laid-out node: centre x in leaf units, depth. */
    record Placed(TreeSketch node, double x, int depth, Placed parent) {
    }

    private TreeSketchPainter() {
    }

    static List<Placed> place(TreeSketch root) {
        List<Placed> out = new ArrayList<>();
        place(root, 0, null, new double[] {0}, out);
        return out;
    }

    private static double place(TreeSketch n, int depth, Placed parent, double[] nextLeaf, List<Placed> out) {
        int index = out.size();
        out.add(null); // reserve: parents precede children
        double x;
        if (n.children().isEmpty()) {
            x = nextLeaf[0]++;
            out.set(index, new Placed(n, x, depth, parent));
            return x;
        }
        // place children first with a temporary parent, then fix up the parent link
        int firstChild = out.size();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (TreeSketch c : n.children()) {
            double cx = place(c, depth + 1, null, nextLeaf, out);
            min = Math.min(min, cx);
            max = Math.max(max, cx);
        }
        x = (min + max) / 2;
        Placed me = new Placed(n, x, depth, parent);
        out.set(index, me);
        for (int i = firstChild; i < out.size(); i++) {
            Placed p = out.get(i);
            if (p.depth() == depth + 1 && p.parent() == null) out.set(i, new Placed(p.node(), p.x(), p.depth(), me));
        }
        return x;
    }

    /** A thumbnail: small kind-coloured blocks, the tree fitted into w × h with a margin. */
    public static void thumbnail(GraphicsContext g, TreeSketch root, double w, double h, CanvasColors c) {
        g.clearRect(0, 0, w, h);
        if (root == null) return;
        List<Placed> nodes = place(root);
        int leaves = root.leaves();
        int depth = root.depth();
        double margin = 14;
        double cellW = (w - 2 * margin) / Math.max(1, leaves);
        double cellH = (h - 2 * margin) / Math.max(1, depth);
        double nodeW = Math.max(4, Math.min(34, cellW * 0.72));
        double nodeH = Math.max(4, Math.min(14, cellH * 0.42));
        double offX = margin + cellW / 2;
        double offY = margin + cellH / 2;
        g.setLineWidth(1);
        g.setStroke(c.edge());
        for (Placed p : nodes) {
            if (p.parent() == null) continue;
            double px = offX + p.parent().x() * cellW;
            double py = offY + p.parent().depth() * cellH + nodeH / 2;
            double cx = offX + p.x() * cellW;
            double cy = offY + p.depth() * cellH - nodeH / 2;
            double my = (py + cy) / 2;
            g.strokeLine(px, py, px, my);
            g.strokeLine(px, my, cx, my);
            g.strokeLine(cx, my, cx, cy);
        }
        for (Placed p : nodes) {
            double cx = offX + p.x() * cellW;
            double cy = offY + p.depth() * cellH;
            Color k = c.kind(p.node().kind());
            g.setFill(k.deriveColor(0, 1, 1, 0.18));
            g.fillRoundRect(cx - nodeW / 2, cy - nodeH / 2, nodeW, nodeH, 4, 4);
            g.setStroke(k);
            g.strokeRoundRect(cx - nodeW / 2, cy - nodeH / 2, nodeW, nodeH, 4, 4);
        }
    }

    public static final double NODE_W = 156;
    public static final double NODE_H = 46;
    public static final double GAP_X = 22;
    public static final double GAP_Y = 64;

    /** Size of the full drawing at zoom 1. */
    public static double[] size(TreeSketch root) {
        return new double[] {root.leaves() * (NODE_W + GAP_X) - GAP_X, root.depth() * (NODE_H + GAP_Y) - GAP_Y};
    }

    /** The full drawing with labels, top-left at (x0, y0), scaled by {@code zoom}. */
    public static void draw(GraphicsContext g, TreeSketch root, double x0, double y0, double zoom, CanvasColors c) {
        List<Placed> nodes = place(root);
        double cellW = (NODE_W + GAP_X) * zoom;
        double cellH = (NODE_H + GAP_Y) * zoom;
        double w = NODE_W * zoom;
        double h = NODE_H * zoom;
        g.setLineWidth(Math.max(1, 1.4 * zoom));
        g.setStroke(c.edge());
        for (Placed p : nodes) {
            if (p.parent() == null) continue;
            double px = x0 + p.parent().x() * cellW + w / 2;
            double py = y0 + p.parent().depth() * cellH + h;
            double cx = x0 + p.x() * cellW + w / 2;
            double cy = y0 + p.depth() * cellH;
            double my = (py + cy) / 2;
            g.strokeLine(px, py, px, my);
            g.strokeLine(px, my, cx, my);
            g.strokeLine(cx, my, cx, cy);
        }
        Font title = Font.font("System", FontWeight.SEMI_BOLD, 13 * zoom);
        Font sub = Font.font("System", 10.5 * zoom);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (Placed p : nodes) {
            double x = x0 + p.x() * cellW;
            double y = y0 + p.depth() * cellH;
            Color k = c.kind(p.node().kind());
            double r = 10 * zoom;
            g.setFill(c.nodeFill());
            g.fillRoundRect(x, y, w, h, r, r);
            g.setFill(k.deriveColor(0, 1, 1, 0.10));
            g.fillRoundRect(x, y, w, h, r, r);
            g.setStroke(k);
            g.setLineWidth(Math.max(1, 1.3 * zoom));
            g.strokeRoundRect(x, y, w, h, r, r);
            g.setFill(k);
            g.fillRoundRect(x, y, 5 * zoom, h, r / 2, r / 2);
            String label = p.node().label().isBlank() ? kindTitle(p.node().kind()) : p.node().label();
            g.setFill(c.text());
            g.setFont(title);
            g.fillText(ellipsize(label, 20), x + 14 * zoom, y + h * 0.36, w - 20 * zoom);
            g.setFill(c.mutedText());
            g.setFont(sub);
            g.fillText(kindTitle(p.node().kind()), x + 14 * zoom, y + h * 0.70, w - 20 * zoom);
        }
    }

    static String kindTitle(String kind) {
        try {
            return PaletteItem.byKind(kind).title();
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }

    private static String ellipsize(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
