package dev.canopy.app.ui.sim;

import dev.canopy.app.ui.render.TreeCanvas;
import dev.canopy.diagrams.render.Theme;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Three trees side by side, one per restart strategy, after the same fault with the same seed,
 * each titled with its strategy and summarised (restarted / stopped by the supervisor). The
 * window names the seed used; Close or Esc closes it.
 */
public final class CompareView extends BorderPane {
    private final TreeCanvas[] canvases = new TreeCanvas[3];
    private final Label[] titles = new Label[3];
    private final Label[] summaries = new Label[3];

    public CompareView(CompareViewModel vm) {
        setId("compare-view");
        HBox row = new HBox(8);
        row.setPadding(new Insets(8));
        for (int i = 0; i < 3; i++) {
            canvases[i] = new TreeCanvas();
            canvases[i].setId("compare-canvas-" + i);
            canvases[i].setMiniMapEnabled(false);
            titles[i] = new Label(CompareViewModel.STRATEGIES.get(i).atom());
            titles[i].getStyleClass().add("title-4");
            summaries[i] = new Label("…");
            summaries[i].setId("compare-summary-" + i);
            summaries[i].setWrapText(true);
            VBox col = new VBox(4, titles[i], canvases[i], summaries[i]);
            VBox.setVgrow(canvases[i], Priority.ALWAYS);
            HBox.setHgrow(col, Priority.ALWAYS);
            col.setPrefWidth(400);
            row.getChildren().add(col);
        }
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setPadding(new Insets(6, 8, 0, 8));
        setTop(status);
        setCenter(row);
        Button close = new Button("Close");
        close.setId("compare-close");
        close.setCancelButton(true); // Esc closes too
        close.setOnAction(e -> {
            if (getScene() != null && getScene().getWindow() != null) getScene().getWindow().hide();
        });
        HBox buttons = new HBox(close);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(0, 8, 8, 8));
        setBottom(buttons);
        vm.results().addListener((ListChangeListener<CompareViewModel.Result>) c -> show(vm));
        show(vm);
    }

    private void show(CompareViewModel vm) {
        for (int i = 0; i < vm.results().size() && i < 3; i++) {
            CompareViewModel.Result r = vm.results().get(i);
            titles[i].setText(r.title());
            summaries[i].setText(r.summary());
            canvases[i].setTree(r.tree(), r.visuals());
            // The comparison is about one supervisor: frame its subtree so labels stay readable.
            TreeCanvas canvas = canvases[i];
            javafx.application.Platform.runLater(() -> canvas.fitTo(vm.supervisorPath()));
        }
    }

    public void setTheme(Theme theme) {
        for (TreeCanvas c : canvases) c.setTheme(theme);
    }

    public TreeCanvas canvas(int i) {
        return canvases[i];
    }

    /** Opens the comparison in its own window and runs it. */
    public static Stage open(Window owner, CompareViewModel vm, Theme theme) {
        CompareView view = new CompareView(vm);
        view.setTheme(theme);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                // the same stylesheets as the main window
                Scene s = new Scene(view, 1280, 640);
                s.getStylesheets().setAll(owner.getScene().getStylesheets());
                stage.setScene(s);
            }
        }
        if (stage.getScene() == null) stage.setScene(new Scene(view, 1280, 640));
        stage.setTitle(vm.title());
        // Esc closes the window wherever the focus is (the Close button is its cancel button as well).
        stage.getScene().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                stage.hide();
            }
        });
        stage.show();
        vm.run();
        return stage;
    }
}
