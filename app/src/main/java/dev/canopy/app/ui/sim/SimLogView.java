package dev.canopy.app.ui.sim;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import dev.canopy.app.ui.log.PacedList;
import dev.canopy.app.ui.render.FramePump;
import dev.canopy.app.ui.time.Ticker;
import dev.canopy.diagrams.sim.SimEvent;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import javafx.collections.FXCollections;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.textfield.TextFields;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The run's event log: one plain-language line per event with its virtual time, filterable by
 * kind and by node; choosing a line selects (and shows) its node on the canvas. It follows the
 * newest line unless the person scrolled up. Under a stream of events the list takes new lines
 * at most every {@link #REFRESH_NANOS} ({@link PacedList}); filters answer at once.
 */
public final class SimLogView extends VBox {
    /** Under a stream of events the list shows new lines at most this often (5 times a second). */
    static final long REFRESH_NANOS = 200_000_000L;
    private final PacedList<SimEvent> lines;
    private final FramePump.Task refresh;

    public SimLogView(SimulatorViewModel vm) {
        this(vm, Ticker.system());
    }

    SimLogView(SimulatorViewModel vm, Ticker ticker) {
        lines = new PacedList<>(vm.visibleEvents(), REFRESH_NANOS, ticker);
        setId("sim-log");
        getStyleClass().add("sim-log");
        // ControlsFX CheckComboBox: every kind with a check box, the checked ones summarised in the button.
        CheckComboBox<SimEvent.Kind> kinds = new CheckComboBox<>(FXCollections.observableArrayList(SimEvent.Kind.values()));
        kinds.setId("sim-log-kinds");
        kinds.setTitle("Kinds");
        kinds.setConverter(new StringConverter<>() {
            @Override
            public String toString(SimEvent.Kind k) {
                return k == null ? "" : k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            }

            @Override
            public SimEvent.Kind fromString(String s) {
                return SimEvent.Kind.valueOf(s.toUpperCase(Locale.ROOT).replace(' ', '_'));
            }
        });
        for (SimEvent.Kind k : vm.kindFilterProperty().get()) kinds.getCheckModel().check(k);
        kinds.getCheckModel().getCheckedItems().addListener((ListChangeListener<SimEvent.Kind>) c -> {
            Set<SimEvent.Kind> next = EnumSet.noneOf(SimEvent.Kind.class);
            next.addAll(kinds.getCheckModel().getCheckedItems());
            if (!next.equals(vm.kindFilterProperty().get())) vm.kindFilterProperty().set(next);
        });
        // ControlsFX clearable search field: filters the log by text as you type, × clears it.
        TextField search = TextFields.createClearableTextField();
        search.setId("sim-log-search");
        search.setPromptText("Search the log");
        search.setPrefColumnCount(14);
        search.textProperty().bindBidirectional(vm.textFilterProperty());
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
        HBox bar = new HBox(8, new Label("Event log"), kinds, search, onlyNode, spacer, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("sim-log-bar");

        ListView<SimEvent> list = new ListView<>(lines.shown());
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
        lines.shown().addListener((ListChangeListener<SimEvent>) c -> {
            count.setText(vm.visibleEvents().size() + " of " + vm.events().size()
                    + (vm.droppedEvents() > 0 ? " (" + vm.droppedEvents() + " older dropped)" : ""));
        });
        // a filter the person changed is answered at once; new lines come at most every REFRESH_NANOS
        vm.kindFilterProperty().addListener((o, a, b) -> lines.syncNow());
        vm.nodeFilterProperty().addListener((o, a, b) -> lines.syncNow());
        vm.textFilterProperty().addListener((o, a, b) -> lines.syncNow());
        refresh = FramePump.Task.named("log", now -> lines.sync());
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) FramePump.get().add(refresh); else FramePump.get().remove(refresh);
        });
        dev.canopy.app.ui.log.FollowTail.install(list); // the newest line stays in view unless you scrolled up
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(bar, list);
    }
}
