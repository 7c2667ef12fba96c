package dev.canopy.app.ui.sim;

import java.util.List;

import dev.canopy.app.ui.render.CanvasRenderer;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.render.Theme;
import dev.canopy.diagrams.sim.ClusterView;
import dev.canopy.diagrams.sim.NodePaths;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The network of a cluster run, above its lanes: one disc per node, the link between every pair
 * (solid when up, red and dashed when cut, amber with its delay when slow) and, under each node,
 * what it knows of each global name: held here (★), reached on another node (→ b), or unknown
 * there (a call from that node gets noproc). Redrawn when the run's {@link ClusterView} changes.
 */
final class ClusterStrip extends Region {
    static final double HEIGHT = 112;
    private static final double RADIUS = 17;
    private final Canvas canvas = new Canvas();
    private ClusterView view;
    private Theme theme = Theme.light();

    ClusterStrip(SimulatorViewModel vm) {
        setId("cluster-strip");
        getStyleClass().add("cluster-strip");
        getChildren().add(canvas);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        vm.clusterProperty().addListener((o, was, now) -> {
            view = now;
            draw();
        });
        view = vm.clusterProperty().get();
        widthProperty().addListener(o -> draw());
    }

    void setTheme(Theme t) {
        theme = t;
        draw();
    }

    /** What is drawn now (for tests). */
    ClusterView shown() {
        return view;
    }

    @Override protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(HEIGHT);
        draw();
    }

    private double nodeX(int i, int n, double w) {
        double left = 110, right = Math.max(left + 1, w - 110);
        return n == 1 ? (left + right) / 2 : left + i * (right - left) / (n - 1);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        g.setFill(CanvasRenderer.color(theme, StyleToken.BACKGROUND));
        g.fillRect(0, 0, w, HEIGHT);
        Color text = CanvasRenderer.color(theme, StyleToken.LABEL);
        Color muted = CanvasRenderer.color(theme, StyleToken.SUBLABEL);
        g.setStroke(CanvasRenderer.color(theme, StyleToken.EDGE));
        g.setLineWidth(1);
        g.strokeLine(0, HEIGHT - 0.5, w, HEIGHT - 0.5);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setFill(muted);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("NETWORK", 12, 16);
        if (view == null) return;
        List<String> nodes = view.nodes();
        double y = 50;
        for (var link : view.links()) drawLink(g, link, nodes, w, y);
        for (int i = 0; i < nodes.size(); i++) drawNode(g, nodes.get(i), nodeX(i, nodes.size(), w), y, text, muted);
        legend(g, w, text, muted);
    }

    private void drawLink(GraphicsContext g, ClusterView.Link l, List<String> nodes, double w, double y) {
        int i = nodes.indexOf(l.a()), j = nodes.indexOf(l.b());
        double x1 = nodeX(i, nodes.size(), w), x2 = nodeX(j, nodes.size(), w);
        Color up = CanvasRenderer.color(theme, StyleToken.STATE_RUNNING);
        Color cut = CanvasRenderer.color(theme, StyleToken.STATE_GAVE_UP);
        Color slow = CanvasRenderer.color(theme, StyleToken.STATE_RESTARTING);
        g.setStroke(!l.up() ? cut : l.delayMs() > 0 ? slow : up);
        g.setLineWidth(l.up() ? 2.5 : 2);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineDashes(l.up() ? null : new double[] {7, 6});
        // Neighbours: a straight line; farther pairs arc above, higher the farther apart.
        double lift = (Math.abs(j - i) - 1) * 30;
        double mx = (x1 + x2) / 2, my = y - lift * 1.6;
        g.beginPath();
        g.moveTo(x1, y);
        if (lift == 0) g.lineTo(x2, y); else g.quadraticCurveTo(mx, my, x2, y);
        g.stroke();
        g.setLineDashes(null);
        double ly = lift == 0 ? y : y - lift * 0.8;
        String tag = !l.up() ? "✕ cut" : l.delayMs() > 0 ? l.delayMs() + " ms" : null;
        if (tag != null) {
            g.setFont(Font.font(null, FontWeight.BOLD, 11));
            g.setTextAlign(TextAlignment.CENTER);
            double tw = tag.length() * 6.5 + 10;
            g.setFill(CanvasRenderer.color(theme, StyleToken.BACKGROUND));
            g.fillRoundRect(mx - tw / 2, ly - 9, tw, 18, 8, 8);
            g.setFill(!l.up() ? cut : slow);
            g.fillText(tag, mx, ly);
        }
    }

    private void drawNode(GraphicsContext g, String n, double x, double y, Color text, Color muted) {
        boolean isDown = view.isDown(n);
        boolean alone = !isDown && view.links().stream().noneMatch(l -> l.up() && (l.a().equals(n) || l.b().equals(n)));
        g.setFill(isDown ? CanvasRenderer.color(theme, StyleToken.GAUGE_TRACK) : CanvasRenderer.color(theme, StyleToken.BACKGROUND));
        g.fillOval(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS);
        g.setStroke(CanvasRenderer.color(theme, isDown ? StyleToken.STATE_EXITED : alone ? StyleToken.STATE_GAVE_UP : StyleToken.NODE_SUPERVISOR));
        g.setLineWidth(2.5);
        g.strokeOval(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS);
        g.setFill(text);
        g.setFont(Font.font(null, FontWeight.BOLD, 15));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(n, x, y);
        g.setFont(Font.font(null, FontWeight.NORMAL, 11));
        double ty = y + RADIUS + 13;
        var names = view.names().stream().map(ClusterView.GlobalName::name).distinct().toList();
        if (isDown) {
            g.setFill(muted);
            g.fillText("node down", x, ty);
            return;
        }
        for (String name : names) {
            var seen = view.seenOn(n, name);
            String line;
            if (seen.isEmpty()) {
                g.setFill(CanvasRenderer.color(theme, StyleToken.STATE_GAVE_UP));
                line = "✕ " + name + " unknown here";
            } else {
                var holderNode = NodePaths.nodeOf(seen.get().holderPath()).orElse("?");
                boolean own = holderNode.equals(n);
                g.setFill(own ? CanvasRenderer.color(theme, StyleToken.STATE_RUNNING) : muted);
                line = own ? "★ " + name + " " + seen.get().pid() : name + " → " + seen.get().pid() + " on " + holderNode;
            }
            g.fillText(line, x, ty);
            ty += 14;
        }
        if (alone) {
            g.setFill(CanvasRenderer.color(theme, StyleToken.STATE_GAVE_UP));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("alone", x + RADIUS + 5, y + RADIUS - 2);
        }
    }

    private void legend(GraphicsContext g, double w, Color text, Color muted) {
        double x = w - 520, y = HEIGHT - 12;
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(null, FontWeight.NORMAL, 11));
        Object[][] rows = {
                {StyleToken.STATE_RUNNING, null, "connected"},
                {StyleToken.STATE_GAVE_UP, new double[] {7, 6}, "cut (netsplit)"},
                {StyleToken.STATE_RESTARTING, null, "delayed link"},
        };
        for (Object[] r : rows) {
            g.setStroke(CanvasRenderer.color(theme, (StyleToken) r[0]));
            g.setLineWidth(2.5);
            g.setLineDashes((double[]) r[1]);
            g.strokeLine(x, y, x + 28, y);
            g.setLineDashes(null);
            g.setFill(muted);
            g.fillText((String) r[2], x + 34, y);
            x += 34 + ((String) r[2]).length() * 6.2 + 18;
        }
        g.setFill(muted);
        g.fillText("★ holds the global name", x, y);
        g.setFill(text);
    }
}
