package dev.canopy.app.ui.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.inspector.InspectorViewModel;
import dev.canopy.app.ui.log.EventLogViewModel;
import dev.canopy.app.ui.palette.PaletteItem;
import dev.canopy.app.ui.palette.PaletteViewModel;
import dev.canopy.app.ui.start.DesignFilesReader;
import dev.canopy.app.ui.start.DesignSummary;
import dev.canopy.app.ui.start.RecentFile;
import dev.canopy.app.ui.start.RecentFilesStore;
import dev.canopy.app.ui.start.StartPageViewModel;
import dev.canopy.app.ui.theme.ThemeMode;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state: the open designs and which is active (none = the start page), the
 * theme, and the panel view models. Commands here are what menus, toolbar and shortcuts call.
 * Toolkit-free: runs in plain unit tests with {@link Dispatch#inline()}.
 */
public final class MainViewModel {

    private final Dispatch dispatch;
    private final StartPageViewModel startPage;
    private final PaletteViewModel palette = new PaletteViewModel();
    private final InspectorViewModel inspector = new InspectorViewModel();
    private final EventLogViewModel log;

    private final ObservableList<DocumentViewModel> documents = FXCollections.observableArrayList();
    private final ObjectProperty<DocumentViewModel> active = new SimpleObjectProperty<>(this, "active");
    private final ObjectProperty<ThemeMode> theme = new SimpleObjectProperty<>(this, "theme", ThemeMode.LIGHT);
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    private final BooleanBinding hasActiveDocument = active.isNotNull();
    private int untitled;

    public MainViewModel(Dispatch dispatch, Path samplesDir, Path recentFile, ThemeMode theme, Clock clock) {
        this.dispatch = dispatch;
        this.log = new EventLogViewModel(clock);
        this.startPage = new StartPageViewModel(dispatch, samplesDir, new RecentFilesStore(recentFile), log, clock);
        this.theme.set(theme);
        inspector.subjectProperty().bind(active);
        active.addListener((o, was, now) -> status.set(now == null ? "Start page"
                : now.nameProperty().get() + (now.file().isPresent() ? " — " + now.file().get() : " (not saved)")));
    }

    /** Loads the start page's samples and recent files (after the first frame). */
    public void loadStartPage() {
        startPage.load();
    }

    public DocumentViewModel newBlankDesign() {
        untitled++;
        DocumentViewModel doc = DocumentViewModel.blank("Untitled " + untitled);
        add(doc);
        log.info("New blank design \"" + doc.nameProperty().get() + "\": drag a Supervisor from the palette to start");
        return doc;
    }

    public DocumentViewModel openSample(DesignSummary sample) {
        Optional<DocumentViewModel> open = findOpen(sample.file());
        if (open.isPresent()) {
            active.set(open.get());
            return open.get();
        }
        DocumentViewModel doc = DocumentViewModel.of(sample);
        add(doc);
        startPage.recordOpened(sample.file(), sample.name());
        log.info("Opened " + sample.name() + " (" + sample.facts() + ")");
        return doc;
    }

    /** Reads {@code file} in the background and opens it; problems go to the event log. */
    public void openFile(Path file) {
        Path f = file.toAbsolutePath().normalize();
        Optional<DocumentViewModel> open = findOpen(f);
        if (open.isPresent()) {
            active.set(open.get());
            return;
        }
        status.set("Opening " + f.getFileName() + " …");
        dispatch.async(() -> {
            try {
                if (!Files.isRegularFile(f)) return new Opened(null, "File not found: " + f);
                return new Opened(new DesignFilesReader().read(f), null);
            } catch (IOException | RuntimeException e) {
                return new Opened(null, "Could not open " + f.getFileName() + ": " + e.getMessage());
            }
        }, opened -> {
            if (opened.summary() != null) {
                openSample(opened.summary());
            } else {
                log.error(opened.problem());
                status.set(opened.problem());
            }
        });
    }

    private record Opened(DesignSummary summary, String problem) {
    }

    public void openRecent(RecentFile file) {
        if (!Files.isRegularFile(file.path())) {
            log.warning("Removed " + file.name() + " from the recent files: " + file.path() + " no longer exists");
            startPage.forget(file);
            return;
        }
        openFile(file.path());
    }

    public void close(DocumentViewModel doc) {
        int i = documents.indexOf(doc);
        if (i < 0) return;
        documents.remove(i);
        if (active.get() == doc) {
            active.set(documents.isEmpty() ? null : documents.get(Math.min(i, documents.size() - 1)));
        }
    }

    public void closeActive() {
        if (active.get() != null) close(active.get());
    }

    public void showStartPage() {
        active.set(null);
    }

    public void toggleTheme() {
        theme.set(theme.get().toggled());
        log.info("Switched to the " + theme.get().name().toLowerCase(java.util.Locale.ROOT) + " theme");
    }

    /** Runs the active design in the simulator: not wired in yet, says so in the log. */
    public void simulate() {
        DocumentViewModel doc = active.get();
        if (doc == null) {
            log.warning("Open a design first: the simulator runs the active design");
        } else {
            log.info("The simulator is not wired into the desktop app yet; \"" + doc.nameProperty().get()
                    + "\" can be simulated with the command line meanwhile (canopy --help)");
        }
    }

    /** A palette item dropped on the active design's canvas. */
    public void dropOnCanvas(PaletteItem item) {
        DocumentViewModel doc = active.get();
        if (doc == null) return;
        log.info(doc.drop(item));
    }

    private void add(DocumentViewModel doc) {
        documents.add(doc);
        active.set(doc);
    }

    private Optional<DocumentViewModel> findOpen(Path file) {
        if (file == null) return Optional.empty();
        Path f = file.toAbsolutePath().normalize();
        return documents.stream()
                .filter(d -> d.file().map(p -> p.toAbsolutePath().normalize().equals(f)).orElse(false))
                .findFirst();
    }

    public StartPageViewModel startPage() {
        return startPage;
    }

    public PaletteViewModel palette() {
        return palette;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public EventLogViewModel log() {
        return log;
    }

    public ObservableList<DocumentViewModel> documents() {
        return documents;
    }

    public ObjectProperty<DocumentViewModel> activeProperty() {
        return active;
    }

    public BooleanBinding hasActiveDocumentBinding() {
        return hasActiveDocument;
    }

    public ObjectProperty<ThemeMode> themeProperty() {
        return theme;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public Dispatch dispatch() {
        return dispatch;
    }

    /** For the window title: "Canopy" or "Name — Canopy". */
    public javafx.beans.binding.StringBinding windowTitleBinding() {
        return Bindings.createStringBinding(() -> active.get() == null ? "Canopy"
                : active.get().nameProperty().get() + " — Canopy", active);
    }
}
