package dev.canopy.app.ui.canvas;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.canopy.app.ui.edit.Dragged;
import dev.canopy.app.ui.edit.DropPosition;
import dev.canopy.app.ui.edit.EditResult;
import dev.canopy.app.ui.edit.EditorClipboard;
import dev.canopy.app.ui.edit.EditorViewModel;
import dev.canopy.app.ui.palette.PaletteItem;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.SupervisorNode;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One open design (a tab in the centre): its {@link EditorViewModel} (the design, selection,
 * undo history, dirty state and problems), the file it is saved in, and the canvas zoom.
 * {@link #nameProperty()} and {@link #descriptionProperty()} follow the design; setting them is
 * an undoable edit.
 */
public final class DocumentViewModel {

    /** As far out as the canvas goes, so that Fit can show any tree (see TreeCanvas.MIN_SCALE). */
    public static final double MIN_ZOOM = 0.00001;
    public static final double MAX_ZOOM = 4.0;

    private final EditorViewModel editor;
    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
    private final javafx.beans.property.IntegerProperty fitRequests = new javafx.beans.property.SimpleIntegerProperty(this, "fitRequests");
    private final IntegerBinding processCount;
    private final StringBinding strategy;
    private boolean syncing;
    private final PreparedDesign prepared;

    public DocumentViewModel(Design design, Path file, EditorClipboard clipboard) {
        this(design, null, file, clipboard);
    }

    /** A design opened from a file whose problems, diagram and layout were prepared in the background. */
    public DocumentViewModel(PreparedDesign prepared, Path file, EditorClipboard clipboard) {
        this(prepared.design(), prepared, file, clipboard);
    }

    private DocumentViewModel(Design design, PreparedDesign prepared, Path file, EditorClipboard clipboard) {
        this.prepared = prepared;
        this.editor = prepared == null ? new EditorViewModel(design, clipboard)
                : new EditorViewModel(design, clipboard, new dev.canopy.app.ui.edit.UndoStack(), prepared.problems());
        this.file.set(file);
        processCount = Bindings.createIntegerBinding(() -> editor.design().root().subtreeSize(), editor.designProperty());
        strategy = Bindings.createStringBinding(() -> editor.design().root() instanceof SupervisorNode s
                ? s.strategy().name().toLowerCase(java.util.Locale.ROOT) : "", editor.designProperty());
        syncFromDesign();
        editor.designProperty().addListener((o, a, b) -> syncFromDesign());
        name.addListener((o, a, b) -> {
            if (!syncing && b != null && !b.equals(editor.design().name())) {
                editor.changeDesignInfo("name", i -> i.withName(b));
            }
        });
        description.addListener((o, a, b) -> {
            if (!syncing && b != null && !b.equals(editor.design().description())) {
                editor.changeDesignInfo("description", i -> i.withDescription(b));
            }
        });
    }

    private void syncFromDesign() {
        syncing = true;
        try {
            name.set(editor.design().name());
            description.set(editor.design().description());
        } finally {
            syncing = false;
        }
    }

    /** A new design: a root supervisor to drop children on. */
    public static DocumentViewModel blank(String name, EditorClipboard clipboard) {
        return new DocumentViewModel(Design.of(name, "", SupervisorNode.of("app_sup", List.of())), null, clipboard);
    }

    /** The background-prepared diagram and layout, while the design is still the one they were made for. */
    public Optional<PreparedDesign> prepared() {
        return prepared != null && prepared.design() == editor.design() ? Optional.of(prepared) : Optional.empty();
    }

    public EditorViewModel editor() {
        return editor;
    }

    public Design design() {
        return editor.design();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The root supervisor's strategy ("one_for_one"), or "" when the root is not a supervisor. */
    public StringBinding strategyBinding() {
        return strategy;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return editor.dirtyProperty();
    }

    public IntegerBinding processCountBinding() {
        return processCount;
    }

    /** The tab title: the name, marked when changed. */
    public StringBinding titleBinding() {
        return editor.tabTitleBinding();
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file.get());
    }

    /** Saves atomically to {@code target}; the document is clean afterwards and remembers the file. */
    public void saveTo(Path target) throws IOException {
        Path f = target.toAbsolutePath().normalize();
        if (f.getParent() != null) java.nio.file.Files.createDirectories(f.getParent());
        DesignFiles.save(f, editor.design());
        file.set(f);
        editor.markSaved();
    }

    public void zoomIn() {
        setZoom(zoom.get() * 1.25);
    }

    public void zoomOut() {
        setZoom(zoom.get() / 1.25);
    }

    /** Fits the whole tree in the canvas; the zoom then follows the canvas. */
    public void resetZoom() {
        fitRequests.set(fitRequests.get() + 1);
    }

    /** Incremented by {@link #resetZoom()}: the canvas fits the tree. */
    public javafx.beans.property.ReadOnlyIntegerProperty fitRequestsProperty() {
        return fitRequests;
    }

    public void setZoom(double z) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)));
    }

    /**
     * A palette item dropped on the canvas background (or double-clicked): inside the selected
     * node when it can hold children, else inside the root.
     */
    public EditResult drop(PaletteItem item) {
        Dragged d = Dragged.ofKindName(item.kind()).orElseThrow();
        String target = editor.selection()
                .filter(p -> editor.planDrop(d, p, DropPosition.INSIDE) instanceof dev.canopy.app.ui.edit.DropPlan.Allowed)
                .orElse(editor.design().root().id());
        return editor.drop(d, target, DropPosition.INSIDE);
    }

    /** Drops something dragged onto a node of the canvas. */
    public EditResult drop(Dragged dragged, String target, DropPosition position) {
        return editor.drop(dragged, target, position);
    }

    /** The node at a path, if any. */
    public Optional<DesignNode> node(String path) {
        return dev.canopy.diagrams.design.DesignPaths.find(editor.design(), path);
    }
}
