package dev.canopy.app.ui.main;

import dev.canopy.app.ui.edit.ProblemIndex;
import dev.canopy.app.ui.text.Plural;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;

/**
 * "Cannot simulate: the design has N problems": every problem, each a link that selects its node
 * and focuses its field in the inspector. Not modal, so that the user can fix one problem and
 * come back for the next.
 */
final class ProblemsPopup {

    private final MainViewModel vm;
    private final Node owner;
    private Dialog<ButtonType> dialog;

    ProblemsPopup(MainViewModel vm, Node owner) {
        this.vm = vm;
        this.owner = owner;
    }

    void show(BlockedRun blocked) {
        if (dialog == null) {
            dialog = new Dialog<>();
            dialog.initModality(Modality.NONE);
            dialog.setTitle("Cannot simulate");
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            dialog.getDialogPane().setId("problems-dialog");
            if (owner.getScene() != null && owner.getScene().getWindow() != null) dialog.initOwner(owner.getScene().getWindow());
        }
        int n = blocked.problems().size();
        dialog.setHeaderText("\"" + blocked.document().nameProperty().get() + "\" has " + Plural.of(n, "problem")
                + " to fix before it can run");
        VBox list = new VBox(6);
        list.setId("problems-list");
        int i = 0;
        for (ProblemIndex.Placed p : blocked.problems()) {
            Hyperlink link = new Hyperlink(BlockedRun.where(p));
            link.setMnemonicParsing(false);
            link.setId("problem-link-" + i++);
            link.setOnAction(e -> {
                // the main window takes the keyboard, so that the focused field shows and can be typed in
                if (owner.getScene() != null && owner.getScene().getWindow() != null) owner.getScene().getWindow().requestFocus();
                vm.goTo(blocked.document(), p);
            });
            Label message = new Label(p.problem().message());
            message.setWrapText(true);
            message.setMaxWidth(520);
            list.getChildren().add(new VBox(0, link, message));
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(400, 100.0 * n));
        scroll.setPrefViewportWidth(540);
        dialog.getDialogPane().setContent(scroll);
        if (!dialog.isShowing()) dialog.show();
    }
}
