package dev.canopy.app.ui.otp;

import atlantafx.base.theme.Styles;
import dev.canopy.diagrams.sim.TraceCheck;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;

/**
 * Our trace and real OTP's side by side, one row per line, the differences marked (changed,
 * only ours, only OTP's). While it runs, ControlsFX's StatusBar shows what it is doing and its
 * progress. Close or Esc closes the window.
 */
public final class OtpCheckView extends BorderPane {
    private final TableView<TraceCheck.Row> table = new TableView<>();

    public OtpCheckView(OtpCheckViewModel vm) {
        setId("otp-check-view");
        Label verdict = new Label();
        verdict.setId("otp-verdict");
        verdict.getStyleClass().add(Styles.TITLE_4);
        verdict.textProperty().bind(Bindings.when(vm.busyProperty()).then("Checking…").otherwise(vm.verdictProperty()));
        Label what = new Label("The design and its fault script, as a conformance scenario: left our engine (the trace"
                + " `canopy trace` prints), right real OTP. Differences are marked.");
        what.setWrapText(true);
        what.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox top = new VBox(4, verdict, what);
        top.setPadding(new Insets(8));
        setTop(top);

        table.setId("otp-rows");
        table.getStyleClass().add(Styles.DENSE);
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No traces yet"));
        TableColumn<TraceCheck.Row, String> mark = column("", r -> switch (r.kind()) {
            case SAME -> "";
            case CHANGED -> "≠";
            case ONLY_OURS -> "−";
            case ONLY_OTP -> "+";
        });
        mark.setMaxWidth(32);
        mark.setMinWidth(32);
        table.getColumns().add(mark);
        table.getColumns().add(column("Canopy (seed " + vm.seed() + ")", TraceCheck.Row::ours));
        table.getColumns().add(column("Real OTP", TraceCheck.Row::otp));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TraceCheck.Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("otp-changed", "otp-only-ours", "otp-only-otp");
                setStyle("");
                if (empty || r == null || r.kind() == TraceCheck.Kind.SAME) return;
                getStyleClass().add(switch (r.kind()) {
                    case CHANGED -> "otp-changed";
                    case ONLY_OURS -> "otp-only-ours";
                    default -> "otp-only-otp";
                });
                // Marked in any theme: a tinted row and bold text.
                setStyle("-fx-background-color: " + switch (r.kind()) {
                    case CHANGED -> "rgba(230,120,20,0.28)";
                    case ONLY_OURS -> "rgba(220,40,40,0.22)";
                    default -> "rgba(40,160,60,0.22)";
                } + "; -fx-font-weight: bold;");
            }
        });
        setCenter(table);

        StatusBar status = new StatusBar();
        status.setId("otp-status");
        status.textProperty().bind(vm.statusProperty());
        status.progressProperty().bind(Bindings.when(vm.busyProperty()).then(vm.progressProperty()).otherwise(0.0));
        Button close = new Button("Close");
        close.setId("otp-close");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (getScene() != null) getScene().getWindow().hide();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(6, 8, 6, 8));
        setBottom(new VBox(buttons, status));
    }

    private static TableColumn<TraceCheck.Row, String> column(String title,
            java.util.function.Function<TraceCheck.Row, String> value) {
        TableColumn<TraceCheck.Row, String> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setStyle("-fx-font-family: monospace;");
            }
        });
        return c;
    }

    public TableView<TraceCheck.Row> table() {
        return table;
    }

    /** Opens the check in its own window (the owner's stylesheets) and starts it. */
    public static Stage open(Window owner, OtpCheckViewModel vm) {
        OtpCheckView view = new OtpCheckView(vm);
        Stage stage = new Stage();
        Scene scene = new Scene(view, 1100, 700);
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setTitle(vm.title());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.hide();
            }
        });
        stage.show();
        vm.run();
        return stage;
    }
}
