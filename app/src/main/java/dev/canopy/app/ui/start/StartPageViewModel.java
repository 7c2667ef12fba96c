package dev.canopy.app.ui.start;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.app.ui.log.EventLogViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The start page: the gallery of samples and the recent files. {@link #load()} reads both in the
 * background (the app calls it after its first frame); until then {@link #loadingProperty()} is
 * true and the lists are empty.
 */
public final class StartPageViewModel {

    private final Dispatch dispatch;
    private final Path samplesDir;
    private final RecentFilesStore recentStore;
    private final EventLogViewModel log;
    private final Clock clock;

    private final ObservableList<DesignSummary> samples = FXCollections.observableArrayList();
    private final ObservableList<RecentFile> recent = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", true);
    private final StringProperty samplesMessage = new SimpleStringProperty(this, "samplesMessage", "");

    public StartPageViewModel(Dispatch dispatch, Path samplesDir, RecentFilesStore recentStore,
                              EventLogViewModel log, Clock clock) {
        this.dispatch = dispatch;
        this.samplesDir = samplesDir;
        this.recentStore = recentStore;
        this.log = log;
        this.clock = clock;
    }

    private record Loaded(List<DesignSummary> samples, List<RecentFile> recent, List<String> problems) {
    }

    public void load() {
        loading.set(true);
        dispatch.async(() -> {
            List<String> problems = new ArrayList<>();
            List<DesignSummary> s = new DesignFilesReader().readDirectory(samplesDir, problems);
            return new Loaded(s, recentStore.load(), problems);
        }, loaded -> {
            samples.setAll(loaded.samples());
            recent.setAll(loaded.recent());
            loaded.problems().forEach(log::warning);
            samplesMessage.set(loaded.samples().isEmpty() ? "No samples found in " + samplesDir : "");
            loading.set(false);
            log.info("Loaded " + loaded.samples().size() + " sample" + (loaded.samples().size() == 1 ? "" : "s")
                    + " and " + loaded.recent().size() + " recent file" + (loaded.recent().size() == 1 ? "" : "s"));
        });
    }

    /** Puts {@code file} first in the recent list and saves the list (in the background). */
    public void recordOpened(Path file, String name) {
        List<RecentFile> updated = RecentFilesStore.push(recent, new RecentFile(file, name, clock.instant()));
        recent.setAll(updated);
        dispatch.background().execute(() -> {
            try {
                recentStore.save(updated);
            } catch (IOException e) {
                dispatch.ui().execute(() -> log.warning("Could not save the recent-files list: " + e.getMessage()));
            }
        });
    }

    public void forget(RecentFile file) {
        recent.remove(file);
        List<RecentFile> updated = List.copyOf(recent);
        dispatch.background().execute(() -> {
            try {
                recentStore.save(updated);
            } catch (IOException e) {
                dispatch.ui().execute(() -> log.warning("Could not save the recent-files list: " + e.getMessage()));
            }
        });
    }

    public ObservableList<DesignSummary> samples() {
        return samples;
    }

    public ObservableList<RecentFile> recent() {
        return recent;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty samplesMessageProperty() {
        return samplesMessage;
    }

    public Path samplesDir() {
        return samplesDir;
    }
}
