package dev.canopy.app.ui.log;

import dev.canopy.app.ui.time.Ticker;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * A copy of a list that follows it at most once per interval: what a list view shows of a log
 * that changes every frame under a restart storm. Re-laying out and restyling a list's cells for
 * each new line cost the FX thread more than the rest of the frame, and lines scrolling by at 60
 * frames a second cannot be read anyway. A change is shown on the first {@link #sync} at least
 * {@code intervalNanos} after the last one shown (at once when nothing was shown for that long),
 * so the last change is never held back for more than an interval. Time comes from an injected
 * {@link Ticker}. FX thread only.
 */
public final class PacedList<T> {
    private final ObservableList<T> source;
    private final ObservableList<T> shown = FXCollections.observableArrayList();
    private final long intervalNanos;
    private final Ticker ticker;
    private boolean stale;
    private boolean synced;
    private long syncedAt;

    public PacedList(ObservableList<T> source, long intervalNanos, Ticker ticker) {
        this.source = source;
        this.intervalNanos = intervalNanos;
        this.ticker = ticker;
        shown.setAll(source);
        source.addListener((ListChangeListener<T>) c -> stale = true);
    }

    /** The copy, for a list view. */
    public ObservableList<T> shown() {
        return shown;
    }

    /** True when the source changed since the copy was last brought up to date. */
    public boolean isStale() {
        return stale;
    }

    /** Brings the copy up to date if the source changed and the interval has passed; true if it did. */
    public boolean sync() {
        if (!stale) return false;
        long now = ticker.nanos();
        if (synced && now - syncedAt < intervalNanos) return false;
        synced = true;
        syncedAt = now;
        stale = false;
        shown.setAll(source);
        return true;
    }

    /** Brings the copy up to date now (e.g. when a filter changed: the person waits for the answer). */
    public void syncNow() {
        stale = true;
        synced = false;
        sync();
    }
}
