package dev.canopy.app.ui.main;

import java.util.ArrayList;
import java.util.List;

import dev.canopy.app.ui.render.TreeCanvas;
import dev.canopy.diagrams.layout.Layout;

import dev.canopy.app.ui.canvas.DocumentViewModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Popup;
import javafx.scene.layout.VBox;

/**
 * The "Find process" popup (Shortcut+F): a search field and the nodes of the canvas in view (the
 * design's, or a simulation's processes) whose id, label, registered name or via-key contains its
 * text; Enter or a click reveals the node (expanding collapsed ancestors), selects, centres and
 * flashes it; Escape closes it.
 */
final class FindPopup {

    final Popup popup = new Popup();
    final TextField field = new TextField();
    final ListView<FindProcess.Match> list = new ListView<>();
    private final Label none = new Label("No process matches");
    private DocumentViewModel doc;
    private TreeCanvas canvas;

    FindPopup() {
        field.setId("find-field");
        field.setPromptText("Find a process by id, label, name or via-key");
        field.setPrefColumnCount(28);
        list.setId("find-results");
        list.setPrefHeight(220);
        list.setPlaceholder(none);
        VBox box = new VBox(field, list);
        box.getStyleClass().add("find-popup");
        box.setId("find-popup");
        box.setPrefWidth(360);
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
        field.textProperty().addListener((o, a, b) -> refresh());
        field.setOnAction(e -> choose());
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty()) list.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) choose();
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) choose();
        });
    }

    /** Opens the popup over {@code anchor} for the nodes on {@code canvas} (described from the design). */
    void show(DocumentViewModel doc, TreeCanvas canvas, Node anchor) {
        this.doc = doc;
        this.canvas = canvas;
        field.clear();
        refresh();
        if (anchor != null && anchor.getScene() != null) {
            Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
            if (b != null) popup.show(anchor, b.getMinX() + Math.max(0, (b.getWidth() - 360) / 2), b.getMinY() + 40);
        }
        field.requestFocus();
    }

    void refresh() {
        if (doc == null) return;
        list.getItems().setAll(FindProcess.matches(doc.design(), shown(), field.getText()));
        if (!list.getItems().isEmpty()) list.getSelectionModel().selectFirst();
    }

    /** The nodes on the canvas in tree order (breadth-first), with the labels drawn on them. */
    private List<FindProcess.Shown> shown() {
        Layout l = canvas == null ? null : canvas.treeLayout().orElse(null);
        if (l == null) {
            return dev.canopy.diagrams.design.DesignPaths.allPaths(doc.design()).stream()
                    .map(p -> new FindProcess.Shown(p, "")).toList();
        }
        List<FindProcess.Shown> out = new ArrayList<>(l.size());
        for (int k = 0; k < l.size(); k++) {
            String key = l.key(l.breadthFirstNode(k));
            out.add(new FindProcess.Shown(key, canvas.visual(key).map(v -> v.label()).orElse("")));
        }
        return out;
    }

    /** Selects the highlighted match (the first one by default), centres on it and closes. */
    void choose() {
        FindProcess.Match m = list.getSelectionModel().getSelectedItem();
        if (m == null && !list.getItems().isEmpty()) m = list.getItems().getFirst();
        if (m == null || doc == null) return;
        if (canvas != null) canvas.reveal(m.path());
        else doc.editor().select(m.path());
        popup.hide();
    }
}
