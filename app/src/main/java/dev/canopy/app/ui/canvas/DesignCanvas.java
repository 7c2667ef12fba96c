package dev.canopy.app.ui.canvas;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.canopy.app.ui.edit.DropPlan;
import dev.canopy.app.ui.edit.DropPosition;
import dev.canopy.app.ui.edit.Dragged;
import dev.canopy.app.ui.edit.EditResult;
import dev.canopy.app.ui.palette.PaletteViewModel;
import dev.canopy.app.ui.render.TreeCanvas;
import dev.canopy.app.ui.theme.ThemeMode;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.render.DesignDiagram;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.render.Theme;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * The design editor's canvas: the design drawn by {@link TreeCanvas} (zoom, pan, fit, mini-map)
 * with the start order under each node; click selects (two-way with the editor's selection);
 * palette items and nodes dragged onto a node go inside it (middle) or before/after it (left or
 * right third, among its siblings), onto the background inside the root; the drop target is
 * outlined during the drag, in red with the reason when the drop would be refused.
 */
public final class DesignCanvas extends StackPane {

    /** The drag-and-drop format of palette items and canvas nodes: {@link Dragged#encode()} text. */
    public static final DataFormat DRAG_FORMAT = dragFormat();

    private final DocumentViewModel doc;
    private final TreeCanvas canvas = new TreeCanvas();
    private final Pane overlay = new Pane();
    private final Rectangle target = new Rectangle();
    private final Label hint = new Label();
    private final Consumer<EditResult> report;
    private Map<String, StyleToken> highlights = Map.of();
    private boolean syncingSelection;
    private boolean mirroringZoom;

    public DesignCanvas(DocumentViewModel doc, ObservableValue<ThemeMode> theme, Consumer<EditResult> report) {
        this.doc = doc;
        this.report = report;
        getStyleClass().add("design-canvas");
        setMinSize(0, 0);
        target.getStyleClass().add("drop-target");
        target.setArcWidth(14);
        target.setArcHeight(14);
        target.setVisible(false);
        hint.getStyleClass().add("drop-hint");
        hint.setVisible(false);
        overlay.getChildren().addAll(target, hint);
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        getChildren().addAll(canvas, overlay);

        canvas.setTheme(theme.getValue().isDark() ? Theme.dark() : Theme.light());
        theme.addListener((o, a, b) -> canvas.setTheme(b.isDark() ? Theme.dark() : Theme.light()));
        redrawTree();
        doc.editor().designProperty().addListener((o, a, b) -> redrawTree());

        canvas.selectedKeyProperty().set(doc.editor().selectionProperty().get());
        canvas.selectedKeyProperty().addListener((o, a, b) -> {
            if (!syncingSelection) doc.editor().select(b);
        });
        doc.editor().selectionProperty().addListener((o, a, b) -> {
            syncingSelection = true;
            try {
                canvas.selectedKeyProperty().set(b);
            } finally {
                syncingSelection = false;
            }
        });
        // The camera is the zoom's one source of truth (wheel, keys, fit, find); the document mirrors it.
        canvas.scaleProperty().addListener((o, a, b) -> {
            mirroringZoom = true;
            try {
                doc.setZoom(b.doubleValue());
            } finally {
                mirroringZoom = false;
            }
        });
        doc.zoomProperty().addListener((o, a, b) -> {
            if (!mirroringZoom) canvas.zoomTo(b.doubleValue());
        });
        doc.fitRequestsProperty().addListener((o, a, b) -> canvas.fit());
        wireDragAndDrop();
    }

    private static DataFormat dragFormat() {
        DataFormat f = DataFormat.lookupMimeType(PaletteViewModel.DRAG_MIME);
        return f != null ? f : new DataFormat(PaletteViewModel.DRAG_MIME);
    }

    public TreeCanvas treeCanvas() {
        return canvas;
    }

    /** Colours nodes by state token (what-if highlights); an empty map shows the plain design. */
    public void highlight(Map<String, StyleToken> states) {
        highlights = Map.copyOf(states);
        DesignDiagram d = DesignDiagram.of(doc.design(), highlights);
        canvas.restyle(d.visuals());
    }

    private void redrawTree() {
        Design design = doc.design();
        java.util.Optional<PreparedDesign> prepared = doc.prepared();
        if (prepared.isPresent() && highlights.isEmpty()) {
            // opened from a big file: the diagram and its layout were made off the FX thread
            DesignDiagram d = prepared.get().diagram();
            canvas.setTree(d.tree(), d.visuals(), prepared.get().layout());
        } else {
            DesignDiagram d = DesignDiagram.of(design, highlights);
            canvas.setTree(d.tree(), d.visuals());
        }
        canvas.selectedKeyProperty().set(doc.editor().selectionProperty().get());
    }

    // ---- drag and drop

    private void wireDragAndDrop() {
        canvas.addEventFilter(MouseEvent.DRAG_DETECTED, e -> {
            Optional<String> hit = canvas.hitTest(e.getX(), e.getY());
            if (hit.isEmpty() || hit.get().equals(doc.design().root().id())) return;
            Dragboard db = canvas.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent c = new ClipboardContent();
            c.put(DRAG_FORMAT, Dragged.node(hit.get()).encode());
            db.setContent(c);
            e.consume();
        });
        setOnDragOver(e -> {
            Optional<Dragged> d = dragged(e.getDragboard());
            if (d.isPresent()) {
                Drop drop = dropAt(d.get(), e.getX(), e.getY());
                showFeedback(drop);
                if (drop.plan() instanceof DropPlan.Allowed) {
                    e.acceptTransferModes(d.get() instanceof Dragged.ExistingNode ? TransferMode.MOVE : TransferMode.COPY);
                }
            }
            e.consume();
        });
        setOnDragExited(e -> hideFeedback());
        setOnDragDropped(this::dropped);
    }

    private void dropped(DragEvent e) {
        Optional<Dragged> d = dragged(e.getDragboard());
        boolean ok = false;
        if (d.isPresent()) ok = drop(d.get(), e.getX(), e.getY()).applied();
        hideFeedback();
        e.setDropCompleted(ok);
        e.consume();
    }

    /** Drops {@code dragged} at a point of this canvas (what a drag release does); reports the result. */
    public EditResult drop(Dragged dragged, double x, double y) {
        Drop drop = dropAt(dragged, x, y);
        EditResult r = doc.drop(dragged, drop.target(), drop.position());
        report.accept(r);
        return r;
    }

    private static Optional<Dragged> dragged(Dragboard db) {
        if (db.hasContent(DRAG_FORMAT)) return Dragged.decode(String.valueOf(db.getContent(DRAG_FORMAT)));
        return Optional.empty();
    }

    /** Where a drop at (x, y) lands and what it would do. */
    public record Drop(String target, DropPosition position, DropPlan plan, Rectangle2D rect) {
    }

    public Drop dropAt(Dragged dragged, double x, double y) {
        Optional<String> hit = canvas.hitTest(x, y);
        if (hit.isEmpty()) {
            String root = doc.design().root().id();
            return new Drop(root, DropPosition.INSIDE, doc.editor().planDrop(dragged, root, DropPosition.INSIDE),
                    canvas.screenRect(root).orElse(null));
        }
        String key = hit.get();
        Rectangle2D r = canvas.screenRect(key).orElse(new Rectangle2D(x, y, 1, 1));
        double fx = (x - r.getMinX()) / Math.max(1, r.getWidth());
        DropPosition pos = fx < 0.25 ? DropPosition.BEFORE : fx > 0.75 ? DropPosition.AFTER : DropPosition.INSIDE;
        DropPlan plan = doc.editor().planDrop(dragged, key, pos);
        if (pos == DropPosition.INSIDE && plan instanceof DropPlan.Refused) {
            DropPosition side = fx < 0.5 ? DropPosition.BEFORE : DropPosition.AFTER;
            DropPlan alt = doc.editor().planDrop(dragged, key, side);
            if (alt instanceof DropPlan.Allowed) {
                pos = side;
                plan = alt;
            }
        }
        return new Drop(key, pos, plan, r);
    }

    private void showFeedback(Drop drop) {
        boolean ok = drop.plan() instanceof DropPlan.Allowed;
        Rectangle2D r = drop.rect();
        if (r == null) {
            hideFeedback();
            return;
        }
        double x = r.getMinX() - 4;
        double w = r.getWidth() + 8;
        if (drop.position() == DropPosition.BEFORE) {
            x = r.getMinX() - 8;
            w = 5;
        } else if (drop.position() == DropPosition.AFTER) {
            x = r.getMaxX() + 3;
            w = 5;
        }
        target.setX(x);
        target.setY(r.getMinY() - 4);
        target.setWidth(w);
        target.setHeight(r.getHeight() + 8);
        target.getStyleClass().removeAll("allowed", "refused");
        target.getStyleClass().add(ok ? "allowed" : "refused");
        target.setVisible(true);
        String text = switch (drop.plan()) {
            case DropPlan.Allowed a -> switch (drop.position()) {
                case INSIDE -> "Add inside '" + last(drop.target()) + "'";
                case BEFORE -> "Place before '" + last(drop.target()) + "'";
                case AFTER -> "Place after '" + last(drop.target()) + "'";
            };
            case DropPlan.Refused f -> f.reason();
        };
        hint.setText(text);
        hint.getStyleClass().removeAll("allowed", "refused");
        hint.getStyleClass().add(ok ? "allowed" : "refused");
        hint.relocate(Math.max(4, r.getMinX()), r.getMaxY() + 8);
        hint.setVisible(true);
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void hideFeedback() {
        target.setVisible(false);
        hint.setVisible(false);
    }
}
