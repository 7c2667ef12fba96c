package dev.canopy.app.ui.sim;

import java.util.HashMap;
import java.util.Map;

import dev.canopy.app.ui.theme.ThemeMode;
import dev.canopy.diagrams.render.Theme;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Shows a {@link SimulationLauncher}'s runs as tabs of the main window's centre (each a
 * {@link SimulatorView}; closing the tab ends the run) and its comparisons as windows.
 */
public final class SimulatorTabs {
    private SimulatorTabs() {
    }

    public static Theme theme(ThemeMode mode) {
        return mode != null && mode.isDark() ? Theme.dark() : Theme.light();
    }

    public static void attach(TabPane tabs, SimulationLauncher launcher, ObservableValue<ThemeMode> themeMode) {
        Map<SimulatorViewModel, Tab> open = new HashMap<>();
        launcher.runs().addListener((ListChangeListener<SimulatorViewModel>) c -> {
            while (c.next()) {
                int at = -1; // a replaced run (restarted with changes) takes its old tab's place
                for (SimulatorViewModel vm : c.getRemoved()) {
                    Tab t = open.remove(vm);
                    if (t != null) {
                        at = tabs.getTabs().indexOf(t);
                        tabs.getTabs().remove(t);
                    }
                }
                for (SimulatorViewModel vm : c.getAddedSubList()) {
                    SimulatorView view = new SimulatorView(vm);
                    view.setTheme(theme(themeMode.getValue()));
                    javafx.beans.value.ChangeListener<ThemeMode> follow = (o, was, now) -> view.setTheme(theme(now));
                    themeMode.addListener(follow);
                    view.setOnCompare(fault -> launcher.compare(vm.design(), fault, Math.max(100, vm.nowMsProperty().get()),
                            vm.seedProperty().get()));
                    Tab t = new Tab("▶ " + vm.design().name(), view);
                    t.setId("sim-tab");
                    t.setUserData(vm);
                    javafx.scene.control.MenuItem sequence = new javafx.scene.control.MenuItem("Sequence diagram of this run");
                    sequence.setOnAction(e -> launcher.sequence(vm));
                    t.setContextMenu(new javafx.scene.control.ContextMenu(sequence));
                    t.setOnClosed(e -> {
                        themeMode.removeListener(follow);
                        launcher.close(vm);
                    });
                    open.put(vm, t);
                    if (at >= 0 && at <= tabs.getTabs().size()) tabs.getTabs().add(at, t); else tabs.getTabs().add(t);
                    tabs.getSelectionModel().select(t);
                }
            }
        });
        launcher.focusRequestProperty().addListener((o, was, vm) -> {
            Tab t = vm == null ? null : open.get(vm);
            if (t != null) tabs.getSelectionModel().select(t);
        });
        launcher.setConfirmRestart(question -> {
            var alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION, question,
                    javafx.scene.control.ButtonType.YES, javafx.scene.control.ButtonType.NO);
            alert.setTitle("Restart the simulation?");
            alert.setHeaderText(null);
            if (tabs.getScene() != null) alert.initOwner(tabs.getScene().getWindow());
            return alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.YES).isPresent();
        });
        launcher.otpChecks().addListener((ListChangeListener<dev.canopy.app.ui.otp.OtpCheckViewModel>) c -> {
            while (c.next()) {
                for (var vm : c.getAddedSubList()) {
                    Stage stage = dev.canopy.app.ui.otp.OtpCheckView.open(
                            tabs.getScene() == null ? null : tabs.getScene().getWindow(), vm);
                    stage.setOnHidden(e -> launcher.closeOtpCheck(vm));
                }
            }
        });
        launcher.sequences().addListener((ListChangeListener<SequenceViewModel>) c -> {
            while (c.next()) {
                for (SequenceViewModel vm : c.getAddedSubList()) {
                    Stage stage = SequenceView.open(tabs.getScene() == null ? null : tabs.getScene().getWindow(), vm);
                    stage.setOnHidden(e -> launcher.closeSequence(vm));
                }
            }
        });
        launcher.comparisons().addListener((ListChangeListener<CompareViewModel>) c -> {
            while (c.next()) {
                for (CompareViewModel vm : c.getAddedSubList()) {
                    Stage stage = CompareView.open(tabs.getScene() == null ? null : tabs.getScene().getWindow(), vm,
                            theme(themeMode.getValue()));
                    stage.setOnHidden(e -> launcher.closeComparison(vm));
                }
            }
        });
    }
}
