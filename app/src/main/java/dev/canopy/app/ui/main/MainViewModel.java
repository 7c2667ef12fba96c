package dev.canopy.app.ui.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.canvas.PreparedDesign;
import dev.canopy.app.ui.edit.AutosaveService;
import dev.canopy.app.ui.edit.EditActions;
import dev.canopy.app.ui.edit.EditResult;
import dev.canopy.app.ui.edit.EditorClipboard;
import dev.canopy.app.ui.edit.EditorViewModel;
import dev.canopy.app.ui.edit.ProblemIndex;
import dev.canopy.app.ui.inspector.InspectorViewModel;
import dev.canopy.app.ui.log.EventLogViewModel;
import dev.canopy.app.ui.palette.PaletteItem;
import dev.canopy.app.ui.palette.PaletteViewModel;
import dev.canopy.app.ui.sim.SimulationLauncher;
import dev.canopy.app.ui.sim.SimulatorViewModel;
import dev.canopy.app.ui.start.DesignSummary;
import dev.canopy.app.ui.start.RecentFile;
import dev.canopy.app.ui.start.RecentFilesStore;
import dev.canopy.app.ui.start.StartPageViewModel;
import dev.canopy.app.ui.theme.ThemeMode;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.LoadResult;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
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
    private final SimulationLauncher simulations;

    private final ObservableList<DocumentViewModel> documents = FXCollections.observableArrayList();
    private final ObjectProperty<DocumentViewModel> active = new SimpleObjectProperty<>(this, "active");
    private final ObjectProperty<ThemeMode> theme = new SimpleObjectProperty<>(this, "theme", ThemeMode.LIGHT);
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    private final BooleanBinding hasActiveDocument = active.isNotNull();
    private final EditorClipboard clipboard = new EditorClipboard();
    private final ObjectProperty<EditorViewModel> activeEditor = new SimpleObjectProperty<>(this, "activeEditor");
    private final EditActions editActions = new EditActions(activeEditor);
    private final AutosaveTracker autosaves;
    private final DesignOpener opener;
    private final RunCommands runs;
    private final StringProperty focusField = new SimpleStringProperty(this, "focusField");
    private final StringProperty windowTitle = new SimpleStringProperty(this, "windowTitle", "Canopy");
    /** The run whose simulator tab is in front (null when a design or the start page is). */
    private final ObjectProperty<SimulatorViewModel> activeSimulation = new SimpleObjectProperty<>(this, "activeSimulation");
    private int untitled;

    private final Clock clock;

    public MainViewModel(Dispatch dispatch, Path samplesDir, Path recentFile, ThemeMode theme, Clock clock) {
        this.dispatch = dispatch;
        this.log = new EventLogViewModel(clock);
        this.clock = clock;
        this.simulations = new SimulationLauncher(dispatch, log);
        this.autosaves = new AutosaveTracker(log);
        this.opener = new DesignOpener(dispatch, log, status, this::openPrepared);
        this.runs = new RunCommands(simulations, log, status, active, activeSimulation);
        this.startPage = new StartPageViewModel(dispatch, samplesDir, new RecentFilesStore(recentFile), log, clock);
        this.theme.set(theme);
        inspector.subjectProperty().bind(active);
        inspector.simulationProperty().bind(activeSimulation);
        active.addListener((o, was, now) -> updateTitle());
        activeSimulation.addListener((o, was, now) -> updateTitle());
        activeEditor.bind(Bindings.createObjectBinding(() -> active.get() == null ? null : active.get().editor(), active));
        active.addListener((o, was, now) -> status.set(now == null ? "Start page"
                : now.nameProperty().get() + (now.file().isPresent() ? " — " + now.file().get() : " (not saved)")));
    }

    /** Loads the start page's samples and recent files (after the first frame). */
    public void loadStartPage() {
        startPage.load();
    }

    /**
     * A new design that simulates as created: its name ({@code untitled_N}) can name an OTP
     * application and its root supervisor's id is a plain atom, as the validator asks.
     */
    public DocumentViewModel newBlankDesign() {
        untitled++;
        DocumentViewModel doc = DocumentViewModel.blank("untitled_" + untitled, clipboard);
        add(doc);
        log.info("New blank design \"" + doc.nameProperty().get() + "\" with its root supervisor "
                + doc.design().root().id() + ": drag workers and supervisors from the palette onto it");
        return doc;
    }

    /**
     * Opens a gallery sample as an untitled copy: editing it never changes the sample, and Save
     * asks for a new file.
     */
    public DocumentViewModel openSample(DesignSummary sample) {
        DocumentViewModel doc;
        switch (DesignFiles.load(sample.file())) {
            case LoadResult.Loaded l -> doc = new DocumentViewModel(l.design(), null, clipboard);
            case LoadResult.Failed f -> {
                String why = DesignOpener.whyNotLoaded(sample.file(), f);
                log.error(why);
                status.set(why);
                return null;
            }
        }
        add(doc);
        log.info("Opened a copy of the sample " + sample.name() + " (" + sample.facts() + "); Save asks where to keep it");
        return doc;
    }

    /** Adopts a design file read and prepared in the background as itself: Save writes back to it. */
    private DocumentViewModel openPrepared(DesignSummary summary, PreparedDesign prepared) {
        Optional<DocumentViewModel> open = showIfOpen(summary.file());
        if (open.isPresent()) return open.get();
        DocumentViewModel doc = new DocumentViewModel(prepared, summary.file().toAbsolutePath().normalize(), clipboard);
        add(doc);
        startPage.recordOpened(summary.file(), summary.name());
        log.info("Opened " + summary.name() + " (" + summary.facts() + ")");
        status.set("Opened " + summary.name());
        return doc;
    }

    /**
     * Reads {@code file}, checks it and lays it out on the background executor, showing what it
     * is doing in the status bar and {@link #openProgressProperty()}; the FX thread only adopts
     * the result, so a 100k-node file leaves the window responsive. Problems go to the event log.
     */
    public void openFile(Path file) {
        Path f = file.toAbsolutePath().normalize();
        if (showIfOpen(f).isEmpty()) opener.open(f);
    }

    /** How far the file being opened has come (0 to 1) while {@link #openingProperty()} is true. */
    public ReadOnlyDoubleProperty openProgressProperty() {
        return opener.progressProperty();
    }

    /** True while a file is being read, checked and laid out in the background. */
    public BooleanBinding openingProperty() {
        return opener.openingProperty();
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
        autosaves.drop(doc);
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

    /**
     * Runs the active design as it is now (unsaved edits included) in the simulator, in its one simulator tab
     * (F5). A design that breaks a rule does not start: every problem goes to the log and to
     * {@link #blockedProperty()}, where the view lists them, each a link to its field.
     */
    public void simulate() {
        simulate(false);
    }

    /** As {@link #simulate()}; with {@code playScript} the run plays the design's fault script from the start. */
    public void simulate(boolean playScript) {
        runs.simulate(playScript);
    }

    /** The last run that could not start because of problems (null once a run starts). */
    public ObjectProperty<BlockedRun> blockedProperty() {
        return runs.blockedProperty();
    }

    /** Shows where a problem is: its design's tab, its node selected, its field named in {@link #focusFieldProperty()}. */
    public void goTo(DocumentViewModel doc, ProblemIndex.Placed problem) {
        active.set(doc);
        doc.editor().select(problem.nodePath());
        focusField.set(null);
        focusField.set(problem.field().isEmpty() ? "id" : problem.field());
    }

    /** The inspector field to focus (e.g. "name", "restart"), set by {@link #goTo}. */
    public StringProperty focusFieldProperty() {
        return focusField;
    }

    /** Compares one_for_one, one_for_all and rest_for_one for a fault of the active design. */
    public void compareStrategies() {
        runs.compareStrategies();
    }

    /** Runs the design in front on our engine and on real OTP and shows the two traces. */
    public void checkAgainstOtp() {
        runs.checkAgainstOtp();
    }

    public SimulationLauncher simulations() {
        return simulations;
    }

    /** A palette item dropped on (or double-clicked for) the active design's canvas. */
    public void dropOnCanvas(PaletteItem item) {
        DocumentViewModel doc = active.get();
        if (doc == null) return;
        report(doc.drop(item));
    }

    /** Logs what an edit did, or why it was refused (a warning). */
    public EditResult report(EditResult r) {
        if (r.applied()) {
            if (!r.message().equals("No change")) log.info(r.message());
        } else {
            log.warning(r.message());
        }
        status.set(r.message());
        return r;
    }

    /** Saves the active design to its file; false when it has none yet (the view asks for one: Save As). */
    public boolean save(DocumentViewModel doc) {
        if (doc == null || doc.file().isEmpty()) return false;
        return saveAs(doc, doc.file().get());
    }

    /** Saves atomically to {@code file}, records it in the recent files; problems go to the log. */
    public boolean saveAs(DocumentViewModel doc, Path file) {
        try {
            doc.saveTo(file);
            Path f = doc.file().orElseThrow();
            startPage.recordOpened(f, doc.nameProperty().get());
            autosaves.saved(doc, f);
            log.info("Saved " + doc.nameProperty().get() + " to " + f);
            status.set("Saved " + f);
            return true;
        } catch (IOException | RuntimeException e) {
            log.error("Could not save " + doc.nameProperty().get() + " to " + file + ": " + e.getMessage());
            status.set("Save failed: " + e.getMessage());
            return false;
        }
    }

    /**
     * The user chose "Don't Save": the changes are dropped, so is the autosave that kept them,
     * and the design is not offered for recovery next time.
     */
    public void discardChanges(DocumentViewModel doc) {
        autosaves.drop(doc);
    }

    /** The documents with unsaved changes. */
    public List<DocumentViewModel> dirtyDocuments() {
        return documents.stream().filter(d -> d.dirtyProperty().get()).toList();
    }

    /** Starts autosaving every open and future document with this service. */
    public void useAutosave(AutosaveService service) {
        autosaves.use(service, documents);
    }

    public Optional<AutosaveService> autosave() {
        return autosaves.service();
    }

    /** Opens a design that has no file yet (e.g. imported from a running node), unsaved. */
    public DocumentViewModel openUnsaved(Design design) {
        DocumentViewModel doc = new DocumentViewModel(design, null, clipboard);
        add(doc);
        doc.editor().markUnsaved();
        return doc;
    }

    public Clock clock() {
        return clock;
    }

    /** Opens a recovered design (from an autosave) as a dirty document. */
    public DocumentViewModel openRecovered(Design design, Path original) {
        DocumentViewModel doc = new DocumentViewModel(design, original, clipboard);
        add(doc);
        doc.editor().markUnsaved(); // the recovered state is not the file's
        log.info("Recovered " + design.name() + " from its autosave");
        return doc;
    }

    private void add(DocumentViewModel doc) {
        documents.add(doc);
        autosaves.track(doc);
        active.set(doc);
    }

    /** Brings the design of {@code file} to the front when it is open already. */
    private Optional<DocumentViewModel> showIfOpen(Path file) {
        Optional<DocumentViewModel> open = findOpen(file);
        open.ifPresent(active::set);
        return open;
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

    public EditActions editActions() {
        return editActions;
    }

    public ObjectProperty<EditorViewModel> activeEditorProperty() {
        return activeEditor;
    }

    public EditorClipboard clipboard() {
        return clipboard;
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

    /** The run whose simulator tab is in front; the view sets it as tabs switch (null: a design or the start page). */
    public ObjectProperty<SimulatorViewModel> activeSimulationProperty() {
        return activeSimulation;
    }

    private void updateTitle() {
        windowTitle.unbind();
        var run = activeSimulation.get();
        DocumentViewModel doc = active.get();
        if (run != null) windowTitle.set("Simulating " + run.design().name() + " — Canopy");
        else if (doc == null) windowTitle.set("Canopy");
        else windowTitle.bind(doc.editor().titleBinding());
    }

    /** For the window title: "Canopy", "Name — Canopy", or "Simulating Name — Canopy". */
    public StringProperty windowTitleProperty() {
        return windowTitle;
    }
}
