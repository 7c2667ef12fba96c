package dev.canopy.app.ui.log;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.canopy.app.ui.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The bottom event log: timestamped entries, newest last, auto-scrolling. */
public final class EventLogView extends VBox {

    public EventLogView(EventLogViewModel vm) {
        getStyleClass().addAll("event-log");
        setId("event-log");
        Label heading = new Label("Event log");
        heading.getStyleClass().add("panel-heading");
        Label count = new Label();
        count.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(
                () -> vm.entries().size() + (vm.entries().size() == 1 ? " event" : " events"), vm.entries()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button clear = new Button(null, Icons.of(Material2OutlinedAL.DELETE_SWEEP));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clear.setTooltip(new Tooltip("Clear the log"));
        clear.setOnAction(e -> vm.clear());
        HBox header = new HBox(8, heading, count, spacer, clear);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("panel-header");

        ListView<LogEntry> list = new ListView<>(vm.entries());
        list.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "log-list");
        list.setPlaceholder(new Label("Nothing has happened yet."));
        list.setCellFactory(lv -> new EntryCell());
        list.setId("app-log-list");
        FollowTail.install(list); // newest line in view unless you scrolled up to read
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(header, list);
    }

    /** HH:mm:ss without DateTimeFormatter (whose locale data costs the startup ~100 ms). */
    static String hhmmss(java.time.LocalTime t) {
        return two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static final class EntryCell extends ListCell<LogEntry> {
        private final Label time = new Label();
        private final FontIcon level = new FontIcon();
        private final Label message = new Label();
        private final HBox row = new HBox(8, time, level, message);

        EntryCell() {
            time.getStyleClass().addAll("log-time");
            message.getStyleClass().add("log-message");
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(LogEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            time.setText(hhmmss(e.time()));
            level.getStyleClass().removeAll("log-info", "log-warning", "log-error");
            switch (e.level()) {
                case INFO -> {
                    level.setIconCode(Material2OutlinedAL.INFO);
                    level.getStyleClass().add("log-info");
                }
                case WARNING -> {
                    level.setIconCode(Material2OutlinedMZ.WARNING);
                    level.getStyleClass().add("log-warning");
                }
                case ERROR -> {
                    level.setIconCode(Material2OutlinedAL.ERROR_OUTLINE);
                    level.getStyleClass().add("log-error");
                }
            }
            message.setText(e.message());
            setGraphic(row);
            setText(null);
        }
    }
}
