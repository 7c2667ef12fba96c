package dev.canopy.app.ui.attach;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import dev.canopy.app.ui.render.TreeCanvas;
import dev.canopy.diagrams.attach.LiveImport;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.render.NodeVisual;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.render.Theme;

/**
 * An attached cluster on the design canvas: every node side by side with its applications'
 * supervision trees, refreshed live; exits and restarts flash over their process. Right: the
 * selected process and its restart history. Top: the connection (with Reconnect when it is
 * lost), the opt-in destructive actions, "Import as design" and "Replay in the simulator".
 */
public final class AttachView extends BorderPane {

    /** What the main window does with an imported design: open it (and run it, for a replay). */
    public interface Opener {
        void open(Design design, List<String> unread, boolean replay);
    }

    private final AttachViewModel vm;
    private final TreeCanvas canvas = new TreeCanvas();
    private List<String> shownKeys = List.of();

    public AttachView(AttachViewModel vm, Opener opener) {
        this.vm = vm;
        setId("attach-view");
        canvas.setId("attach-canvas");
        vm.mappedProperty().addListener((o, a, m) -> show(m));
        vm.onFlash(f -> canvas.flash(f.key(), f.text(), f.exit() ? StyleToken.STATE_RESTARTING : StyleToken.STATE_RUNNING));
        canvas.selectedKeyProperty().addListener((o, a, b) -> vm.selectedKeyProperty().set(b));

        Label status = new Label();
        status.setId("attach-status");
        status.textProperty().bind(vm.statusProperty());
        Button reconnect = new Button("Reconnect");
        reconnect.setId("attach-reconnect");
        reconnect.visibleProperty().bind(vm.connectedProperty().not());
        reconnect.managedProperty().bind(reconnect.visibleProperty());
        reconnect.setOnAction(e -> vm.reconnect());
        CheckBox otp = new CheckBox("OTP applications");
        otp.selectedProperty().bindBidirectional(vm.showOtpAppsProperty());
        CheckBox destructive = new CheckBox("Allow destructive actions");
        destructive.setId("attach-destructive");
        destructive.selectedProperty().bindBidirectional(vm.destructiveAllowedProperty());
        Button kill = new Button("Kill…");
        kill.setId("attach-kill");
        kill.disableProperty().bind(vm.destructiveAllowedProperty().not());
        kill.setOnAction(e -> confirmExit("kill"));
        Button exit = new Button("Send exit…");
        exit.disableProperty().bind(vm.destructiveAllowedProperty().not());
        exit.setOnAction(e -> chooseReason());
        Button importDesign = new Button("Import as design");
        importDesign.setId("attach-import");
        importDesign.setOnAction(e -> importDesign(opener));
        Button replay = new Button("Replay in the simulator");
        replay.setId("attach-replay");
        replay.setOnAction(e -> replay(opener));
        Button fit = new Button("Fit");
        fit.setOnAction(e -> canvas.fit());
        setTop(new ToolBar(status, reconnect, new Separator(), otp, fit, new Separator(), importDesign, replay));

        ListView<String> details = new ListView<>(vm.details());
        details.setId("attach-details");
        ListView<String> history = new ListView<>(vm.history());
        history.setId("attach-history");
        history.setPlaceholder(new Label("No exits or restarts yet"));
        javafx.scene.layout.HBox actions = new javafx.scene.layout.HBox(6, kill, exit);
        VBox side = new VBox(6, new Label("Process"), details, new Label("Restart history"), history, destructive, actions);
        side.setPadding(new Insets(6));
        side.setMinWidth(220);
        SplitPane split = new SplitPane(canvas, side);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.8);
        split.setBackground(null); // Prism would blend the theme's transparent fill under the canvas at every frame (see SimulatorView)
        SplitPane.setResizableWithParent(side, false);
        setCenter(split);
        if (vm.mappedProperty().get() != null) show(vm.mappedProperty().get());
    }

    public void setTheme(Theme theme) {
        canvas.setTheme(theme);
    }

    public TreeCanvas canvas() {
        return canvas;
    }

    public AttachViewModel viewModel() {
        return vm;
    }

    private void show(LiveVisualMapper.Mapped m) {
        if (m == null) return;
        List<String> keys = m.visuals().stream().map(NodeVisual::key).toList();
        if (!keys.equals(shownKeys)) {
            boolean first = shownKeys.isEmpty();
            canvas.setTree(m.tree(), m.visuals());
            shownKeys = keys;
            if (first) canvas.fit();
        } else {
            canvas.restyle(m.visuals());
        }
    }

    private void confirmExit(String reason) {
        Optional<dev.canopy.diagrams.attach.LiveProcess> p = vm.selectedProcess();
        if (p.isEmpty() || !p.get().running()) {
            new Alert(Alert.AlertType.INFORMATION, "Select a running process on the canvas first.").showAndWait();
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Send exit(" + p.get().pid() + ", " + reason + ") to " + p.get().id() + " on the real node " + vm.target() + "?",
                ButtonType.CANCEL, ButtonType.OK);
        confirm.setHeaderText("This changes the running system");
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) vm.sendExit(reason);
    }

    private void chooseReason() {
        ChoiceDialog<String> d = new ChoiceDialog<>("shutdown", List.of("shutdown", "kill", "normal", "boom"));
        d.setHeaderText("Exit reason");
        d.showAndWait().ifPresent(this::confirmExit);
    }

    private void importDesign(Opener opener) {
        Optional<LiveImport.Imported> imported = vm.importDesign();
        if (imported.isEmpty()) {
            new Alert(Alert.AlertType.INFORMATION, "Select an application (or one of its processes) on the canvas first.").showAndWait();
            return;
        }
        opener.open(imported.get().design(), imported.get().unread(), false);
    }

    private void replay(Opener opener) {
        Optional<Design> d = vm.replayDesign();
        if (d.isEmpty()) {
            new Alert(Alert.AlertType.INFORMATION, "Select an application (or one of its processes) on the canvas first.").showAndWait();
            return;
        }
        if (d.get().faultScript().isEmpty()) {
            new Alert(Alert.AlertType.INFORMATION, "No exits were recorded in this application while attached: nothing to replay yet.").showAndWait();
            return;
        }
        opener.open(d.get(), List.of(), true);
    }
}
