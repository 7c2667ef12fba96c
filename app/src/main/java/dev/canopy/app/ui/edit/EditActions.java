package dev.canopy.app.ui.edit;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * The Edit menu as a view model: one {@link Action} per item (Undo, Redo, Cut, Copy, Paste,
 * Duplicate, Delete) with its text, its shortcut ({@link Shortcuts}) and whether it is disabled,
 * all following whichever editor is active (the selected tab; null when none). A view makes one
 * menu item per action: {@code text} and {@code disable} bound, the accelerator from
 * {@code shortcut}, {@code onAction} calling {@link Action#run()}.
 */
public final class EditActions {

    /** One Edit menu item. */
    public static final class Action {
        private final String id;
        private final String shortcut;
        private final ReadOnlyStringWrapper text;
        private final ReadOnlyBooleanWrapper disabled = new ReadOnlyBooleanWrapper(true);
        private final String fixedText;
        private final Function<EditorViewModel, EditResult> perform;
        private final ObservableValue<EditorViewModel> editor;

        private Action(String id, String text, ObservableValue<EditorViewModel> editor,
                       Function<EditorViewModel, EditResult> perform) {
            this.id = id;
            this.shortcut = Shortcuts.require(id);
            this.fixedText = text;
            this.text = new ReadOnlyStringWrapper(text);
            this.editor = editor;
            this.perform = perform;
        }

        public String id() {
            return id;
        }

        /** The accelerator text, e.g. "Shortcut+Z". */
        public String shortcut() {
            return shortcut;
        }

        /** The item's text: "Undo Add Worker 'cache'" for Undo, fixed for the others. */
        public ReadOnlyStringProperty textProperty() {
            return text.getReadOnlyProperty();
        }

        public ReadOnlyBooleanProperty disabledProperty() {
            return disabled.getReadOnlyProperty();
        }

        /** Runs the action on the active editor. */
        public EditResult run() {
            EditorViewModel e = editor.getValue();
            if (e == null) return EditResult.refused("no design is open");
            return perform.apply(e);
        }

        private void follow(EditorViewModel e, Function<EditorViewModel, ObservableStringValue> textOf,
                            Function<EditorViewModel, ObservableBooleanValue> disabledOf) {
            text.unbind();
            disabled.unbind();
            if (e == null) {
                text.set(fixedText);
                disabled.set(true);
                return;
            }
            if (textOf != null) text.bind(textOf.apply(e));
            disabled.bind(disabledOf.apply(e));
        }
    }

    private final Action undo;
    private final Action redo;
    private final Action cut;
    private final Action copy;
    private final Action paste;
    private final Action duplicate;
    private final Action delete;

    public EditActions(ObservableValue<EditorViewModel> editor) {
        Objects.requireNonNull(editor, "editor");
        undo = new Action(Shortcuts.UNDO, "Undo", editor, EditorViewModel::undo);
        redo = new Action(Shortcuts.REDO, "Redo", editor, EditorViewModel::redo);
        cut = new Action(Shortcuts.CUT, "Cut", editor, EditorViewModel::cut);
        copy = new Action(Shortcuts.COPY, "Copy", editor, EditorViewModel::copy);
        paste = new Action(Shortcuts.PASTE, "Paste", editor, EditorViewModel::paste);
        duplicate = new Action(Shortcuts.DUPLICATE, "Duplicate", editor, EditorViewModel::duplicate);
        delete = new Action(Shortcuts.DELETE, "Delete", editor, EditorViewModel::delete);
        editor.addListener((o, was, now) -> follow(now));
        follow(editor.getValue());
    }

    private void follow(EditorViewModel e) {
        undo.follow(e, EditorViewModel::undoTextProperty, x -> x.canUndoProperty().not());
        redo.follow(e, EditorViewModel::redoTextProperty, x -> x.canRedoProperty().not());
        for (Action a : List.of(cut, copy, duplicate, delete)) a.follow(e, null, x -> x.hasSelectionBinding().not());
        paste.follow(e, null, x -> x.clipboard().emptyBinding());
    }

    public Action undo() {
        return undo;
    }

    public Action redo() {
        return redo;
    }

    public Action cut() {
        return cut;
    }

    public Action copy() {
        return copy;
    }

    public Action paste() {
        return paste;
    }

    public Action duplicate() {
        return duplicate;
    }

    public Action delete() {
        return delete;
    }

    /** In menu order: Undo, Redo | Cut, Copy, Paste, Duplicate, Delete. */
    public List<Action> all() {
        return List.of(undo, redo, cut, copy, paste, duplicate, delete);
    }
}
