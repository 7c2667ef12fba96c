/**
 * The design editor's model layer: undoable edits, the editing view model, drag-and-drop rules
 * and autosave. Needs javafx-base only (properties and bindings), never the JavaFX toolkit, so
 * everything here is tested headless.
 *
 * <h2>Edits</h2>
 * <ul>
 * <li>sealed {@link dev.canopy.app.ui.edit.EditCommand}: {@code AddNode(parentPath, index, node)},
 *     {@code RemoveSubtree(path)}, {@code Reparent(path, newParentPath, index)},
 *     {@code Reorder(parentPath, from, to)}, {@code ChangeNode(path, before, after, propertyName)},
 *     {@code Paste(parentPath, index, subtree)} (build it with {@code Paste.of}, which makes the ids
 *     unique: cache → cache_2), {@code Duplicate(path)},
 *     {@code ChangeDesignInfo(before, after, propertyName)} ({@link dev.canopy.app.ui.edit.DesignInfo}:
 *     name, description, cluster nodes). {@code apply(design)} → new design or
 *     {@link dev.canopy.app.ui.edit.EditException} (a sentence); {@code inverse(before)};
 *     {@code name(before)} ("Add Worker 'cache'"); {@code focus(before)} (the path to select).</li>
 * <li>{@link dev.canopy.app.ui.edit.UndoStack}: {@code execute/undo/redo(current)} →
 *     {@code Applied(design, focus, name)}; {@code undoName()} "Undo Add Worker 'cache'",
 *     {@code redoName()}; new edits clear the redo branch; consecutive changes of one
 *     {@linkplain dev.canopy.app.ui.edit.EditCommand#TEXT_PROPERTIES text property} merge
 *     (typing) until {@code breakMerge()}; {@code markSavePoint()} / {@code isAtSavePoint()}.</li>
 * </ul>
 *
 * <h2>Editor</h2>
 * {@link dev.canopy.app.ui.edit.EditorViewModel}: {@code design}, {@code selection} (slash path,
 * null = the design), {@code dirty}, {@code title} ("• my_app — Canopy" or "my_app* — Canopy",
 * {@link dev.canopy.app.ui.edit.TitleStyle}), {@code undoText}/{@code redoText},
 * {@code problems} ({@link dev.canopy.app.ui.edit.ProblemIndex}: the validator's problems by
 * node path and field, recomputed on every change); actions {@code undo redo copy cut paste
 * duplicate delete add(kind) drop(dragged, target, position) changeNode rename
 * changeDesignInfo} return an {@link dev.canopy.app.ui.edit.EditResult} (applied with the step's
 * name, or refused with the reason). {@link dev.canopy.app.ui.edit.EditorClipboard} is shared
 * between editors; {@link dev.canopy.app.ui.edit.EditActions} is the Edit menu following the
 * active editor; {@link dev.canopy.app.ui.edit.Shortcuts} is the key table (action id →
 * "Shortcut+Z").
 *
 * <h2>Drag and drop</h2>
 * {@link dev.canopy.app.ui.edit.DropPlanner#plan} (design, {@link dev.canopy.app.ui.edit.Dragged}
 * palette kind or node path, target path, {@link dev.canopy.app.ui.edit.DropPosition}) →
 * {@link dev.canopy.app.ui.edit.DropPlan} {@code Allowed(command)} | {@code Refused(reason)};
 * {@code Dragged.encode()/decode()} is the drag-board text; {@code DropPlanner.startOrder} is the
 * 1-based start order the canvas shows.
 *
 * <h2>Autosave</h2>
 * {@link dev.canopy.app.ui.edit.AutosaveService}: an injected scheduler; dirty documents are
 * written atomically to {@code ~/.local/state/canopy/autosave/<id>.canopy.json} (+ {@code .origin}
 * with the original's path); {@code recoverable()} lists autosaves newer than their originals.
 */
package dev.canopy.app.ui.edit;
