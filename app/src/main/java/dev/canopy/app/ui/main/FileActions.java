package dev.canopy.app.ui.main;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.canopy.app.ui.canvas.DesignCanvas;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.start.DesignFilesReader;
import dev.canopy.app.ui.whiteboard.WhiteboardPanel;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.whiteboard.StrategyWizard;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The main window's file, export and whiteboard commands that need dialogs: Save / Save As,
 * the unsaved-changes prompt on close and quit, the export dialog, and the whiteboard panel
 * (what-if, advisor) and wizard for each open design.
 */
final class FileActions {

    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DONT_SAVE = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);

    private final MainViewModel vm;
    private final Node owner;
    private final Map<DocumentViewModel, DesignCanvas> canvases = new HashMap<>();
    private final Map<DocumentViewModel, WhiteboardPanel> panels = new HashMap<>();
    /** Tests answer the prompts (and pick files) instead of a person. */
    java.util.function.Function<DocumentViewModel, ButtonType> closePrompt = this::askToSave;
    java.util.function.Function<DocumentViewModel, Optional<Path>> saveTarget = this::chooseSaveTarget;

    FileActions(MainViewModel vm, Node owner) {
        this.vm = vm;
        this.owner = owner;
    }

    private Window window() {
        return owner.getScene() == null ? null : owner.getScene().getWindow();
    }

    /** The canvas with its whiteboard panel on the right, as a tab's content. */
    Node wrapCanvas(DocumentViewModel doc, DesignCanvas canvas) {
        WhiteboardPanel panel = new WhiteboardPanel(doc, canvas, vm.dispatch());
        canvases.put(doc, canvas);
        panels.put(doc, panel);
        canvas.treeCanvas().setOnNodeMenu(r -> {
            ContextMenu menu = new ContextMenu();
            MenuItem whatIf = new MenuItem("What if this dies?");
            whatIf.setOnAction(e -> panel.whatIf(r.key()));
            MenuItem dup = new MenuItem("Duplicate");
            dup.setOnAction(e -> vm.report(doc.editor().duplicate()));
            MenuItem del = new MenuItem("Delete");
            del.setOnAction(e -> vm.report(doc.editor().delete()));
            menu.getItems().addAll(whatIf, dup, del);
            dev.canopy.app.ui.render.CollapseItem.add(menu, canvas.treeCanvas(), r.key());
            menu.show(canvas, r.screenX(), r.screenY());
        });
        HBox.setHgrow(canvas, Priority.ALWAYS);
        HBox box = new HBox(canvas, panel);
        box.getStyleClass().add("canvas-with-panel");
        return box;
    }

    Optional<DesignCanvas> canvas(DocumentViewModel doc) {
        return Optional.ofNullable(canvases.get(doc));
    }

    Optional<WhiteboardPanel> panel(DocumentViewModel doc) {
        return Optional.ofNullable(panels.get(doc));
    }

    // ---- files

    void save() {
        DocumentViewModel d = vm.activeProperty().get();
        if (d != null) save(d);
    }

    void saveAs() {
        DocumentViewModel d = vm.activeProperty().get();
        if (d != null) saveAs(d);
    }

    boolean save(DocumentViewModel d) {
        if (d.file().isPresent()) return vm.save(d);
        return saveAs(d);
    }

    boolean saveAs(DocumentViewModel d) {
        Optional<Path> target = saveTarget.apply(d);
        return target.isPresent() && vm.saveAs(d, target.get());
    }

    private Optional<Path> chooseSaveTarget(DocumentViewModel d) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save design");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Canopy designs", "*" + DesignFilesReader.SUFFIX));
        chooser.setInitialFileName(proposedFileName(d));
        d.file().map(Path::getParent).filter(p -> p.toFile().isDirectory()).ifPresent(p -> chooser.setInitialDirectory(p.toFile()));
        File f = chooser.showSaveDialog(window());
        if (f == null) return Optional.empty();
        Path p = f.toPath();
        if (!p.getFileName().toString().endsWith(DesignFilesReader.SUFFIX)) {
            p = p.resolveSibling(p.getFileName() + DesignFilesReader.SUFFIX);
        }
        return Optional.of(p);
    }

    /** The file name Save As proposes: the file's own, or the design's name for an untitled design. */
    static String proposedFileName(DocumentViewModel d) {
        return d.file().map(p -> p.getFileName().toString()).orElse(d.nameProperty().get() + DesignFilesReader.SUFFIX);
    }

    /** True when the document may close: clean, saved now, or the user chose Don't Save (which drops its autosave). */
    boolean confirmClose(DocumentViewModel d) {
        if (!d.dirtyProperty().get()) return true;
        ButtonType answer = closePrompt.apply(d);
        if (answer == SAVE) return save(d);
        if (answer == DONT_SAVE) vm.discardChanges(d);
        return answer == DONT_SAVE;
    }

    private ButtonType askToSave(DocumentViewModel d) {
        vm.activeProperty().set(d);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DONT_SAVE, ButtonType.CANCEL);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to \"" + d.nameProperty().get() + "\"?");
        a.setContentText("Your changes are lost if you don't save them.");
        if (window() != null) a.initOwner(window());
        return a.showAndWait().orElse(ButtonType.CANCEL);
    }

    /** Asks about every unsaved design; true when the app may quit. */
    boolean confirmQuit() {
        for (DocumentViewModel d : List.copyOf(vm.dirtyDocuments())) {
            if (!confirmClose(d)) return false;
        }
        return true;
    }

    void quit() {
        if (confirmQuit()) Platform.exit();
    }

    // ---- export

    void export() {
        DocumentViewModel d = vm.activeProperty().get();
        if (d == null) return;
        new ExportDialog(d.design(), vm.themeProperty().get(), vm.log(), window()).show();
    }

    // ---- whiteboard

    void whatIf() {
        DocumentViewModel d = vm.activeProperty().get();
        if (d == null) return;
        Optional<String> sel = d.editor().selection();
        if (sel.isEmpty()) {
            vm.log().warning("Select a node first: What if this dies? predicts what its supervisor does");
            return;
        }
        panel(d).ifPresent(p -> p.whatIf(sel.get()));
    }

    /** The guided whiteboard exercise in the side panel; its strategies apply as undoable edits. */
    void guided() {
        DocumentViewModel d = vm.activeProperty().get();
        if (d != null) panel(d).ifPresent(p -> p.guided(answers -> applyWizard(d, answers)));
    }

    void advisor() {
        DocumentViewModel d = vm.activeProperty().get();
        if (d != null) panel(d).ifPresent(WhiteboardPanel::advisor);
    }

    /** The strategy wizard: one question per child; the proposals are applied as undoable edits. */
    void wizard() {
        DocumentViewModel d = vm.activeProperty().get();
        if (d == null) return;
        Design design = d.design();
        List<StrategyWizard.Question> questions = StrategyWizard.questions(design);
        if (questions.isEmpty()) {
            vm.log().info("The wizard has no questions: the design has no supervisor with children");
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Strategy wizard");
        dialog.setHeaderText("If this dies, should its siblings die too?");
        VBox box = new VBox(10);
        Map<String, ToggleGroup> groups = new LinkedHashMap<>();
        for (StrategyWizard.Question q : questions) {
            Label text = new Label(q.text());
            text.setWrapText(true);
            text.setMaxWidth(520);
            ToggleGroup g = new ToggleGroup();
            HBox answers = new HBox(12);
            for (StrategyWizard.Answer a : StrategyWizard.Answer.values()) {
                RadioButton r = new RadioButton(switch (a) {
                    case NO -> "No, they go on";
                    case YES_ALL -> "Yes, all of them";
                    case YES_LATER_ONES -> "Yes, the ones started after it";
                });
                r.setUserData(a);
                r.setToggleGroup(g);
                if (a == StrategyWizard.Answer.NO) r.setSelected(true);
                answers.getChildren().add(r);
            }
            groups.put(q.childPath(), g);
            box.getChildren().add(new VBox(4, text, answers));
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(600, 420);
        dialog.getDialogPane().setContent(scroll);
        ButtonType apply = new ButtonType("Apply proposals", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        if (window() != null) dialog.initOwner(window());
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != apply) return;
        Map<String, StrategyWizard.Answer> answers = new LinkedHashMap<>();
        groups.forEach((path, g) -> answers.put(path, g.getSelectedToggle() == null
                ? StrategyWizard.Answer.NO : (StrategyWizard.Answer) g.getSelectedToggle().getUserData()));
        applyWizard(d, answers);
    }

    /** Applies the wizard's proposals for these answers, one undo step per supervisor changed. */
    void applyWizard(DocumentViewModel d, Map<String, StrategyWizard.Answer> answers) {
        List<StrategyWizard.Proposal> proposals = StrategyWizard.propose(d.design(), answers);
        int changed = 0;
        for (StrategyWizard.Proposal p : proposals) {
            if (!p.changes()) continue;
            Design after = StrategyWizard.apply(d.design(), List.of(p));
            Optional<DesignNode> node = DesignPaths.find(after, p.supervisorPath());
            if (node.isEmpty()) continue;
            vm.report(d.editor().changeNode(p.supervisorPath(), node.get(), "strategy"));
            vm.log().info("Wizard: " + p.supervisorPath() + " → " + p.proposed().atom() + " (" + p.reason() + ")");
            changed++;
        }
        List<String> unkept = StrategyWizard.unkeptAnswers(d.design(), answers);
        for (String u : unkept) vm.log().warning("Wizard: " + u);
        if (changed == 0) {
            vm.log().info(unkept.isEmpty() ? "Wizard: the strategies already match your answers"
                    : "Wizard: no strategy keeps every answer; the nearest is already set");
        }
    }
}
