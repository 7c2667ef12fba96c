package dev.canopy.app.ui.main;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import atlantafx.base.theme.Styles;
import dev.canopy.app.ui.Icons;
import dev.canopy.app.ui.canvas.DesignCanvas;
import dev.canopy.app.ui.render.TreeCanvas;
import dev.canopy.app.ui.sim.SimulatorView;
import dev.canopy.app.ui.edit.EditActions;
import dev.canopy.app.ui.edit.Shortcuts;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.inspector.InspectorView;
import dev.canopy.app.ui.log.EventLogView;
import dev.canopy.app.ui.palette.PaletteView;
import dev.canopy.app.ui.sim.SimulatorTabs;
import dev.canopy.app.ui.sim.SimulatorView;
import dev.canopy.app.ui.start.DesignFilesReader;
import dev.canopy.app.ui.start.DesignSummary;
import dev.canopy.app.ui.start.RecentFile;
import dev.canopy.app.ui.start.StartPageView;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The main window's content: menu bar and toolbar on top; palette | centre tabs (start page,
 * one canvas per open design) | inspector; the event log below; a status bar. Only wiring: the
 * state and commands are {@link MainViewModel}'s, each panel is its own view.
 */
public final class MainView extends BorderPane {

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

        setTop(new VBox(menuBar(), toolBar()));
        setCenter(vertical);
        setBottom(statusBar());

        // Ctrl+Y redoes too (the Edit menu shows Ctrl+Shift+Z; a menu item has one accelerator)
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) now.getAccelerators().put(combination(Shortcuts.require(Shortcuts.REDO_ALT)), () -> {
                if (!editingText()) vm.report(vm.editActions().redo().run());
            });
        });
        ProblemsPopup problems = new ProblemsPopup(vm, this);
        vm.blockedProperty().addListener((o, was, now) -> {
            if (now != null) problems.show(now);
        });
        vm.focusFieldProperty().addListener((o, was, now) -> {
            if (now == null || getScene() == null) return;
            javafx.application.Platform.runLater(() -> {
                Node field = getScene().lookup("#" + dev.canopy.app.ui.inspector.InspectorView.fieldId(now));
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

    private MenuBar menuBar() {
        MenuItem newBlank = item("New blank design", Material2OutlinedMZ.NOTE_ADD, "Shortcut+N", vm::newBlankDesign);
        MenuItem open = item("Open…", Material2OutlinedAL.FOLDER_OPEN, "Shortcut+O", this::chooseAndOpen);
        Menu recent = new Menu("Open recent");
        recent.setOnShowing(e -> fillRecentMenu(recent));
        recent.getItems().add(new MenuItem("(none)"));
        MenuItem save = item("Save", Material2OutlinedMZ.SAVE, Shortcuts.require(Shortcuts.SAVE), files::save);
        save.setId("menu-save");
        MenuItem saveAs = item("Save as…", null, Shortcuts.require(Shortcuts.SAVE_AS), files::saveAs);
        MenuItem export = item("Export…", Material2OutlinedAL.GET_APP, Shortcuts.require(Shortcuts.EXPORT), files::export);
        export.setId("menu-export");
        MenuItem close = item("Close design", null, "Shortcut+W", () -> {
            DocumentViewModel d = vm.activeProperty().get();
            if (d != null && files.confirmClose(d)) vm.close(d);
        });
        for (MenuItem m : new MenuItem[] {save, saveAs, export, close}) {
            m.disableProperty().bind(vm.hasActiveDocumentBinding().not());
        }
        MenuItem quit = item("Quit", null, "Shortcut+Q", files::quit);
        MenuItem attach = item("Attach to a running node…", null, null, this::attachToNode);
        attach.setId("menu-attach");
        Menu file = new Menu("_File", null, newBlank, open, recent, new SeparatorMenuItem(), save, saveAs, export,
                close, new SeparatorMenuItem(), attach, new SeparatorMenuItem(), quit);

        EditActions actions = vm.editActions();
        Menu edit = new Menu("_Edit");
        for (EditActions.Action a : actions.all()) {
            MenuItem m = new MenuItem();
            m.setMnemonicParsing(false); // "Undo Add Worker 'worker_1'": the underscore is text
            m.setId("menu-" + a.id());
            m.textProperty().bind(a.textProperty());
            m.disableProperty().bind(a.disabledProperty());
            m.setAccelerator(combination(a.shortcut()));
            m.setOnAction(e -> {
                if (!editingText()) vm.report(a.run());
            });
            edit.getItems().add(m);
            if (a == actions.redo()) edit.getItems().add(new SeparatorMenuItem());
        }
        edit.getItems().add(new SeparatorMenuItem());
        MenuItem whatIf = item("What if this dies?", Material2OutlinedAL.HELP_OUTLINE, Shortcuts.require(Shortcuts.WHAT_IF), files::whatIf);
        whatIf.setId("menu-what-if");
        MenuItem wizard = item("Strategy wizard…", null, Shortcuts.require(Shortcuts.WIZARD), files::wizard);
        MenuItem advisor = item("Design advisor", null, Shortcuts.require(Shortcuts.ADVISOR), files::advisor);
        MenuItem exercise = item("Whiteboard exercise…", null, null, files::guided);
        exercise.setId("menu-guided-whiteboard");
        for (MenuItem m : new MenuItem[] {whatIf, wizard, exercise, advisor}) {
            m.disableProperty().bind(vm.hasActiveDocumentBinding().not());
        }
        MenuItem find = item("Find process…", Material2OutlinedMZ.SEARCH, Shortcuts.require(Shortcuts.FIND), this::find);
        find.setId("menu-find");
        find.disableProperty().bind(vm.hasActiveDocumentBinding().not());
        edit.getItems().addAll(whatIf, wizard, exercise, advisor, new SeparatorMenuItem(), find);

        MenuItem startPage = item("Start page", Material2OutlinedAL.HOME, null, vm::showStartPage);
        MenuItem zoomIn = item("Zoom in", Material2OutlinedMZ.ZOOM_IN, Shortcuts.require(Shortcuts.ZOOM_IN), () -> onCanvas(c -> c.zoomTo(c.scale() * 1.25)));
        MenuItem zoomOut = item("Zoom out", Material2OutlinedMZ.ZOOM_OUT, Shortcuts.require(Shortcuts.ZOOM_OUT), () -> onCanvas(c -> c.zoomTo(c.scale() / 1.25)));
        MenuItem zoomReset = item("Fit to window", null, Shortcuts.require(Shortcuts.FIT), () -> onCanvas(TreeCanvas::fit));
        MenuItem collapse = item("Collapse or expand the selected subtree (C)", null, null, () -> onCanvas(c -> {
            if (c.selectedKeyProperty().get() != null) c.toggleCollapsed(c.selectedKeyProperty().get());
        }));
        collapse.setId("menu-collapse");
        MenuItem expandAll = item("Expand all", null, null, () -> onCanvas(TreeCanvas::expandAll));
        for (MenuItem m : new MenuItem[] {zoomIn, zoomOut, zoomReset, collapse, expandAll}) {
            m.disableProperty().bind(vm.hasActiveDocumentBinding().not());
        }
        CheckMenuItem showLog = new CheckMenuItem("Event log");
        showLog.selectedProperty().bindBidirectional(vm.log().visibleProperty());
        showLog.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        MenuItem theme = item("Toggle dark theme", null, "Shortcut+Shift+T", vm::toggleTheme);
        Menu view = new Menu("_View", null, startPage, new SeparatorMenuItem(), zoomIn, zoomOut, zoomReset,
                collapse, expandAll, new SeparatorMenuItem(), showLog, theme);

        MenuItem about = item("About Canopy", Material2OutlinedAL.INFO, null, this::showAbout);
        MenuItem run = item("Run", Material2OutlinedMZ.PLAY_ARROW, "F5", vm::simulate);
        run.setId("menu-run");
        MenuItem compare = item("Compare strategies", null, null, vm::compareStrategies);
        compare.setId("menu-compare");
        run.disableProperty().bind(vm.hasActiveDocumentBinding().not());
        compare.disableProperty().bind(vm.hasActiveDocumentBinding().not());
        MenuItem otp = item("Check against real OTP", null, null, vm::checkAgainstOtp);
        otp.setId("menu-check-otp");
        otp.disableProperty().bind(vm.hasActiveDocumentBinding().not());
        MenuItem sequence = item("Sequence diagram of this run", null, null, this::sequenceOfSelectedRun);
        sequence.setId("menu-sequence");
        Menu simulateMenu = new Menu("_Simulate", null, run, compare, otp, sequence);
        Menu help = new Menu("_Help", null, about);
        MenuBar bar = new MenuBar(file, edit, view, simulateMenu, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void fillRecentMenu(Menu recent) {
        recent.getItems().clear();
        if (vm.startPage().recent().isEmpty()) {
            MenuItem none = new MenuItem("No recent designs");
            none.setDisable(true);
            recent.getItems().add(none);
            return;
        }
        for (RecentFile f : vm.startPage().recent()) {
            MenuItem m = new MenuItem(f.name());
            m.setMnemonicParsing(false); // a file name's underscores are text
            m.setOnAction(e -> vm.openRecent(f));
            recent.getItems().add(m);
        }
    }

    /** A text field has the focus: Delete, Copy, Paste ... belong to it, not to the canvas. */
    private boolean editingText() {
        return getScene() != null && getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl;
    }

    /** File > Attach to a running node…: a live cluster in a tab; imports open as unsaved designs. */
    void attachToNode() {
        dev.canopy.app.ui.attach.AttachTabs.attachToNode(tabs, vm.dispatch(), vm.log(), vm.clock(), vm.themeProperty(),
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

    private static MenuItem item(String text, Ikon icon, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text, icon == null ? null : Icons.of(icon));
        m.setMnemonicParsing(false);
        if (accelerator != null) m.setAccelerator(combination(accelerator));
        m.setOnAction(e -> action.run());
        return m;
    }

    /**
     * The key combination of a {@link Shortcuts} text. A key-code name (DIGIT0, EQUALS, MINUS)
     * becomes a key-code combination: {@code KeyCombination.keyCombination} would read it as the
     * character sequence "DIGIT0", which no key types and which menus show as "Ctrl+DIGIT0".
     */
    static KeyCombination combination(String text) {
        String[] parts = text.split("\\+");
        String key = parts[parts.length - 1];
        if (key.length() > 1) {
            try {
                javafx.scene.input.KeyCode code = javafx.scene.input.KeyCode.valueOf(key);
                java.util.List<KeyCombination.Modifier> modifiers = new java.util.ArrayList<>();
                for (int i = 0; i < parts.length - 1; i++) {
                    modifiers.add(switch (parts[i].toLowerCase(java.util.Locale.ROOT)) {
                        case "shortcut" -> KeyCombination.SHORTCUT_DOWN;
                        case "shift" -> KeyCombination.SHIFT_DOWN;
                        case "alt" -> KeyCombination.ALT_DOWN;
                        case "ctrl" -> KeyCombination.CONTROL_DOWN;
                        case "meta" -> KeyCombination.META_DOWN;
                        default -> throw new IllegalArgumentException("unknown modifier in " + text);
                    });
                }
                return new javafx.scene.input.KeyCodeCombination(code, modifiers.toArray(KeyCombination.Modifier[]::new));
            } catch (IllegalArgumentException notAKeyCode) {
                // a name such as "Delete" or "F5": KeyCombination reads those itself
            }
        }
        return KeyCombination.keyCombination(text);
    }

    /**
     * The tree canvas of the selected tab: a simulation's when a simulator tab is selected (zoom,
     * fit and find act on what the user sees), else the active design's.
     */
    java.util.Optional<TreeCanvas> activeCanvas() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null && t.getContent() instanceof SimulatorView sim) return java.util.Optional.of(sim.canvas());
        DocumentViewModel d = vm.activeProperty().get();
        if (d == null || t == startTab) return java.util.Optional.empty();
        return files.canvas(d).map(DesignCanvas::treeCanvas);
    }

    private void onCanvas(java.util.function.Consumer<TreeCanvas> f) {
        activeCanvas().ifPresent(f);
    }

    /** The sequence diagram of the run whose tab is selected (or says how to get one). */
    void sequenceOfSelectedRun() {
        javafx.scene.control.Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null && t.getUserData() instanceof dev.canopy.app.ui.sim.SimulatorViewModel run) {
            vm.simulations().sequence(run);
        } else {
            vm.log().warning("Select a simulator tab first: the sequence diagram shows that run");
        }
    }

    private void onActive(java.util.function.Consumer<DocumentViewModel> f) {
        DocumentViewModel d = vm.activeProperty().get();
        if (d != null) f.accept(d);
    }

    private ToolBar toolBar() {
        Button newBlank = tool(Material2OutlinedMZ.NOTE_ADD, "New blank design (Ctrl+N)", vm::newBlankDesign);
        newBlank.setId("tool-new");
        Button open = tool(Material2OutlinedAL.FOLDER_OPEN, "Open a design (Ctrl+O)", this::chooseAndOpen);
        Button save = tool(Material2OutlinedMZ.SAVE, "Save (Ctrl+S)", files::save);
        save.setId("tool-save");
        save.disableProperty().bind(vm.hasActiveDocumentBinding().not());
        Button undo = tool(Material2OutlinedMZ.UNDO, "Undo (Ctrl+Z)", () -> vm.report(vm.editActions().undo().run()));
        Button redo = tool(Material2OutlinedMZ.REDO, "Redo (Ctrl+Shift+Z)", () -> vm.report(vm.editActions().redo().run()));
        undo.setId("tool-undo");
        redo.setId("tool-redo");
        undo.disableProperty().bind(vm.editActions().undo().disabledProperty());
        redo.disableProperty().bind(vm.editActions().redo().disabledProperty());
        vm.editActions().undo().textProperty().addListener((o, a, b) -> undo.getTooltip().setText(b + " (Ctrl+Z)"));
        vm.editActions().redo().textProperty().addListener((o, a, b) -> redo.getTooltip().setText(b + " (Ctrl+Shift+Z)"));
        Button whatIf = tool(Material2OutlinedAL.HELP_OUTLINE, "What if the selected node dies? (Ctrl+I)", files::whatIf);
        whatIf.setId("tool-what-if");
        whatIf.disableProperty().bind(vm.hasActiveDocumentBinding().not());
        Button export = tool(Material2OutlinedAL.GET_APP, "Export code or a diagram (Ctrl+E)", files::export);
        export.setId("tool-export");
        export.disableProperty().bind(vm.hasActiveDocumentBinding().not());
        Button zoomOut = tool(Material2OutlinedMZ.ZOOM_OUT, "Zoom out (Ctrl+-)", () -> onCanvas(c -> c.zoomTo(c.scale() / 1.25)));
        Button zoomIn = tool(Material2OutlinedMZ.ZOOM_IN, "Zoom in (Ctrl+=)", () -> onCanvas(c -> c.zoomTo(c.scale() * 1.25)));
        Button fit = tool(Material2OutlinedAL.CENTER_FOCUS_STRONG, "Fit to window (Ctrl+0)", () -> onCanvas(TreeCanvas::fit));
        for (Button b : new Button[] {zoomOut, zoomIn, fit}) b.disableProperty().bind(vm.hasActiveDocumentBinding().not());

        Button simulate = new Button("Simulate", Icons.of(Material2OutlinedMZ.PLAY_ARROW));
        simulate.getStyleClass().add("simulate-button");
        simulate.setId("tool-simulate");
        simulate.setTooltip(new Tooltip("Run the design in the simulator"));
        simulate.setOnAction(e -> vm.simulate());

        FontIcon themeIcon = Icons.of(Icons.themeToggle(vm.themeProperty().get().isDark()));
        Button theme = new Button(null, themeIcon);
        theme.setId("theme-toggle");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.setOnAction(e -> vm.toggleTheme());
        Tooltip themeTip = new Tooltip();
        theme.setTooltip(themeTip);
        Runnable syncTheme = () -> {
            boolean dark = vm.themeProperty().get().isDark();
            themeIcon.setIconCode(Icons.themeToggle(dark));
            themeTip.setText(dark ? "Switch to the light theme (Ctrl+Shift+T)" : "Switch to the dark theme (Ctrl+Shift+T)");
        };
        vm.themeProperty().addListener((o, a, b) -> syncTheme.run());
        syncTheme.run();

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(newBlank, open, save, export, new Separator(Orientation.VERTICAL), undo, redo, whatIf,
                new Separator(Orientation.VERTICAL), zoomOut, zoomIn, fit, new Separator(Orientation.VERTICAL),
                simulate, spacer, theme);
        bar.setId("main-toolbar");
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private static Button tool(Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label zoom = new Label();
        Label procs = new Label();
        java.util.function.Consumer<DocumentViewModel> follow = d -> {
            zoom.textProperty().unbind();
            procs.textProperty().unbind();
            if (d == null) {
                zoom.setText("");
                procs.setText("");
                return;
            }
            zoom.textProperty().bind(Bindings.createStringBinding(
                    () -> Math.round(d.zoomProperty().get() * 100) + "%", d.zoomProperty()));
            procs.textProperty().bind(Bindings.createStringBinding(() -> {
                int n = d.processCountBinding().get();
                return n == 1 ? "1 process" : n + " processes";
            }, d.processCountBinding()));
        };
        vm.activeProperty().addListener((o, a, b) -> follow.accept(b));
        follow.accept(vm.activeProperty().get());
        // a big file is read, checked and laid out in the background: how far it has come
        javafx.scene.control.ProgressBar opening = new javafx.scene.control.ProgressBar();
        opening.setId("open-progress");
        opening.setPrefWidth(140);
        opening.setMinWidth(140);
        opening.progressProperty().bind(vm.openProgressProperty());
        opening.visibleProperty().bind(vm.openingProperty());
        opening.managedProperty().bind(vm.openingProperty());
        HBox bar = new HBox(16, status, opening, spacer, procs, zoom);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setId("status-bar");
        return bar;
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open design");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Canopy designs", "*" + DesignFilesReader.SUFFIX),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (Files.isDirectory(vm.startPage().samplesDir())) chooser.setInitialDirectory(vm.startPage().samplesDir().toFile());
        File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) vm.openFile(f.toPath());
    }

    private void showAbout() {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        a.setTitle("About Canopy");
        a.setHeaderText("Canopy " + version());
        a.setContentText("Design and simulate Erlang/OTP supervision trees.\n\nJava " + Runtime.version()
                + " · JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        if (getScene() != null) a.initOwner(getScene().getWindow());
        a.show();
    }

    private static String version() {
        try (InputStream in = MainView.class.getResourceAsStream("/dev/canopy/app/version.properties")) {
            if (in == null) return "";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "");
        } catch (IOException e) {
            return "";
        }
    }
}
