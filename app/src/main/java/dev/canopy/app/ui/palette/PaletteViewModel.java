package dev.canopy.app.ui.palette;

import java.util.Locale;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The left palette: the node kinds, filtered by the search box. */
public final class PaletteViewModel {

    /** The drag-and-drop payload: the item's {@link PaletteItem#kind()}. */
    public static final String DRAG_MIME = "application/x-canopy-palette-kind";

    private final ObservableList<PaletteItem> all = FXCollections.observableArrayList(PaletteItem.values());
    private final FilteredList<PaletteItem> shown = new FilteredList<>(all, i -> true);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");

    public PaletteViewModel() {
        filter.addListener((obs, old, now) -> {
            String f = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(i -> f.isEmpty()
                    || i.title().toLowerCase(Locale.ROOT).contains(f)
                    || i.description().toLowerCase(Locale.ROOT).contains(f));
        });
    }

    public ObservableList<PaletteItem> items() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }
}
