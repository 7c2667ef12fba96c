package dev.canopy.app.ui.sim;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import dev.canopy.diagrams.sim.SimEvent;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The run's event log: one plain-language line per event with its virtual time, filterable by
 * kind and by node; choosing a line selects (and shows) its node on the canvas. It follows the
 * newest line unless the person scrolled up.
 */
public final class SimLogView extends VBox {

    public SimLogView(SimulatorViewModel vm) {
        setId("sim-log");
        getStyleClass().add("sim-log");
        MenuButton kinds = new MenuButton("Kinds");
        kinds.setId("sim-log-kinds");
        for (SimEvent.Kind k : SimEvent.Kind.values()) {
            CheckMenuItem item = new CheckMenuItem(k.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            item.setSelected(vm.kindFilterProperty().get().contains(k));
            item.selectedProperty().addListener((o, a, on) -> {
                Set<SimEvent.Kind> next = EnumSet.noneOf(SimEvent.Kind.class);
                next.addAll(vm.kindFilterProperty().get());
                if (on) next.add(k); else next.remove(k);
                vm.kindFilterProperty().set(next);
            });
            kinds.getItems().add(item);
        }
        CheckBox onlyNode = new CheckBox("Selected node only");
        onlyNode.setId("sim-log-node");
        onlyNode.selectedProperty().addListener((o, a, on) -> vm.nodeFilterProperty().set(on ? vm.selectedPathProperty().get() : null));
        vm.selectedPathProperty().addListener((o, a, b) -> {
            if (onlyNode.isSelected() && b != null) vm.nodeFilterProperty().set(b);
        });
        vm.nodeFilterProperty().addListener((o, a, b) -> {
            if (b != null && !onlyNode.isSelected()) onlyNode.setSelected(true);
            if (b == null && onlyNode.isSelected()) onlyNode.setSelected(false);
        });
        Label count = new Label();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Event log"), kinds, onlyNode, spacer, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("sim-log-bar");

        ListView<SimEvent> list = new ListView<>(vm.visibleEvents());
        list.setId("sim-log-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SimEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : String.format(Locale.ROOT, "%,8d ms  %s", e.atMs(), e.text()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectEvent(b);
        });
        vm.visibleEvents().addListener((ListChangeListener<SimEvent>) c -> {
            count.setText(vm.visibleEvents().size() + " of " + vm.events().size()
                    + (vm.droppedEvents() > 0 ? " (" + vm.droppedEvents() + " older dropped)" : ""));
        });
        dev.canopy.app.ui.log.FollowTail.install(list); // the newest line stays in view unless you scrolled up
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(bar, list);
    }
}
