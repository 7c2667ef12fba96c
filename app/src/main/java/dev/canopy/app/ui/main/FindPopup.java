package dev.canopy.app.ui.main;

import java.util.function.Consumer;

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
 * The "Find process" popup (Shortcut+F): a search field and the nodes whose id or label contains
 * its text; Enter or a click selects the node and centres the canvas on it; Escape closes it.
 */
final class FindPopup {

    final Popup popup = new Popup();
    final TextField field = new TextField();
    final ListView<FindProcess.Match> list = new ListView<>();
    private final Label none = new Label("No process matches");
    private DocumentViewModel doc;
    private final Consumer<String> reveal;

    /** {@code reveal}: centres the active canvas on a node path. */
    FindPopup(Consumer<String> reveal) {
        this.reveal = reveal;
        field.setId("find-field");
        field.setPromptText("Find a process by id or label");
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

    /** Opens the popup over {@code anchor} for the design. */
    void show(DocumentViewModel doc, Node anchor) {
        this.doc = doc;
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
        list.getItems().setAll(FindProcess.matches(doc.design(), field.getText()));
        if (!list.getItems().isEmpty()) list.getSelectionModel().selectFirst();
    }

    /** Selects the highlighted match (the first one by default), centres on it and closes. */
    void choose() {
        FindProcess.Match m = list.getSelectionModel().getSelectedItem();
        if (m == null && !list.getItems().isEmpty()) m = list.getItems().getFirst();
        if (m == null || doc == null) return;
        doc.editor().select(m.path());
        reveal.accept(m.path());
        popup.hide();
    }
}
