package dev.canopy.app.ui.main;

import java.io.File;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.canopy.app.ui.Icons;
import dev.canopy.app.ui.attach.AttachTabs;
import dev.canopy.app.ui.canvas.DesignCanvas;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.edit.EditActions;
import dev.canopy.app.ui.edit.Shortcuts;
import dev.canopy.app.ui.inspector.InspectorView;
import dev.canopy.app.ui.log.EventLogView;
import dev.canopy.app.ui.palette.PaletteView;
import dev.canopy.app.ui.render.TreeCanvas;
import dev.canopy.app.ui.sim.SimulatorTabs;
import dev.canopy.app.ui.sim.SimulatorView;
import dev.canopy.app.ui.sim.SimulatorViewModel;
import dev.canopy.app.ui.start.DesignFilesReader;
import dev.canopy.app.ui.start.DesignSummary;
import dev.canopy.app.ui.start.RecentFile;
import dev.canopy.app.ui.start.StartPageView;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The main window's content: menu bar and toolbar on top; palette | centre tabs (start page,
 * one canvas per open design) | inspector; the event log below; a status bar. Only wiring: the
 * state and commands are {@link MainViewModel}'s, each panel is its own view.
 */
public final class MainView extends BorderPane {

    /** One step of zooming in or out, from the menu, toolbar or shortcuts. */
    private static final double ZOOM_STEP = 1.25;

    private final MainViewModel vm;
    private final TabPane tabs = new TabPane();
    private final Tab startTab;
    private final Map<DocumentViewModel, Tab> docTabs = new HashMap<>();

    private final FileActions files;

    public MainView(MainViewModel vm) {
        this.vm = vm;
        this.files = new FileActions(vm, this);
        getStyleClass().add("main-view");
        setId("main-view");

        StartPageView start = new StartPageView(vm.startPage(), vm.themeProperty(), new StartPageView.Actions() {
            @Override
            public void newBlank() {
                vm.newBlankDesign();
            }

            @Override
            public void open() {
                chooseAndOpen();
            }

            @Override
            public void openSample(DesignSummary sample) {
                vm.openSample(sample);
            }

            @Override
            public void openRecent(RecentFile file) {
                vm.openRecent(file);
            }
        });
        startTab = new Tab("Start", start);
        startTab.setClosable(false);
        startTab.setGraphic(Icons.of(Material2OutlinedAL.HOME));
        tabs.getTabs().add(startTab);
        tabs.setId("centre-tabs");
        tabs.getStyleClass().add("centre-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        wireTabs();
        SimulatorTabs.attach(tabs, vm.simulations(), vm.themeProperty());

        PaletteView palette = new PaletteView(vm.palette(), vm::dropOnCanvas);
        InspectorView inspector = new InspectorView(vm.inspector(), vm::report);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        palette.setMinWidth(180);
        inspector.setMinWidth(220);
        SplitPane work = new SplitPane(palette, tabs, inspector);
        work.setDividerPositions(0.18, 0.78);
        work.getStyleClass().add("work-split");

        EventLogView log = new EventLogView(vm.log());
        log.setMinHeight(90);
        SplitPane.setResizableWithParent(log, false);
        SplitPane vertical = new SplitPane(work);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.getStyleClass().add("main-split");
        Runnable placeLog = () -> {
            if (vm.log().visibleProperty().get()) {
                if (!vertical.getItems().contains(log)) {
                    vertical.getItems().add(log);
                    vertical.setDividerPositions(0.87); // a strip of recent lines; the canvas is the work
                }
            } else {
                vertical.getItems().remove(log);
            }
        };
        vm.log().visibleProperty().addListener((o, a, b) -> placeLog.run());
        placeLog.run();

        setTop(new VBox(MainMenuBar.build(vm, this), MainToolBar.build(vm, this)));
        setCenter(vertical);
        setBottom(new StatusBar(vm));

        // Ctrl+Y redoes too (the Edit menu shows Ctrl+Shift+Z; a menu item has one accelerator)
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) now.getAccelerators().put(KeyCombinations.of(Shortcuts.require(Shortcuts.REDO_ALT)),
                    () -> runEditAction(vm.editActions().redo()));
        });
        ProblemsPopup problems = new ProblemsPopup(vm, this);
        vm.blockedProperty().addListener((o, was, now) -> {
            if (now != null) problems.show(now);
        });
        vm.focusFieldProperty().addListener((o, was, now) -> {
            if (now == null || getScene() == null) return;
            Platform.runLater(() -> {
                Node field = getScene().lookup("#" + InspectorView.fieldId(now));
                if (field != null) field.requestFocus();
            });
        });
    }

    private void wireTabs() {
        vm.documents().addListener((ListChangeListener<DocumentViewModel>) c -> {
            while (c.next()) {
                for (DocumentViewModel d : c.getRemoved()) {
                    Tab t = docTabs.remove(d);
                    if (t != null) tabs.getTabs().remove(t);
                }
                for (DocumentViewModel d : c.getAddedSubList()) {
                    Tab t = new Tab();
                    t.textProperty().bind(d.titleBinding());
                    t.setGraphic(Icons.of(Material2OutlinedAL.ACCOUNT_TREE));
                    DesignCanvas canvas = new DesignCanvas(d, vm.themeProperty(), vm::report);
                    t.setContent(files.wrapCanvas(d, canvas));
                    t.setOnCloseRequest(e -> {
                        if (!files.confirmClose(d)) e.consume();
                    });
                    t.setOnClosed(e -> vm.close(d));
                    d.fileProperty().addListener((o, a, b) -> t.setTooltip(b == null ? null : new Tooltip(b.toString())));
                    if (d.file().isPresent()) t.setTooltip(new Tooltip(d.file().get().toString()));
                    docTabs.put(d, t);
                    tabs.getTabs().add(t);
                }
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            // A simulator tab in front: the title and the inspector follow that run.
            vm.activeSimulationProperty().set(now != null && now.getContent() instanceof SimulatorView sv ? sv.viewModel() : null);
            if (now != null && now != startTab && !docTabs.containsValue(now)) return; // a simulator tab
            DocumentViewModel d = docTabs.entrySet().stream()
                    .filter(en -> en.getValue() == now).map(Map.Entry::getKey).findFirst().orElse(null);
            if (vm.activeProperty().get() != d) vm.activeProperty().set(d);
        });
        vm.activeProperty().addListener((o, was, now) -> {
            Tab t = now == null ? startTab : docTabs.get(now);
            if (t != null && tabs.getSelectionModel().getSelectedItem() != t) tabs.getSelectionModel().select(t);
        });
    }

    /** A text field has the focus: Delete, Copy, Paste ... belong to it, not to the canvas. */
    private boolean editingText() {
        return getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
    }

    /** Runs an action of the undo stack (menu or shortcut) unless a text field takes the key. */
    void runEditAction(EditActions.Action action) {
        if (!editingText()) vm.report(action.run());
    }

    /** File > Attach to a running node…: a live cluster in a tab; imports open as unsaved designs. */
    void attachToNode() {
        AttachTabs.attachToNode(tabs, vm.dispatch(), vm.log(), vm.clock(), vm.themeProperty(),
                (design, unread, replay) -> {
                    vm.openUnsaved(design);
                    unread.forEach(u -> vm.log().info("Import of " + design.name() + ": not read from the node: " + u));
                    // A replay plays the recorded exits: the imported design's fault script is on from the start.
                    if (replay) vm.simulate(true);
                });
    }

    FileActions files() {
        return files;
    }

    /** "Find process" (Shortcut+F): a popup listing the active design's nodes by id or label. */
    void find() {
        DocumentViewModel d = vm.activeProperty().get();
        TreeCanvas canvas = activeCanvas().orElse(null);
        if (d == null || canvas == null) return;
        findPopup().show(d, canvas, canvas);
    }

    private FindPopup findPopup;

    FindPopup findPopup() {
        if (findPopup == null) {
            findPopup = new FindPopup();
        }
        return findPopup;
    }

    /** Asks about unsaved designs before the window closes; false to stay open. */
    public boolean confirmQuit() {
        return files.confirmQuit();
    }

    /**
     * The tree canvas of the selected tab: a simulation's when a simulator tab is selected (zoom,
     * fit and find act on what the user sees), else the active design's.
     */
    Optional<TreeCanvas> activeCanvas() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null && t.getContent() instanceof SimulatorView sim) return Optional.of(sim.canvas());
        DocumentViewModel d = vm.activeProperty().get();
        if (d == null || t == startTab) return Optional.empty();
        return files.canvas(d).map(DesignCanvas::treeCanvas);
    }

    private void onCanvas(Consumer<TreeCanvas> f) {
        activeCanvas().ifPresent(f);
    }

    void zoomIn() {
        onCanvas(c -> c.zoomTo(c.scale() * ZOOM_STEP));
    }

    void zoomOut() {
        onCanvas(c -> c.zoomTo(c.scale() / ZOOM_STEP));
    }

    void fitToWindow() {
        onCanvas(TreeCanvas::fit);
    }

    void toggleSelectedSubtree() {
        onCanvas(c -> {
            if (c.selectedKeyProperty().get() != null) c.toggleCollapsed(c.selectedKeyProperty().get());
        });
    }

    void expandAll() {
        onCanvas(TreeCanvas::expandAll);
    }

    /** The sequence diagram of the run whose tab is selected (or says how to get one). */
    void sequenceOfSelectedRun() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null && t.getUserData() instanceof SimulatorViewModel run) {
            vm.simulations().sequence(run);
        } else {
            vm.log().warning("Select a simulator tab first: the sequence diagram shows that run");
        }
    }

    /** File > Open…: a file chooser starting in the samples folder. */
    void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open design");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Canopy designs", "*" + DesignFilesReader.SUFFIX),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (Files.isDirectory(vm.startPage().samplesDir())) chooser.setInitialDirectory(vm.startPage().samplesDir().toFile());
        File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) vm.openFile(f.toPath());
    }

    /** Help > About Canopy. */
    void showAbout() {
        AboutDialog.show(getScene());
    }
}
