package dev.canopy.app.ui.sim;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.canopy.diagrams.sim.SimEvent;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The simulator's log: the latest {@link SimulatorViewModel#MAX_EVENTS} events (older ones are
 * dropped from the head and counted), and the view of it through the kind and node filters.
 * FX thread only (or the test thread with a direct executor).
 */
final class SimEventLog {
    private final ObservableList<SimEvent> events = FXCollections.observableArrayList();
    private final FilteredList<SimEvent> visibleEvents = new FilteredList<>(events);
    private final ObjectProperty<Set<SimEvent.Kind>> kindFilter;
    private final ObjectProperty<String> nodeFilter;
    private final ObjectProperty<String> textFilter;
    private int droppedEvents;

    /** {@code bean}: the owner of the filter properties. */
    SimEventLog(Object bean) {
        kindFilter = new SimpleObjectProperty<>(bean, "kindFilter", EnumSet.allOf(SimEvent.Kind.class));
        nodeFilter = new SimpleObjectProperty<>(bean, "nodeFilter");
        textFilter = new SimpleObjectProperty<>(bean, "textFilter", "");
        textFilter.addListener((o, a, b) -> refilter());
        kindFilter.addListener((o, a, b) -> refilter());
        nodeFilter.addListener((o, a, b) -> refilter());
        refilter();
    }

    /** Applies a snapshot's log part: a reset clears the log first; then the new lines are appended, bounded. */
    void apply(boolean reset, List<SimEvent> newEvents, int dropped) {
        if (reset) {
            events.clear();
            droppedEvents = 0;
        }
        droppedEvents += dropped;
        if (!newEvents.isEmpty()) {
            int max = SimulatorViewModel.MAX_EVENTS;
            int overflow = events.size() + newEvents.size() - max;
            if (overflow > 0) {
                droppedEvents += Math.min(overflow, events.size());
                events.remove(0, Math.min(overflow, events.size()));
            }
            List<SimEvent> add = newEvents;
            if (add.size() > max) add = add.subList(add.size() - max, add.size());
            events.addAll(add);
        }
    }

    private void refilter() {
        Set<SimEvent.Kind> kinds = kindFilter.get();
        String node = nodeFilter.get();
        String text = textFilter.get() == null ? "" : textFilter.get().strip().toLowerCase(java.util.Locale.ROOT);
        Predicate<SimEvent> p = e -> (kinds == null || kinds.contains(e.kind()))
                && (node == null || e.path().equals(node) || e.path().startsWith(node + "/"))
                && (text.isEmpty() || e.text().toLowerCase(java.util.Locale.ROOT).contains(text)
                        || e.path().toLowerCase(java.util.Locale.ROOT).contains(text));
        visibleEvents.setPredicate(p);
    }

    ObservableList<SimEvent> events() {
        return events;
    }

    FilteredList<SimEvent> visibleEvents() {
        return visibleEvents;
    }

    int droppedEvents() {
        return droppedEvents;
    }

    ObjectProperty<Set<SimEvent.Kind>> kindFilterProperty() {
        return kindFilter;
    }

    ObjectProperty<String> nodeFilterProperty() {
        return nodeFilter;
    }

    /** Shows only lines whose text or node contains this (any case); "" for all. */
    ObjectProperty<String> textFilterProperty() {
        return textFilter;
    }
}
