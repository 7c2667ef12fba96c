package dev.canopy.app.ui.attach;

import java.util.Optional;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.diagrams.attach.AttachOptions;
import dev.canopy.diagrams.attach.AttachResult;
import dev.canopy.diagrams.attach.NodeBridge;

/**
 * "Attach to a running node…": asks for the node and its cookie (a password field; the cookie
 * stays in memory, never in preferences or recent files), attaches in the background and shows
 * the failure's sentence in the dialog, or hands the attached bridge over.
 */
public final class AttachDialog {

    private AttachDialog() {}

    public static void show(Window owner, Dispatch dispatch, Consumer<AttachResult.Attached> attached,
                            java.util.function.Function<AttachOptions, AttachOptions> withListener,
                            dev.canopy.diagrams.attach.LiveWatch watch) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Attach to a running node");
        d.setHeaderText("Canopy starts a hidden Erlang node with your erl and reads the node's trees (read-only).");
        TextField node = new TextField();
        node.setId("attach-node");
        node.setPromptText("myapp@localhost");
        PasswordField cookie = new PasswordField();
        cookie.setId("attach-cookie");
        cookie.setPromptText("empty: ~/.erlang.cookie");
        Label error = new Label();
        error.setId("attach-error");
        error.setWrapText(true);
        error.setPrefWidth(460);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label("Node"), node);
        g.addRow(1, new Label("Cookie"), cookie);
        g.add(error, 0, 2, 2, 1);
        d.getDialogPane().setContent(g);
        ButtonType attach = new ButtonType("Attach", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(attach, ButtonType.CANCEL);
        var button = d.getDialogPane().lookupButton(attach);
        button.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            button.setDisable(true);
            error.setText("Attaching to " + node.getText().strip() + "…");
            Optional<String> c = cookie.getText().isEmpty() ? Optional.empty() : Optional.of(cookie.getText());
            AttachOptions options = withListener.apply(AttachOptions.of(node.getText().strip(), c));
            dispatch.async(() -> NodeBridge.attach(options, watch), r -> {
                button.setDisable(false);
                switch (r) {
                    case AttachResult.NotAttached n -> error.setText(n.failure().sentence());
                    case AttachResult.Attached a -> {
                        d.close();
                        attached.accept(a);
                    }
                }
            });
        });
        d.show();
    }
}
