package dev.canopy.app.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.WorkerNode;

class UndoStackTest {

    private final Design d0 = Fixtures.design();
    private final UndoStack stack = new UndoStack();

    @Test
    void undoAndRedoWithMenuNames() {
        assertThat(stack.undoName()).isEqualTo("Undo");
        assertThat(stack.redoName()).isEqualTo("Redo");
        Design d1 = stack.execute(d0, new EditCommand.AddNode("app/web", 0, WorkerNode.of("cache2"))).design();
        Design d2 = stack.execute(d1, new EditCommand.RemoveSubtree("app/repo")).design();
        assertThat(stack.undoName()).isEqualTo("Undo Delete Worker 'repo'");
        assertThat(stack.undoHistory()).containsExactly("Delete Worker 'repo'", "Add Worker 'cache2'");

        UndoStack.Applied u1 = stack.undo(d2).orElseThrow();
        assertThat(u1.design()).isEqualTo(d1);
        assertThat(u1.focus()).isEqualTo("app/repo");
        assertThat(stack.undoName()).isEqualTo("Undo Add Worker 'cache2'");
        assertThat(stack.redoName()).isEqualTo("Redo Delete Worker 'repo'");
        assertThat(stack.undo(d1).orElseThrow().design()).isEqualTo(d0);
        assertThat(stack.undo(d0)).isEmpty();
        assertThat(stack.canUndo()).isFalse();

        assertThat(stack.redo(d0).orElseThrow().design()).isEqualTo(d1);
        assertThat(stack.redo(d1).orElseThrow().design()).isEqualTo(d2);
        assertThat(stack.redo(d2)).isEmpty();
    }

    @Test
    void aNewEditClearsTheRedoBranch() {
        Design d1 = stack.execute(d0, new EditCommand.RemoveSubtree("app/repo")).design();
        stack.undo(d1);
        assertThat(stack.canRedo()).isTrue();
        stack.execute(d0, new EditCommand.RemoveSubtree("app/tasks"));
        assertThat(stack.canRedo()).isFalse();
        assertThat(stack.redoName()).isEqualTo("Redo");
    }

    @Test
    void aRefusedEditRecordsNothing() {
        assertThatThrownBy(() -> stack.execute(d0, new EditCommand.AddNode("app/repo", 0, WorkerNode.of("x"))))
                .isInstanceOf(EditException.class);
        assertThat(stack.canUndo()).isFalse();
        // an edit that changes nothing is not a step either
        stack.execute(d0, new EditCommand.Reorder("app", 2, 2));
        assertThat(stack.canUndo()).isFalse();
    }

    @Test
    void typingInOneFieldIsOneStep() {
        Design d = d0;
        String[] typed = {"C", "Ca", "Cac", "Cach", "Cache"};
        DesignNode node = DesignPaths.find(d, "app/web/cache").orElseThrow();
        for (String label : typed) {
            DesignNode next = node.withLabel(label);
            d = stack.execute(d, new EditCommand.ChangeNode("app/web/cache", node, next, "label")).design();
            node = next;
        }
        assertThat(stack.undoCount()).isEqualTo(1);
        assertThat(stack.undoName()).isEqualTo("Undo Change label of 'cache'");
        assertThat(stack.undo(d).orElseThrow().design()).isEqualTo(d0);
    }

    @Test
    void typingStopsMergingAfterBreakMergeOrAnotherField() {
        Design d = d0;
        DesignNode n0 = DesignPaths.find(d, "app/web/cache").orElseThrow();
        d = stack.execute(d, new EditCommand.ChangeNode("app/web/cache", n0, n0.withLabel("a"), "label")).design();
        stack.breakMerge();
        d = stack.execute(d, new EditCommand.ChangeNode("app/web/cache", n0.withLabel("a"), n0.withLabel("ab"), "label")).design();
        d = stack.execute(d, new EditCommand.ChangeNode("app/web/cache", n0.withLabel("ab"),
                n0.withLabel("ab").withNotes("n"), "notes")).design();
        assertThat(stack.undoCount()).isEqualTo(3);
    }

    @Test
    void typingBackToTheStartLeavesNoStep() {
        DesignNode n0 = DesignPaths.find(d0, "app/web/cache").orElseThrow();
        Design d = stack.execute(d0, new EditCommand.ChangeNode("app/web/cache", n0, n0.withLabel("x"), "label")).design();
        d = stack.execute(d, new EditCommand.ChangeNode("app/web/cache", n0.withLabel("x"), n0, "label")).design();
        assertThat(d).isEqualTo(d0);
        assertThat(stack.canUndo()).isFalse();
        assertThat(stack.isAtSavePoint()).isTrue();
    }

    @Test
    void savePointTracksTheSavedState() {
        assertThat(stack.isAtSavePoint()).isTrue();
        Design d1 = stack.execute(d0, new EditCommand.RemoveSubtree("app/repo")).design();
        assertThat(stack.isAtSavePoint()).isFalse();
        stack.markSavePoint();
        assertThat(stack.isAtSavePoint()).isTrue();
        Design d2 = stack.execute(d1, new EditCommand.RemoveSubtree("app/tasks")).design();
        assertThat(stack.isAtSavePoint()).isFalse();
        stack.undo(d2);
        assertThat(stack.isAtSavePoint()).isTrue();
        stack.undo(d1);
        assertThat(stack.isAtSavePoint()).isFalse();
        // a new edit from before the save point makes the saved state unreachable
        stack.execute(d0, new EditCommand.RemoveSubtree("app/reg"));
        assertThat(stack.isAtSavePoint()).isFalse();
        assertThat(stack.canRedo()).isFalse();
    }

    @Test
    void typingDoesNotMergeAcrossTheSavePoint() {
        DesignNode n0 = DesignPaths.find(d0, "app/web/cache").orElseThrow();
        Design d = stack.execute(d0, new EditCommand.ChangeNode("app/web/cache", n0, n0.withLabel("a"), "label")).design();
        stack.markSavePoint();
        d = stack.execute(d, new EditCommand.ChangeNode("app/web/cache", n0.withLabel("a"), n0.withLabel("ab"), "label")).design();
        assertThat(stack.undoCount()).isEqualTo(2);
        stack.undo(d);
        assertThat(stack.isAtSavePoint()).isTrue();
    }

    @Test
    void theOldestStepsGoBeyondTheLimit() {
        UndoStack small = new UndoStack(2);
        Design d = d0;
        d = small.execute(d, new EditCommand.RemoveSubtree("app/repo")).design();
        d = small.execute(d, new EditCommand.RemoveSubtree("app/tasks")).design();
        d = small.execute(d, new EditCommand.RemoveSubtree("app/reg")).design();
        assertThat(small.undoCount()).isEqualTo(2);
        d = small.undo(d).orElseThrow().design();
        d = small.undo(d).orElseThrow().design();
        assertThat(small.canUndo()).isFalse();
        assertThat(small.isAtSavePoint()).isFalse(); // the opened state is out of reach
        assertThat(DesignPaths.find(d, "app/repo")).isEmpty();
    }

    @Test
    void listenersHearEveryChange() {
        AtomicInteger calls = new AtomicInteger();
        stack.addListener(calls::incrementAndGet);
        Design d1 = stack.execute(d0, new EditCommand.RemoveSubtree("app/repo")).design();
        stack.undo(d1);
        stack.redo(d0);
        stack.markSavePoint();
        stack.clear();
        assertThat(calls.get()).isEqualTo(5);
    }
}
