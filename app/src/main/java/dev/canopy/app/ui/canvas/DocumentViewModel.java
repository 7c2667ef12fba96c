package dev.canopy.app.ui.canvas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.canopy.app.ui.palette.PaletteItem;
import dev.canopy.app.ui.start.DesignSummary;
import dev.canopy.app.ui.start.TreeSketch;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One open design (a tab in the centre): its name, description, file and tree, and the canvas
 * zoom. The tree is only the sketch the start page reads; editing the full model comes with the
 * design editor.
 */
public final class DocumentViewModel {

    public static final double MIN_ZOOM = 0.25;
    public static final double MAX_ZOOM = 4.0;

    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObjectProperty<TreeSketch> tree = new SimpleObjectProperty<>(this, "tree");
    private final StringProperty strategy = new SimpleStringProperty(this, "strategy", "");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final IntegerBinding processCount = Bindings.createIntegerBinding(
            () -> tree.get() == null ? 0 : tree.get().size(), tree);
    private final StringBinding title = Bindings.createStringBinding(
            () -> (dirty.get() ? "• " : "") + name.get(), name, dirty);

    public DocumentViewModel(String name, Path file, TreeSketch tree, String description, String strategy) {
        this.name.set(name);
        this.file.set(file);
        this.tree.set(tree);
        this.description.set(description == null ? "" : description);
        this.strategy.set(strategy == null ? "" : strategy);
        this.name.addListener((o, a, b) -> dirty.set(true));
        this.description.addListener((o, a, b) -> dirty.set(true));
    }

    public static DocumentViewModel blank(String name) {
        return new DocumentViewModel(name, null, null, "", "");
    }

    public static DocumentViewModel of(DesignSummary s) {
        return new DocumentViewModel(s.name(), s.file(), s.tree().orElse(null), s.description(), s.strategy());
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

    public ObjectProperty<TreeSketch> treeProperty() {
        return tree;
    }

    public StringProperty strategyProperty() {
        return strategy;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public IntegerBinding processCountBinding() {
        return processCount;
    }

    /** The tab title: the name, marked when changed. */
    public StringBinding titleBinding() {
        return title;
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file.get());
    }

    public void zoomIn() {
        setZoom(zoom.get() * 1.25);
    }

    public void zoomOut() {
        setZoom(zoom.get() / 1.25);
    }

    public void resetZoom() {
        setZoom(1.0);
    }

    public void setZoom(double z) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)));
    }

    /**
     * A palette item dropped on the canvas: the root of an empty design, else a new child of
     * the root when the root can supervise. Returns what happened, for the event log.
     */
    public String drop(PaletteItem item) {
        TreeSketch root = tree.get();
        TreeSketch node = new TreeSketch(item.kind(), item.title(), List.of());
        if (root == null) {
            tree.set(node);
            dirty.set(true);
            return "Added " + item.title() + " as the root";
        }
        if (root.kind().equals("worker") || root.kind().equals("registry")) {
            return "A " + PaletteItem.byKind(root.kind()).title() + " has no children: " + item.title() + " not added";
        }
        List<TreeSketch> children = new ArrayList<>(root.children());
        children.add(node);
        tree.set(new TreeSketch(root.kind(), root.label(), children));
        dirty.set(true);
        return "Added " + item.title() + " under " + (root.label().isBlank() ? "the root" : root.label());
    }
}
