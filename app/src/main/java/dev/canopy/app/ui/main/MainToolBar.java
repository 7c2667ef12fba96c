package dev.canopy.app.ui.main;

import atlantafx.base.theme.Styles;
import dev.canopy.app.ui.Icons;
import dev.canopy.app.ui.edit.EditActions;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The main window's toolbar: new, open, save, export; undo and redo (their tooltips name what
 * they would undo); what-if; zoom; Simulate; and the theme toggle at the far end.
 */
final class MainToolBar {
    private MainToolBar() {
    }

    static ToolBar build(MainViewModel vm, MainView view) {
        FileActions files = view.files();
        Button newBlank = tool(Material2OutlinedMZ.NOTE_ADD, "New blank design (Ctrl+N)", vm::newBlankDesign);
        newBlank.setId("tool-new");
        Button open = tool(Material2OutlinedAL.FOLDER_OPEN, "Open a design (Ctrl+O)", view::chooseAndOpen);
        Button save = tool(Material2OutlinedMZ.SAVE, "Save (Ctrl+S)", files::save);
        save.setId("tool-save");
        Button undo = editTool(vm, vm.editActions().undo(), Material2OutlinedMZ.UNDO, "Undo", "Ctrl+Z");
        Button redo = editTool(vm, vm.editActions().redo(), Material2OutlinedMZ.REDO, "Redo", "Ctrl+Shift+Z");
        undo.setId("tool-undo");
        redo.setId("tool-redo");
        Button whatIf = tool(Material2OutlinedAL.HELP_OUTLINE, "What if the selected node dies? (Ctrl+I)", files::whatIf);
        whatIf.setId("tool-what-if");
        Button export = tool(Material2OutlinedAL.GET_APP, "Export code or a diagram (Ctrl+E)", files::export);
        export.setId("tool-export");
        Button zoomOut = tool(Material2OutlinedMZ.ZOOM_OUT, "Zoom out (Ctrl+-)", view::zoomOut);
        Button zoomIn = tool(Material2OutlinedMZ.ZOOM_IN, "Zoom in (Ctrl+=)", view::zoomIn);
        Button fit = tool(Material2OutlinedAL.CENTER_FOCUS_STRONG, "Fit to window (Ctrl+0)", view::fitToWindow);
        for (Button b : new Button[] {save, whatIf, export, zoomOut, zoomIn, fit}) {
            b.disableProperty().bind(vm.hasActiveDocumentBinding().not());
        }

        Button simulate = new Button("Simulate", Icons.of(Material2OutlinedMZ.PLAY_ARROW));
        simulate.getStyleClass().add("simulate-button");
        simulate.setId("tool-simulate");
        simulate.setTooltip(new Tooltip("Run the design in the simulator"));
        simulate.setOnAction(e -> vm.simulate());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(newBlank, open, save, export, new Separator(Orientation.VERTICAL), undo, redo, whatIf,
                new Separator(Orientation.VERTICAL), zoomOut, zoomIn, fit, new Separator(Orientation.VERTICAL),
                simulate, spacer, themeToggle(vm));
        bar.setId("main-toolbar");
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    /** Undo or redo: disabled with nothing to do, its tooltip saying what it would do ("Undo Rename …"). */
    private static Button editTool(MainViewModel vm, EditActions.Action action, Ikon icon, String name, String keys) {
        Button b = tool(icon, name + " (" + keys + ")", () -> vm.report(action.run()));
        b.disableProperty().bind(action.disabledProperty());
        action.textProperty().addListener((o, was, now) -> b.getTooltip().setText(now + " (" + keys + ")"));
        return b;
    }

    /** A sun or moon button that switches the theme; icon and tooltip follow the theme in use. */
    private static Button themeToggle(MainViewModel vm) {
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
        return theme;
    }

    private static Button tool(Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
