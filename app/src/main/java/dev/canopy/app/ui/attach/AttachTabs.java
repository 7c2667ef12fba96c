package dev.canopy.app.ui.attach;

import java.time.Clock;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.app.ui.log.EventLogViewModel;
import dev.canopy.app.ui.sim.SimulatorTabs;
import dev.canopy.app.ui.theme.ThemeMode;
import dev.canopy.diagrams.attach.LiveWatch;

/** The main window's hook: "Attach to a running node…" opens the dialog, then a tab with the attached cluster. */
public final class AttachTabs {

    private AttachTabs() {}

    public static void attachToNode(TabPane tabs, Dispatch dispatch, EventLogViewModel log, Clock clock,
                                    ObservableValue<ThemeMode> theme, AttachView.Opener opener) {
        LiveWatch watch = new LiveWatch();
        AttachDialog.show(tabs.getScene() == null ? null : tabs.getScene().getWindow(), dispatch, attached -> {
            AttachViewModel vm = new AttachViewModel(attached.node(), AttachViewModel.Bridge.of(attached.bridge()), watch,
                    dispatch, log, clock);
            log.info("Attached to " + attached.node() + " (read-only; destructive actions are off)");
            AttachView view = new AttachView(vm, opener);
            view.setTheme(SimulatorTabs.theme(theme.getValue()));
            javafx.beans.value.ChangeListener<ThemeMode> follow = (o, was, now) -> view.setTheme(SimulatorTabs.theme(now));
            theme.addListener(follow);
            Tab t = new Tab("⇄ " + attached.node(), view);
            t.setId("attach-tab");
            t.setOnClosed(e -> {
                theme.removeListener(follow);
                dispatch.background().execute(vm::close);
            });
            tabs.getTabs().add(t);
            tabs.getSelectionModel().select(t);
        }, o -> o, watch);
    }
}
