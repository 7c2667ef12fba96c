package dev.canopy.app.ui.canvas;

import dev.canopy.app.ui.palette.PaletteItem;
import dev.canopy.app.ui.palette.PaletteViewModel;
import dev.canopy.app.ui.start.TreeSketch;
import dev.canopy.app.ui.theme.CanvasColors;
import dev.canopy.app.ui.theme.ThemeMode;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.function.Consumer;

/**
 * The design canvas: a {@link Canvas} that fills this resizable pane and redraws when the pane's
 * size, the design's tree, the zoom or the theme change. Accepts palette items dropped on it;
 * Ctrl + wheel zooms.
 */
public final class DesignCanvasView extends Pane {

    /** The drag-and-drop format of palette items (one instance per JVM, as JavaFX requires). */
    public static final DataFormat PALETTE_FORMAT = paletteFormat();

    private final Canvas canvas = new Canvas();
    private final DocumentViewModel doc;
    private final ObservableValue<ThemeMode> theme;
    private boolean dragHover;

    public DesignCanvasView(DocumentViewModel doc, ObservableValue<ThemeMode> theme, Consumer<PaletteItem> onDrop) {
        this.doc = doc;
        this.theme = theme;
        getStyleClass().add("design-canvas");
        getChildren().add(canvas);
        setMinSize(0, 0);
        doc.treeProperty().addListener((o, a, b) -> redraw());
        doc.zoomProperty().addListener((o, a, b) -> redraw());
        theme.addListener((o, a, b) -> redraw());

        setOnDragOver(e -> {
            if (e.getDragboard().hasContent(PALETTE_FORMAT)) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!dragHover) {
                    dragHover = true;
                    redraw();
                }
            }
            e.consume();
        });
        setOnDragExited(e -> {
            dragHover = false;
            redraw();
        });
        setOnDragDropped(e -> {
            Dragboard db = e.getDragboard();
            boolean ok = false;
            if (db.hasContent(PALETTE_FORMAT)) {
                try {
                    onDrop.accept(PaletteItem.byKind(String.valueOf(db.getContent(PALETTE_FORMAT))));
                    ok = true;
                } catch (IllegalArgumentException ignored) {
                    // not one of ours
                }
            }
            dragHover = false;
            e.setDropCompleted(ok);
            e.consume();
            redraw();
        });
        addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0) {
                if (e.getDeltaY() > 0) doc.zoomIn();
                else doc.zoomOut();
                e.consume();
            }
        });
    }

    private static DataFormat paletteFormat() {
        DataFormat f = DataFormat.lookupMimeType(PaletteViewModel.DRAG_MIME);
        return f != null ? f : new DataFormat(PaletteViewModel.DRAG_MIME);
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) return;
        CanvasColors c = CanvasColors.of(theme.getValue());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(c.background());
        g.fillRect(0, 0, w, h);
        double zoom = doc.zoomProperty().get();
        drawGrid(g, w, h, zoom, c);
        TreeSketch tree = doc.treeProperty().get();
        if (tree == null) {
            drawEmptyState(g, w, h, c);
        } else {
            double[] size = TreeSketchPainter.size(tree);
            // 100% means "as large as fits": a tree wider or taller than the canvas is scaled down
            double fit = Math.min(1, Math.min((w - 48) / size[0], (h - 64) / size[1]));
            zoom *= Math.max(0.2, fit);
            double dw = size[0] * zoom;
            double dh = size[1] * zoom;
            double x0 = Math.max(24, (w - dw) / 2);
            double y0 = Math.max(32, Math.min((h - dh) / 2, 72));
            TreeSketchPainter.draw(g, tree, x0, y0, zoom, c);
        }
        if (dragHover) {
            g.setStroke(c.supervisor());
            g.setLineWidth(2);
            g.setLineDashes(8, 6);
            g.strokeRoundRect(6, 6, w - 12, h - 12, 12, 12);
            g.setLineDashes();
        }
    }

    private static void drawGrid(GraphicsContext g, double w, double h, double zoom, CanvasColors c) {
        double step = 24 * zoom;
        if (step < 8) step *= 4;
        g.setFill(c.gridMajor());
        double dot = Math.max(1.2, 1.6 * Math.min(zoom, 1.5));
        for (double x = step; x < w; x += step) {
            for (double y = step; y < h; y += step) {
                g.fillOval(x - dot / 2, y - dot / 2, dot, dot);
            }
        }
    }

    private static void drawEmptyState(GraphicsContext g, double w, double h, CanvasColors c) {
        double cx = w / 2;
        double cy = h / 2;
        g.setStroke(c.edge());
        g.setLineWidth(1.5);
        g.setLineDashes(6, 5);
        g.strokeRoundRect(cx - 170, cy - 58, 340, 116, 16, 16);
        g.setLineDashes();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(c.text());
        g.setFont(Font.font("System", 15));
        g.fillText("Drop a Supervisor here to start", cx, cy - 12);
        g.setFill(c.mutedText());
        g.setFont(Font.font("System", 12));
        g.fillText("Drag node kinds from the palette on the left", cx, cy + 14);
    }
}
