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
import dev.canopy.app.ui.canvas.DesignCanvasView;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.inspector.InspectorView;
import dev.canopy.app.ui.log.EventLogView;
import dev.canopy.app.ui.palette.PaletteView;
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

    public MainView(MainViewModel vm) {
        this.vm = vm;
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

        PaletteView palette = new PaletteView(vm.palette(), vm::dropOnCanvas);
        InspectorView inspector = new InspectorView(vm.inspector());
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
                    vertical.setDividerPositions(0.78);
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
                    t.setContent(new DesignCanvasView(d, vm.themeProperty(), vm::dropOnCanvas));
                    t.setOnClosed(e -> vm.close(d));
                    d.fileProperty().addListener((o, a, b) -> t.setTooltip(b == null ? null : new Tooltip(b.toString())));
                    if (d.file().isPresent()) t.setTooltip(new Tooltip(d.file().get().toString()));
                    docTabs.put(d, t);
                    tabs.getTabs().add(t);
                }
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
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
        MenuItem save = item("Save", Material2OutlinedMZ.SAVE, "Shortcut+S", () -> { });
        save.setDisable(true);
        MenuItem close = item("Close design", null, "Shortcut+W", vm::closeActive);
        close.disableProperty().bind(vm.hasActiveDocumentBinding().not());
        MenuItem quit = item("Quit", null, "Shortcut+Q", Platform::exit);
        Menu file = new Menu("_File", null, newBlank, open, recent, new SeparatorMenuItem(), save, close,
                new SeparatorMenuItem(), quit);

        MenuItem startPage = item("Start page", Material2OutlinedAL.HOME, null, vm::showStartPage);
        MenuItem zoomIn = item("Zoom in", Material2OutlinedMZ.ZOOM_IN, "Shortcut+EQUALS", () -> onActive(DocumentViewModel::zoomIn));
        MenuItem zoomOut = item("Zoom out", Material2OutlinedMZ.ZOOM_OUT, "Shortcut+MINUS", () -> onActive(DocumentViewModel::zoomOut));
        MenuItem zoomReset = item("Actual size", null, "Shortcut+DIGIT0", () -> onActive(DocumentViewModel::resetZoom));
        for (MenuItem m : new MenuItem[] {zoomIn, zoomOut, zoomReset}) {
            m.disableProperty().bind(vm.hasActiveDocumentBinding().not());
        }
        CheckMenuItem showLog = new CheckMenuItem("Event log");
        showLog.selectedProperty().bindBidirectional(vm.log().visibleProperty());
        showLog.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        MenuItem theme = item("Toggle dark theme", null, "Shortcut+Shift+T", vm::toggleTheme);
        Menu view = new Menu("_View", null, startPage, new SeparatorMenuItem(), zoomIn, zoomOut, zoomReset,
                new SeparatorMenuItem(), showLog, theme);

        MenuItem about = item("About Canopy", Material2OutlinedAL.INFO, null, this::showAbout);
        Menu help = new Menu("_Help", null, about);
        MenuBar bar = new MenuBar(file, view, help);
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
            m.setOnAction(e -> vm.openRecent(f));
            recent.getItems().add(m);
        }
    }

    private static MenuItem item(String text, Ikon icon, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text, icon == null ? null : Icons.of(icon));
        if (accelerator != null) m.setAccelerator(KeyCombination.keyCombination(accelerator));
        m.setOnAction(e -> action.run());
        return m;
    }

    private void onActive(java.util.function.Consumer<DocumentViewModel> f) {
        DocumentViewModel d = vm.activeProperty().get();
        if (d != null) f.accept(d);
    }

    private ToolBar toolBar() {
        Button newBlank = tool(Material2OutlinedMZ.NOTE_ADD, "New blank design (Ctrl+N)", vm::newBlankDesign);
        newBlank.setId("tool-new");
        Button open = tool(Material2OutlinedAL.FOLDER_OPEN, "Open a design (Ctrl+O)", this::chooseAndOpen);
        Button save = tool(Material2OutlinedMZ.SAVE, "Save (comes with the editor)", () -> { });
        save.setDisable(true);
        Button undo = tool(Material2OutlinedMZ.UNDO, "Undo", () -> { });
        Button redo = tool(Material2OutlinedMZ.REDO, "Redo", () -> { });
        undo.setDisable(true);
        redo.setDisable(true);
        Button zoomOut = tool(Material2OutlinedMZ.ZOOM_OUT, "Zoom out (Ctrl+-)", () -> onActive(DocumentViewModel::zoomOut));
        Button zoomIn = tool(Material2OutlinedMZ.ZOOM_IN, "Zoom in (Ctrl+=)", () -> onActive(DocumentViewModel::zoomIn));
        Button fit = tool(Material2OutlinedAL.CENTER_FOCUS_STRONG, "Actual size (Ctrl+0)", () -> onActive(DocumentViewModel::resetZoom));
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
        ToolBar bar = new ToolBar(newBlank, open, save, new Separator(Orientation.VERTICAL), undo, redo,
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
        HBox bar = new HBox(16, status, spacer, procs, zoom);
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
