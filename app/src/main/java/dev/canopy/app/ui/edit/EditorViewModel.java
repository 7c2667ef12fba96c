package dev.canopy.app.ui.edit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignKind;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.design.SupervisorNode;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The editing state of one open design, for the canvas, the inspector and the Edit menu to bind
 * to. Needs javafx-base only (no toolkit), so it is tested headless.
 *
 * <ul>
 * <li>{@link #designProperty()}: the current immutable {@link Design}; every change goes through an
 *     {@link EditCommand} on the {@link UndoStack}.</li>
 * <li>{@link #selectionProperty()}: the slash path of the selected node, or null (the design
 *     itself); edits select what they made or moved; a selection that disappears falls back to its
 *     nearest remaining ancestor.</li>
 * <li>{@link #dirtyProperty()}: true after edits, false at the save point ({@link #markSaved()}),
 *     so undoing back to the saved state makes it clean again.</li>
 * <li>{@link #problemsProperty()}: the {@link dev.canopy.diagrams.design.DesignValidator} problems of the whole design, filed
 *     by node path and field ({@link ProblemIndex}), recomputed after every change.</li>
 * <li>Clipboard actions, drops and inspector changes return an {@link EditResult}: applied (the
 *     step's name) or refused (a sentence saying why), never an exception.</li>
 * </ul>
 */
public final class EditorViewModel {

    private final UndoStack history;
    private final EditorClipboard clipboard;
    private final ReadOnlyObjectWrapper<Design> design = new ReadOnlyObjectWrapper<>(this, "design");
    private final StringProperty selection = new SimpleStringProperty(this, "selection");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");
    private final ReadOnlyStringWrapper lastMessage = new ReadOnlyStringWrapper(this, "lastMessage", "");
    private final ReadOnlyObjectWrapper<ProblemIndex> problems =
            new ReadOnlyObjectWrapper<>(this, "problems", ProblemIndex.empty());
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ObjectProperty<TitleStyle> titleStyle = new SimpleObjectProperty<>(this, "titleStyle", TitleStyle.BULLET);
    private final ObjectBinding<DesignNode> selectedNode;
    private final StringBinding title;
    private final StringBinding tabTitle;
    private final BooleanBinding hasSelection;

    public EditorViewModel(Design initial) {
        this(initial, new EditorClipboard(), new UndoStack());
    }

    public EditorViewModel(Design initial, EditorClipboard clipboard) {
        this(initial, clipboard, new UndoStack());
    }

    public EditorViewModel(Design initial, EditorClipboard clipboard, UndoStack history) {
        this(initial, clipboard, history, ProblemIndex.validate(initial));
    }

    /** With the initial design's problems already found (off the FX thread, for a big file). */
    public EditorViewModel(Design initial, EditorClipboard clipboard, UndoStack history, ProblemIndex initialProblems) {
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
        this.history = Objects.requireNonNull(history, "history");
        design.set(Objects.requireNonNull(initial, "initial"));
        problems.set(Objects.requireNonNull(initialProblems, "initialProblems"));
        design.addListener((o, a, b) -> {
            problems.set(ProblemIndex.validate(b));
            revision.set(revision.get() + 1);
            keepSelectionValid();
        });
        history.addListener(this::historyChanged);
        historyChanged();
        selectedNode = Bindings.createObjectBinding(
                () -> selection.get() == null ? null : DesignPaths.find(design.get(), selection.get()).orElse(null),
                selection, design);
        title = Bindings.createStringBinding(
                () -> titleStyle.get().title(design.get().name(), dirty.get()), design, dirty, titleStyle);
        tabTitle = Bindings.createStringBinding(
                () -> titleStyle.get().tab(design.get().name(), dirty.get()), design, dirty, titleStyle);
        hasSelection = Bindings.isNotNull(selectedNode);
    }

    // ---- state

    public ReadOnlyObjectProperty<Design> designProperty() {
        return design.getReadOnlyProperty();
    }

    public Design design() {
        return design.get();
    }

    /** The selected node's path; null selects the design itself. */
    public StringProperty selectionProperty() {
        return selection;
    }

    public Optional<String> selection() {
        return Optional.ofNullable(selection.get());
    }

    public void select(String path) {
        selection.set(path == null || path.isEmpty() ? null : path);
    }

    /** The selected node, or null. */
    public ObjectBinding<DesignNode> selectedNodeBinding() {
        return selectedNode;
    }

    public BooleanBinding hasSelectionBinding() {
        return hasSelection;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The Undo menu item's text: "Undo Add Worker 'cache'" (or "Undo"). */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** The last action's name or refusal, for the status bar and the event log. */
    public ReadOnlyStringProperty lastMessageProperty() {
        return lastMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProblemIndex> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Every problem of the current design. */
    public List<DesignProblem> problems() {
        return problems.get().all();
    }

    /** The problems of the node at the path (inline messages in the inspector); {@code ""} for the design. */
    public List<DesignProblem> problemsAt(String path) {
        return problems.get().at(path == null ? "" : path);
    }

    /** Counts every change of the design (for autosave and redraws). */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ObjectProperty<TitleStyle> titleStyleProperty() {
        return titleStyle;
    }

    /** The window title: "my_app — Canopy", marked when dirty. */
    public StringBinding titleBinding() {
        return title;
    }

    /** The tab title: "my_app", marked when dirty. */
    public StringBinding tabTitleBinding() {
        return tabTitle;
    }

    public EditorClipboard clipboard() {
        return clipboard;
    }

    public UndoStack history() {
        return history;
    }

    /** The 1-based start order of the node at the path among its siblings (shown on the canvas). */
    public OptionalInt startOrder(String path) {
        return DropPlanner.startOrder(design.get(), path);
    }

    // ---- history

    /** Executes an edit; a refused edit changes nothing. */
    public EditResult execute(EditCommand command) {
        try {
            UndoStack.Applied a = history.execute(design.get(), command);
            design.set(a.design());
            select(a.focus());
            return done(a.name());
        } catch (EditException e) {
            return refused(e.getMessage());
        }
    }

    public EditResult undo() {
        return step(true);
    }

    public EditResult redo() {
        return step(false);
    }

    private EditResult step(boolean back) {
        try {
            Optional<UndoStack.Applied> a = back ? history.undo(design.get()) : history.redo(design.get());
            if (a.isEmpty()) return refused(back ? "nothing to undo" : "nothing to redo");
            design.set(a.get().design());
            select(a.get().focus());
            return done((back ? "Undo " : "Redo ") + a.get().name());
        } catch (EditException e) {
            return refused(e.getMessage());
        }
    }

    /** Ends a typing run: the next text change is an undo step of its own (call when a field loses focus). */
    public void endTyping() {
        history.breakMerge();
    }

    /** The current state is the saved file's: clean from now on. */
    public void markSaved() {
        history.markSavePoint();
    }

    /** The current state is not the file's (recovered from an autosave): dirty until saved. */
    public void markUnsaved() {
        history.markUnsaved();
    }

    /** Replaces the whole design (revert, reload) and forgets the history; clean afterwards. */
    public void reset(Design replacement) {
        design.set(Objects.requireNonNull(replacement, "replacement"));
        history.clear();
        select(null);
    }

    // ---- inspector

    /** Changes the node at {@code path}: {@code change} maps it to its new value; {@code property} names the field. */
    public EditResult changeNode(String path, String property, UnaryOperator<DesignNode> change) {
        Optional<DesignNode> before = DesignPaths.find(design.get(), path);
        if (before.isEmpty()) return refused("there is no node at '" + path + "'");
        DesignNode after;
        try {
            after = Objects.requireNonNull(change.apply(before.get()), "change returned null");
        } catch (RuntimeException e) {
            return refused(String.valueOf(e.getMessage()));
        }
        return changeNode(path, after, property);
    }

    /** Replaces the node at {@code path} with {@code after}, as a change of {@code property}. */
    public EditResult changeNode(String path, DesignNode after, String property) {
        Optional<DesignNode> before = DesignPaths.find(design.get(), path);
        if (before.isEmpty()) return refused("there is no node at '" + path + "'");
        if (before.get().equals(after)) return done("No change");
        return execute(new EditCommand.ChangeNode(path, before.get(), after, property));
    }

    /** Renames the node at {@code path} (refused when a sibling has the id already). */
    public EditResult rename(String path, String newId) {
        return changeNode(path, "id", n -> n.withId(newId));
    }

    /** Changes the design's name, description or cluster nodes ({@code property}: name, description, cluster_nodes). */
    public EditResult changeDesignInfo(String property, UnaryOperator<DesignInfo> change) {
        DesignInfo before = DesignInfo.of(design.get());
        DesignInfo after = change.apply(before);
        if (before.equals(after)) return done("No change");
        return execute(new EditCommand.ChangeDesignInfo(before, after, property));
    }

    // ---- palette and drag and drop

    /** What dropping {@code dragged} at the target would do (for drag feedback); nothing changes. */
    public DropPlan planDrop(Dragged dragged, String targetPath, DropPosition position) {
        return DropPlanner.plan(design.get(), dragged, targetPath, position);
    }

    /** Drops {@code dragged} at the target: executes the planned edit, or says why not. */
    public EditResult drop(Dragged dragged, String targetPath, DropPosition position) {
        return switch (planDrop(dragged, targetPath, position)) {
            case DropPlan.Allowed a -> execute(a.command());
            case DropPlan.Refused r -> refused(r.reason());
        };
    }

    /** Adds a new node of the kind inside the selection (or the root when nothing is selected), as its last child. */
    public EditResult add(DesignKind kind) {
        return drop(Dragged.of(kind), selection().orElse(design.get().root().id()), DropPosition.INSIDE);
    }

    // ---- clipboard

    public EditResult copy() {
        Optional<DesignNode> node = selectedNode();
        if (node.isEmpty()) return refused("select a node to copy");
        clipboard.put(node.get());
        return done("Copy " + Trees.describe(node.get()));
    }

    public EditResult cut() {
        Optional<DesignNode> node = selectedNode();
        if (node.isEmpty()) return refused("select a node to cut");
        if (isRootSelected()) return refused("the root cannot be cut; a design has one root");
        EditResult r = execute(new EditCommand.RemoveSubtree(selection.get()));
        if (r.applied()) {
            clipboard.put(node.get());
            return done("Cut " + Trees.describe(node.get()));
        }
        return r;
    }

    /**
     * Pastes the clipboard: as the last child of a selected supervisor, else right after the
     * selected node; ids already used in the design get a number (cache → cache_2).
     */
    public EditResult paste() {
        Optional<DesignNode> clip = clipboard.content();
        if (clip.isEmpty()) return refused("the clipboard is empty; copy a node first");
        Design d = design.get();
        String target = selection().filter(p -> DesignPaths.find(d, p).isPresent()).orElse(d.root().id());
        DesignNode node = DesignPaths.find(d, target).orElseThrow();
        if (node instanceof SupervisorNode sup) {
            return execute(EditCommand.Paste.of(d, target, sup.children().size(), clip.get()));
        }
        Optional<String> parentPath = DesignPaths.parentPath(target);
        if (parentPath.isEmpty()) return refused(Trees.cannotHoldChildren(node));
        DesignNode parent = DesignPaths.find(d, parentPath.get()).orElseThrow();
        if (!(parent instanceof SupervisorNode sup)) {
            return refused("'" + node.id() + "' is a child template; select a supervisor to paste into");
        }
        return execute(EditCommand.Paste.of(d, parentPath.get(), Trees.indexOf(sup, node.id()) + 1, clip.get()));
    }

    public EditResult duplicate() {
        if (selection.get() == null) return refused("select a node to duplicate");
        if (isRootSelected()) return refused("the root cannot be duplicated; a design has one root");
        if (Trees.isChildTemplate(design.get(), selection.get())) {
            return refused("a DynamicSupervisor has one child template; it cannot be duplicated");
        }
        return execute(new EditCommand.Duplicate(selection.get()));
    }

    public EditResult delete() {
        if (selection.get() == null) return refused("select a node to delete");
        if (isRootSelected()) return refused("the root cannot be deleted; a design has one root");
        return execute(new EditCommand.RemoveSubtree(selection.get()));
    }

    // ----

    private Optional<DesignNode> selectedNode() {
        return selection().flatMap(p -> DesignPaths.find(design.get(), p));
    }

    private boolean isRootSelected() {
        return selection.get() != null && DesignPaths.parentPath(selection.get()).isEmpty();
    }

    private void keepSelectionValid() {
        String s = selection.get();
        if (s == null) return;
        Design d = design.get();
        while (DesignPaths.find(d, s).isEmpty()) {
            Optional<String> up = DesignPaths.parentPath(s);
            if (up.isEmpty()) {
                selection.set(null);
                return;
            }
            s = up.get();
        }
        if (!s.equals(selection.get())) selection.set(s);
    }

    private void historyChanged() {
        dirty.set(!history.isAtSavePoint());
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        undoText.set(history.undoName());
        redoText.set(history.redoName());
    }

    private EditResult done(String name) {
        lastMessage.set(name);
        return EditResult.applied(name);
    }

    private EditResult refused(String reason) {
        lastMessage.set(reason);
        return EditResult.refused(reason);
    }
}
