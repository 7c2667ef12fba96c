package dev.canopy.app.ui.log;

import java.time.Clock;
import java.time.LocalTime;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The bottom event log: what the app did (files opened, problems met) and, later, the
 * simulator's events. Bounded to {@link #MAX_ENTRIES}; oldest entries go first.
 */
public final class EventLogViewModel {

    public static final int MAX_ENTRIES = 2_000;

    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
    private final Clock clock;

    public EventLogViewModel(Clock clock) {
        this.clock = clock;
    }

    public EventLogViewModel() {
        this(Clock.systemDefaultZone());
    }

    public ObservableList<LogEntry> entries() {
        return entries;
    }

    /** Whether the log panel is shown (View ▸ Event log). */
    public BooleanProperty visibleProperty() {
        return visible;
    }

    public IntegerBinding sizeBinding() {
        return Bindings.size(entries);
    }

    public void info(String message) {
        add(LogEntry.Level.INFO, message);
    }

    public void warning(String message) {
        add(LogEntry.Level.WARNING, message);
    }

    public void error(String message) {
        add(LogEntry.Level.ERROR, message);
    }

    public void add(LogEntry.Level level, String message) {
        entries.add(new LogEntry(LocalTime.now(clock).withNano(0), level, message));
        if (entries.size() > MAX_ENTRIES) entries.remove(0, entries.size() - MAX_ENTRIES);
    }

    public void clear() {
        entries.clear();
    }
}
