package dev.canopy.app.ui.errors;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Supplier;

/** Shows an {@link ErrorReport} as a modal dialog on the JavaFX thread; the stack trace stays collapsed. */
public final class CrashDialog {

    private CrashDialog() {
    }

    /**
     * A presenter for {@link CrashReporter}: {@code owner} supplies the main window (may give
     * null), {@code reporter} is told when the dialog is closed.
     */
    public static void show(ErrorReport report, Supplier<Window> owner, Runnable onDismissed) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> show(report, owner, onDismissed));
            return;
        }
        try {
            Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
            alert.setTitle("Canopy");
            alert.setHeaderText(report.headline());
            Label text = new Label(report.explanation());
            text.setWrapText(true);
            text.setMaxWidth(460);
            alert.getDialogPane().setContent(text);
            TextArea details = new TextArea(report.details());
            details.setEditable(false);
            details.setWrapText(false);
            details.setPrefRowCount(14);
            details.getStyleClass().add("crash-details");
            VBox.setVgrow(details, Priority.ALWAYS);
            alert.getDialogPane().setExpandableContent(new VBox(6, new Label("Technical details:"), details));
            alert.getDialogPane().setExpanded(false);
            Window w = owner.get();
            if (w != null && w.isShowing()) alert.initOwner(w);
            alert.setOnHidden(e -> onDismissed.run());
            alert.show();
        } catch (RuntimeException e) {
            onDismissed.run();
            throw e;
        }
    }
}
