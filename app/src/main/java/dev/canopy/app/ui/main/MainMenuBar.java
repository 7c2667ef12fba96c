package dev.canopy.app.ui.main;

import dev.canopy.app.ui.Icons;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.edit.EditActions;
import dev.canopy.app.ui.edit.Shortcuts;
import dev.canopy.app.ui.start.RecentFile;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The main window's menus: File, Edit (the undo stack's actions, then the design helpers), View,
 * Simulate and Help. Entries that act on a design are disabled while the start page is in front.
 */
final class MainMenuBar {

    private final MainViewModel vm;
    private final MainView view;
    private final FileActions files;

    private MainMenuBar(MainViewModel vm, MainView view) {
        this.vm = vm;
        this.view = view;
        this.files = view.files();
    }

    static MenuBar build(MainViewModel vm, MainView view) {
        MainMenuBar menus = new MainMenuBar(vm, view);
        MenuBar bar = new MenuBar(menus.file(), menus.edit(), menus.view(), menus.simulate(),
                new Menu("_Help", null, item("About Canopy", Material2OutlinedAL.INFO, null, view::showAbout)));
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Menu file() {
        MenuItem newBlank = item("New blank design", Material2OutlinedMZ.NOTE_ADD, "Shortcut+N", vm::newBlankDesign);
        MenuItem open = item("Open…", Material2OutlinedAL.FOLDER_OPEN, "Shortcut+O", view::chooseAndOpen);
        Menu recent = new Menu("Open recent");
        recent.setOnShowing(e -> fillRecent(recent));
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
        needsDesign(save, saveAs, export, close);
        MenuItem quit = item("Quit", null, "Shortcut+Q", files::quit);
        MenuItem attach = item("Attach to a running node…", null, null, view::attachToNode);
        attach.setId("menu-attach");
        return new Menu("_File", null, newBlank, open, recent, new SeparatorMenuItem(), save, saveAs, export,
                close, new SeparatorMenuItem(), attach, new SeparatorMenuItem(), quit);
    }

    private void fillRecent(Menu recent) {
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

    private Menu edit() {
        EditActions actions = vm.editActions();
        Menu edit = new Menu("_Edit");
        for (EditActions.Action a : actions.all()) {
            MenuItem m = new MenuItem();
            m.setMnemonicParsing(false); // "Undo Add Worker 'worker_1'": the underscore is text
            m.setId("menu-" + a.id());
            m.textProperty().bind(a.textProperty());
            m.disableProperty().bind(a.disabledProperty());
            m.setAccelerator(KeyCombinations.of(a.shortcut()));
            m.setOnAction(e -> view.runEditAction(a));
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
        MenuItem find = item("Find process…", Material2OutlinedMZ.SEARCH, Shortcuts.require(Shortcuts.FIND), view::find);
        find.setId("menu-find");
        needsDesign(whatIf, wizard, exercise, advisor, find);
        edit.getItems().addAll(whatIf, wizard, exercise, advisor, new SeparatorMenuItem(), find);
        return edit;
    }

    private Menu view() {
        MenuItem startPage = item("Start page", Material2OutlinedAL.HOME, null, vm::showStartPage);
        MenuItem zoomIn = item("Zoom in", Material2OutlinedMZ.ZOOM_IN, Shortcuts.require(Shortcuts.ZOOM_IN), view::zoomIn);
        MenuItem zoomOut = item("Zoom out", Material2OutlinedMZ.ZOOM_OUT, Shortcuts.require(Shortcuts.ZOOM_OUT), view::zoomOut);
        MenuItem zoomReset = item("Fit to window", null, Shortcuts.require(Shortcuts.FIT), view::fitToWindow);
        MenuItem collapse = item("Collapse or expand the selected subtree (C)", null, null, view::toggleSelectedSubtree);
        collapse.setId("menu-collapse");
        MenuItem expandAll = item("Expand all", null, null, view::expandAll);
        needsDesign(zoomIn, zoomOut, zoomReset, collapse, expandAll);
        CheckMenuItem showLog = new CheckMenuItem("Event log");
        showLog.selectedProperty().bindBidirectional(vm.log().visibleProperty());
        showLog.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        MenuItem theme = item("Toggle dark theme", null, "Shortcut+Shift+T", vm::toggleTheme);
        return new Menu("_View", null, startPage, new SeparatorMenuItem(), zoomIn, zoomOut, zoomReset,
                collapse, expandAll, new SeparatorMenuItem(), showLog, theme);
    }

    private Menu simulate() {
        MenuItem run = item("Run", Material2OutlinedMZ.PLAY_ARROW, "F5", vm::simulate);
        run.setId("menu-run");
        MenuItem compare = item("Compare strategies", null, null, vm::compareStrategies);
        compare.setId("menu-compare");
        MenuItem otp = item("Check against real OTP", null, null, vm::checkAgainstOtp);
        otp.setId("menu-check-otp");
        needsDesign(run, compare, otp);
        MenuItem sequence = item("Sequence diagram of this run", null, null, view::sequenceOfSelectedRun);
        sequence.setId("menu-sequence");
        return new Menu("_Simulate", null, run, compare, otp, sequence);
    }

    /** These entries act on a design: disabled while none is active. */
    private void needsDesign(MenuItem... items) {
        for (MenuItem m : items) m.disableProperty().bind(vm.hasActiveDocumentBinding().not());
    }

    private static MenuItem item(String text, Ikon icon, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text, icon == null ? null : Icons.of(icon));
        m.setMnemonicParsing(false);
        if (accelerator != null) m.setAccelerator(KeyCombinations.of(accelerator));
        m.setOnAction(e -> action.run());
        return m;
    }
}
