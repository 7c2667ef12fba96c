package dev.canopy.app.ui.main;

import dev.canopy.app.ui.canvas.DocumentViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The strip under the main window: the last status message and, while a file opens, its
 * progress on the left; the active design's process count and zoom on the right.
 */
final class StatusBar extends HBox {

    private final Label zoom = new Label();
    private final Label procs = new Label();

    StatusBar(MainViewModel vm) {
        super(16);
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        vm.activeProperty().addListener((o, a, b) -> follow(b));
        follow(vm.activeProperty().get());
        // a big file is read, checked and laid out in the background: how far it has come
        ProgressBar opening = new ProgressBar();
        opening.setId("open-progress");
        opening.setPrefWidth(140);
        opening.setMinWidth(140);
        opening.progressProperty().bind(vm.openProgressProperty());
        opening.visibleProperty().bind(vm.openingProperty());
        opening.managedProperty().bind(vm.openingProperty());
        getChildren().addAll(status, opening, spacer, procs, zoom);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        setId("status-bar");
    }

    /** Shows the zoom and process count of {@code d} (nothing for the start page). */
    private void follow(DocumentViewModel d) {
        zoom.textProperty().unbind();
        procs.textProperty().unbind();
        if (d == null) {
            zoom.setText("");
            procs.setText("");
            return;
        }
        zoom.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(d.zoomProperty().get() * 100) + "%", d.zoomProperty()));
        procs.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = d.processCountBinding().get();
            return n == 1 ? "1 process" : n + " processes";
        }, d.processCountBinding()));
    }
}
