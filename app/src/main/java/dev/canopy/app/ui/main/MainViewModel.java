package dev.canopy.app.ui.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.app.ui.edit.AutosaveService;
import dev.canopy.app.ui.edit.EditActions;
import dev.canopy.app.ui.edit.EditResult;
import dev.canopy.app.ui.edit.EditorClipboard;
import dev.canopy.app.ui.edit.EditorViewModel;
import dev.canopy.app.ui.edit.ProblemIndex;
import dev.canopy.app.ui.text.Plural;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.LoadResult;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.canvas.PreparedDesign;
import dev.canopy.app.ui.inspector.InspectorViewModel;
import dev.canopy.app.ui.log.EventLogViewModel;
import dev.canopy.app.ui.palette.PaletteItem;
import dev.canopy.app.ui.palette.PaletteViewModel;
import dev.canopy.app.ui.sim.SimulationLauncher;
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
    private final SimulationLauncher simulations;

    private final ObservableList<DocumentViewModel> documents = FXCollections.observableArrayList();
    private final ObjectProperty<DocumentViewModel> active = new SimpleObjectProperty<>(this, "active");
    private final ObjectProperty<ThemeMode> theme = new SimpleObjectProperty<>(this, "theme", ThemeMode.LIGHT);
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    private final BooleanBinding hasActiveDocument = active.isNotNull();
    private final EditorClipboard clipboard = new EditorClipboard();
    private final ObjectProperty<EditorViewModel> activeEditor = new SimpleObjectProperty<>(this, "activeEditor");
    private final EditActions editActions = new EditActions(activeEditor);
    private final Map<DocumentViewModel, AutosaveService.Document> autosaves = new HashMap<>();
    private AutosaveService autosave;
    private final StringProperty windowTitle = new SimpleStringProperty(this, "windowTitle", "Canopy");
    /** The run whose simulator tab is in front (null when a design or the start page is). */
    private final ObjectProperty<dev.canopy.app.ui.sim.SimulatorViewModel> activeSimulation =
            new SimpleObjectProperty<>(this, "activeSimulation");
    private int untitled;
    private final javafx.beans.property.IntegerProperty openings = new javafx.beans.property.SimpleIntegerProperty(this, "openings");
    private final BooleanBinding opening = openings.greaterThan(0);
    private final javafx.beans.property.ReadOnlyDoubleWrapper openProgress =
            new javafx.beans.property.ReadOnlyDoubleWrapper(this, "openProgress");

    private final Clock clock;

    public MainViewModel(Dispatch dispatch, Path samplesDir, Path recentFile, ThemeMode theme, Clock clock) {
        this.dispatch = dispatch;
        this.log = new EventLogViewModel(clock);
        this.clock = clock;
        this.simulations = new SimulationLauncher(dispatch, log);
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
                String why = "Could not open " + sample.file().getFileName() + ": "
                        + (f.problems().isEmpty() ? "unreadable" : f.problems().get(0).describe());
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
        Optional<DocumentViewModel> open = findOpen(summary.file());
        if (open.isPresent()) {
            active.set(open.get());
            return open.get();
        }
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
        Optional<DocumentViewModel> open = findOpen(f);
        if (open.isPresent()) {
            active.set(open.get());
            return;
        }
        String shown = String.valueOf(f.getFileName());
        openings.set(openings.get() + 1);
        showProgress("Opening " + shown + ": reading …", 0.05);
        dispatch.async(() -> {
            try {
                if (!Files.isRegularFile(f)) return new Opened(null, null, "File not found: " + f);
                DesignSummary summary = new DesignFilesReader().read(f);
                return switch (DesignFiles.load(f)) {
                    case LoadResult.Failed failed -> new Opened(null, null, "Could not open " + shown + ": "
                            + (failed.problems().isEmpty() ? "unreadable" : failed.problems().get(0).describe()));
                    case LoadResult.Loaded loaded -> new Opened(summary, PreparedDesign.of(loaded.design(),
                            step -> dispatch.ui().execute(() -> showProgress(switch (step) {
                                case VALIDATING -> "Opening " + shown + ": checking " + Plural.of(loaded.design().root().subtreeSize(), "node") + " …";
                                case DRAWING -> "Opening " + shown + ": drawing …";
                                case LAYING_OUT -> "Opening " + shown + ": laying out …";
                            }, switch (step) {
                                case VALIDATING -> 0.4;
                                case DRAWING -> 0.6;
                                case LAYING_OUT -> 0.8;
                            }))), null);
                };
            } catch (IOException | RuntimeException e) {
                return new Opened(null, null, "Could not open " + shown + ": " + e.getMessage());
            }
        }, opened -> {
            openings.set(openings.get() - 1);
            openProgress.set(openings.get() > 0 ? openProgress.get() : 0);
            if (opened.summary() != null) {
                openPrepared(opened.summary(), opened.prepared());
            } else {
                log.error(opened.problem());
                status.set(opened.problem());
            }
        });
    }

    private void showProgress(String what, double progress) {
        status.set(what);
        openProgress.set(progress);
    }

    /** How far the file being opened has come (0 to 1) while {@link #openingProperty()} is true. */
    public javafx.beans.property.ReadOnlyDoubleProperty openProgressProperty() {
        return openProgress.getReadOnlyProperty();
    }

    /** True while a file is being read, checked and laid out in the background. */
    public javafx.beans.binding.BooleanBinding openingProperty() {
        return opening;
    }

    private record Opened(DesignSummary summary, PreparedDesign prepared, String problem) {
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
        AutosaveService.Document a = autosaves.remove(doc);
        if (a != null) {
            try {
                a.close();
            } catch (IOException e) {
                log.warning("Could not remove the autosave of " + doc.nameProperty().get() + ": " + e.getMessage());
            }
        }
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
        DocumentViewModel doc = active.get();
        if (doc == null) {
            log.warning("Open a design first: the simulator runs the active design");
            return;
        }
        ProblemIndex problems = ProblemIndex.validate(doc.design());
        if (problems.hasErrors()) {
            List<ProblemIndex.Placed> errors = problems.placed().stream().filter(p -> p.problem().isError()).toList();
            String name = doc.nameProperty().get();
            log.error("Cannot simulate " + name + ": the design has " + Plural.of(errors.size(), "problem")
                    + "; fix " + (errors.size() == 1 ? "it" : "them") + " first");
            for (ProblemIndex.Placed p : errors) log.error("  " + where(p) + ": " + p.problem().message());
            status.set("Cannot simulate " + name + ": " + Plural.of(errors.size(), "problem") + " to fix");
            blocked.set(new Blocked(doc, errors));
            return;
        }
        blocked.set(null);
        simulations.run(doc, doc.nameProperty().get(), doc.design(), playScript);
    }

    /** A run that did not start: the design and its errors, each filed under its node and field. */
    public record Blocked(DocumentViewModel document, List<ProblemIndex.Placed> problems) {
    }

    private final ObjectProperty<Blocked> blocked = new SimpleObjectProperty<>(this, "blocked");
    private final StringProperty focusField = new SimpleStringProperty(this, "focusField");

    /** The last run that could not start because of problems (null once a run starts). */
    public ObjectProperty<Blocked> blockedProperty() {
        return blocked;
    }

    /** "design name" or "node root/a, restart": where a problem is, in words. */
    public static String where(ProblemIndex.Placed p) {
        String field = p.field().replace('_', ' ');
        if (p.nodePath().isEmpty()) return "design" + (field.isEmpty() ? "" : " " + field);
        return p.nodePath() + (field.isEmpty() ? "" : ", " + field);
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
        DocumentViewModel doc = active.get();
        if (doc == null) {
            log.warning("Open a design first: the comparison runs the active design");
            return;
        }
        simulations.compare(doc.nameProperty().get(), doc.design());
    }

    /**
     * Runs the design in front on our engine and on real OTP and shows the two traces: the
     * simulated design with its seed when a simulator tab is in front, else the active design.
     */
    public void checkAgainstOtp() {
        var run = activeSimulation.get();
        if (run != null) {
            simulations.checkAgainstOtp(run.design(), run.seedProperty().get());
            return;
        }
        DocumentViewModel doc = active.get();
        if (doc == null) {
            log.warning("Open a design first: the check runs the active design and its fault script");
            return;
        }
        simulations.checkAgainstOtp(doc.design(), SimulationLauncher.DEFAULT_SEED);
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
            AutosaveService.Document a = autosaves.get(doc);
            if (a != null) a.saved(f);
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
        AutosaveService.Document a = autosaves.remove(doc);
        if (a == null) return;
        try {
            a.close();
        } catch (IOException e) {
            log.warning("Could not remove the autosave of " + doc.nameProperty().get() + ": " + e.getMessage());
        }
    }

    /** The documents with unsaved changes. */
    public List<DocumentViewModel> dirtyDocuments() {
        return documents.stream().filter(d -> d.dirtyProperty().get()).toList();
    }

    /** Starts autosaving every open and future document with this service. */
    public void useAutosave(AutosaveService service) {
        this.autosave = service;
        for (DocumentViewModel d : documents) track(d);
    }

    public Optional<AutosaveService> autosave() {
        return Optional.ofNullable(autosave);
    }

    /** Opens a recovered design (from an autosave) as a dirty document. */
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

    public DocumentViewModel openRecovered(Design design, Path original) {
        DocumentViewModel doc = new DocumentViewModel(design, original, clipboard);
        add(doc);
        doc.editor().markUnsaved(); // the recovered state is not the file's
        log.info("Recovered " + design.name() + " from its autosave");
        return doc;
    }

    private void track(DocumentViewModel doc) {
        if (autosave == null || autosaves.containsKey(doc)) return;
        AutosaveService.Document a = autosave.open(doc.file());
        autosaves.put(doc, a);
        Runnable push = () -> a.update(doc.design(), doc.dirtyProperty().get());
        doc.editor().revisionProperty().addListener((o, x, y) -> push.run());
        doc.dirtyProperty().addListener((o, x, y) -> push.run());
        push.run();
    }

    private void add(DocumentViewModel doc) {
        documents.add(doc);
        track(doc);
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
    public ObjectProperty<dev.canopy.app.ui.sim.SimulatorViewModel> activeSimulationProperty() {
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
