package dev.canopy.app.ui.edit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.canopy.diagrams.design.Design;

/**
 * The undo history of one design: named {@link EditCommand}s with their inverses. Plain Java
 * (no JavaFX); the design itself lives with the caller, which passes the current one in and gets
 * the next one back.
 *
 * <ul>
 * <li>A new edit clears the redo branch.</li>
 * <li>Consecutive changes of one text property of one node (typing) merge into one step, until
 *     {@link #breakMerge()} (focus left the field), an undo, a redo or a save point.</li>
 * <li>The save point ({@link #markSavePoint()}) is the history position of the saved file;
 *     {@link #isAtSavePoint()} is false after edits and true again after undoing back to it.</li>
 * <li>At most {@code limit} steps are kept; the oldest are dropped.</li>
 * </ul>
 */
public final class UndoStack {

    /** The default number of steps kept. */
    public static final int DEFAULT_LIMIT = 1000;

    /** The outcome of executing, undoing or redoing a step: the new design, what to select and the step's name. */
    public record Applied(Design design, String focus, String name) {
    }

    private record Entry(String name, EditCommand command, EditCommand inverse) {
    }

    private final int limit;
    private final Deque<Entry> done = new ArrayDeque<>();
    private final Deque<Entry> undone = new ArrayDeque<>();
    private final List<Runnable> listeners = new ArrayList<>();
    /** Size of {@link #done} at the save point; -1 when the save point is no longer reachable. */
    private int savePoint;
    private boolean sealed = true;

    public UndoStack() {
        this(DEFAULT_LIMIT);
    }

    public UndoStack(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        this.limit = limit;
    }

    /**
     * Applies {@code command} to {@code current} and records it; throws {@link EditException}
     * (recording nothing) when it does not apply. A command that changes nothing is not recorded.
     */
    public Applied execute(Design current, EditCommand command) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(command, "command");
        Design next = applyChecked(command, current);
        String name = command.name(current);
        String focus = command.focus(current);
        if (next.equals(current) && command.isNoOp()) return new Applied(next, focus, name);
        Optional<EditCommand> merged = mergeable() ? done.peek().command().mergeWith(command) : Optional.empty();
        if (merged.isPresent()) {
            done.pop();
            EditCommand m = merged.get();
            if (!m.isNoOp()) done.push(new Entry(m.name(current), m, m.inverse(current)));
        } else {
            if (savePoint > done.size()) savePoint = -1; // the saved state was in the redo branch
            done.push(new Entry(name, command, command.inverse(current)));
            if (done.size() > limit) {
                done.removeLast();
                savePoint = savePoint > 0 ? savePoint - 1 : -1;
            }
            sealed = false;
        }
        undone.clear();
        changed();
        return new Applied(next, focus, name);
    }

    /** Undoes the last step, if any. */
    public Optional<Applied> undo(Design current) {
        if (done.isEmpty()) return Optional.empty();
        Entry e = done.peek();
        Design previous = applyChecked(e.inverse(), current);
        done.pop();
        undone.push(e);
        sealed = true;
        changed();
        return Optional.of(new Applied(previous, e.inverse().focus(current), e.name()));
    }

    /** Redoes the last undone step, if any. */
    public Optional<Applied> redo(Design current) {
        if (undone.isEmpty()) return Optional.empty();
        Entry e = undone.peek();
        Design next = applyChecked(e.command(), current);
        undone.pop();
        done.push(e);
        sealed = true;
        changed();
        return Optional.of(new Applied(next, e.command().focus(current), e.name()));
    }

    public boolean canUndo() {
        return !done.isEmpty();
    }

    public boolean canRedo() {
        return !undone.isEmpty();
    }

    /** The Edit menu's text: "Undo Add Worker 'cache'", or "Undo" when there is nothing to undo. */
    public String undoName() {
        return done.isEmpty() ? "Undo" : "Undo " + done.peek().name();
    }

    /** The Edit menu's text: "Redo Add Worker 'cache'", or "Redo". */
    public String redoName() {
        return undone.isEmpty() ? "Redo" : "Redo " + undone.peek().name();
    }

    /** Names of the steps that can be undone, most recent first. */
    public List<String> undoHistory() {
        return done.stream().map(Entry::name).toList();
    }

    public int undoCount() {
        return done.size();
    }

    public int redoCount() {
        return undone.size();
    }

    /** Ends the current typing run: the next text change is a step of its own. */
    public void breakMerge() {
        sealed = true;
    }

    /** The current position is the saved file's. */
    public void markSavePoint() {
        savePoint = done.size();
        sealed = true;
        changed();
    }

    /** No position is the saved file's (a recovered autosave): dirty until saved. */
    public void markUnsaved() {
        savePoint = -1;
        sealed = true;
        changed();
    }

    /** True when the design is as at the save point (saved, or freshly opened). */
    public boolean isAtSavePoint() {
        return savePoint == done.size();
    }

    /** Forgets every step; the current position becomes the save point. */
    public void clear() {
        done.clear();
        undone.clear();
        savePoint = 0;
        sealed = true;
        changed();
    }

    /** Called after every change of the history (execute, undo, redo, save point, clear). */
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private boolean mergeable() {
        return !sealed && !done.isEmpty() && savePoint != done.size();
    }

    private static Design applyChecked(EditCommand command, Design design) {
        try {
            return command.apply(design);
        } catch (IllegalArgumentException e) {
            throw new EditException(e.getMessage());
        }
    }

    private void changed() {
        for (Runnable r : List.copyOf(listeners)) r.run();
    }
}
