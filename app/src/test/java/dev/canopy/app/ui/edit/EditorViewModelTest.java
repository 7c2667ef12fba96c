package dev.canopy.app.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignKind;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;

class EditorViewModelTest {

    private final Design original = Fixtures.design();
    private final EditorViewModel vm = new EditorViewModel(original);

    private List<String> ids(String path) {
        return DesignPaths.find(vm.design(), path).orElseThrow().children().stream().map(DesignNode::id).toList();
    }

    @Test
    void opensCleanWithTitles() {
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.titleBinding().get()).isEqualTo("my_app — Canopy");
        assertThat(vm.tabTitleBinding().get()).isEqualTo("my_app");
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo");
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void editsMakeItDirtyAndUndoingToTheSavePointCleanAgain() {
        vm.select("app/repo");
        assertThat(vm.delete().applied()).isTrue();
        assertThat(vm.isDirty()).isTrue();
        assertThat(vm.titleBinding().get()).isEqualTo("• my_app — Canopy");
        vm.titleStyleProperty().set(TitleStyle.ASTERISK);
        assertThat(vm.titleBinding().get()).isEqualTo("my_app* — Canopy");
        assertThat(vm.tabTitleBinding().get()).isEqualTo("my_app*");

        vm.markSaved();
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.titleBinding().get()).isEqualTo("my_app — Canopy");
        vm.select("app/tasks");
        vm.delete();
        assertThat(vm.isDirty()).isTrue();
        vm.undo();
        assertThat(vm.isDirty()).isFalse();
        vm.undo();
        assertThat(vm.isDirty()).isTrue();
        assertThat(vm.design()).isEqualTo(original);
        vm.redo();
        assertThat(vm.isDirty()).isFalse();
    }

    @Test
    void undoAndRedoTextsNameTheStep() {
        vm.select("app/web");
        vm.add(DesignKind.WORKER);
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Add Worker 'worker_1'");
        assertThat(vm.selection()).contains("app/web/worker_1");
        EditResult undo = vm.undo();
        assertThat(undo).isEqualTo(EditResult.applied("Undo Add Worker 'worker_1'"));
        assertThat(vm.redoTextProperty().get()).isEqualTo("Redo Add Worker 'worker_1'");
        assertThat(vm.canRedoProperty().get()).isTrue();
        assertThat(vm.selection()).contains("app/web");
        assertThat(vm.undo()).isEqualTo(EditResult.refused("nothing to undo"));
        assertThat(vm.lastMessageProperty().get()).isEqualTo("nothing to undo");
    }

    @Test
    void copyPasteMakesIdsUnique() {
        vm.select("app/web/cache");
        assertThat(vm.copy()).isEqualTo(EditResult.applied("Copy Worker 'cache'"));
        assertThat(vm.paste()).isEqualTo(EditResult.applied("Paste Worker 'cache_2'"));
        assertThat(ids("app/web")).containsExactly("cache", "cache_2", "endpoint");
        assertThat(vm.selection()).contains("app/web/cache_2");
        vm.paste();
        assertThat(ids("app/web")).containsExactly("cache", "cache_2", "cache_3", "endpoint");
        // into a selected supervisor: as its last child
        vm.select("app");
        vm.paste();
        assertThat(ids("app")).endsWith("cache_4");
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Paste Worker 'cache_4'");
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void cutThenPasteMovesWithTheSameId() {
        vm.select("app/web/cache");
        assertThat(vm.cut()).isEqualTo(EditResult.applied("Cut Worker 'cache'"));
        assertThat(ids("app/web")).containsExactly("endpoint");
        assertThat(vm.selection()).contains("app/web");
        vm.select("app/repo");
        vm.paste();
        assertThat(ids("app")).containsExactly("reg", "repo", "cache", "web", "sessions", "tasks");
        vm.undo();
        vm.undo();
        assertThat(vm.design()).isEqualTo(original);
    }

    @Test
    void duplicateAndDelete() {
        vm.select("app/web");
        assertThat(vm.duplicate()).isEqualTo(EditResult.applied("Duplicate Supervisor 'web'"));
        assertThat(ids("app")).containsExactly("reg", "repo", "web", "web_2", "sessions", "tasks");
        assertThat(ids("app/web_2")).containsExactly("cache_2", "endpoint_2");
        assertThat(vm.selection()).contains("app/web_2");
        assertThat(vm.delete()).isEqualTo(EditResult.applied("Delete Supervisor 'web_2'"));
        assertThat(vm.design()).isEqualTo(original);
        assertThat(vm.selection()).contains("app");
    }

    @Test
    void refusalsAreValuesWithReasons() {
        assertThat(vm.copy()).isEqualTo(EditResult.refused("select a node to copy"));
        assertThat(vm.delete()).isEqualTo(EditResult.refused("select a node to delete"));
        assertThat(vm.paste()).isEqualTo(EditResult.refused("the clipboard is empty; copy a node first"));
        vm.select("app");
        assertThat(vm.delete()).isEqualTo(EditResult.refused("the root cannot be deleted; a design has one root"));
        assertThat(vm.cut()).isEqualTo(EditResult.refused("the root cannot be cut; a design has one root"));
        assertThat(vm.duplicate()).isEqualTo(EditResult.refused("the root cannot be duplicated; a design has one root"));
        vm.select("app/repo");
        assertThat(vm.add(DesignKind.WORKER)).isEqualTo(EditResult.refused("a Worker cannot have children ('repo' is a worker)"));
        assertThat(vm.drop(Dragged.node("app/web"), "app/web/cache", DropPosition.AFTER))
                .isEqualTo(EditResult.refused("'web' cannot be dropped into its own subtree"));
        vm.select("app/sessions/session");
        assertThat(vm.duplicate().applied()).isFalse();
        vm.copy();
        assertThat(vm.paste()).isEqualTo(EditResult.refused("'session' is a child template; select a supervisor to paste into"));
        assertThat(vm.rename("app/web/cache", "endpoint").message()).contains("already has a child 'endpoint'");
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(vm.isDirty()).isFalse();
    }

    @Test
    void dropsExecuteThePlannedEdit() {
        assertThat(vm.drop(Dragged.of(DesignKind.SUPERVISOR), "app/repo", DropPosition.BEFORE))
                .isEqualTo(EditResult.applied("Add Supervisor 'sup_1'"));
        assertThat(ids("app")).containsExactly("reg", "sup_1", "repo", "web", "sessions", "tasks");
        assertThat(vm.startOrder("app/repo")).hasValue(3);
        assertThat(vm.drop(Dragged.node("app/tasks"), "app/sup_1", DropPosition.INSIDE).applied()).isTrue();
        assertThat(vm.selection()).contains("app/sup_1/tasks");
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Move Task.Supervisor 'tasks'");
    }

    @Test
    void inspectorTypingIsOneUndoStep() {
        for (String label : List.of("C", "Ca", "Cache")) {
            vm.changeNode("app/web/cache", "label", n -> n.withLabel(label));
        }
        assertThat(vm.history().undoCount()).isEqualTo(1);
        vm.endTyping();
        vm.changeNode("app/web/cache", "label", n -> n.withLabel("Cache!"));
        assertThat(vm.history().undoCount()).isEqualTo(2);
        vm.undo();
        vm.undo();
        assertThat(vm.design()).isEqualTo(original);
    }

    @Test
    void renamingFollowsTheSelection() {
        vm.select("app/web/cache");
        vm.rename("app/web/cache", "s");
        vm.rename("app/web/s", "st");
        vm.rename("app/web/st", "store");
        assertThat(vm.selection()).contains("app/web/store");
        assertThat(vm.history().undoCount()).isEqualTo(1);
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo Rename 'cache' to 'store'");
        vm.undo();
        assertThat(vm.selection()).contains("app/web/cache");
    }

    @Test
    void liveValidationPerPath() {
        assertThat(vm.problems()).isEmpty();
        vm.rename("app/web/cache", "Cache");
        assertThat(vm.problems()).hasSize(1);
        assertThat(vm.problemsAt("app/web/Cache")).singleElement()
                .extracting(DesignProblem::message).asString().contains("must start with a lowercase letter");
        assertThat(vm.problemsProperty().get().at("app/web/Cache", "id")).hasSize(1);
        assertThat(vm.problemsProperty().get().at("app/web/Cache", "label")).isEmpty();
        assertThat(vm.problemsAt("app/web")).isEmpty();
        assertThat(vm.problemsProperty().get().under("app/web")).hasSize(1);

        vm.changeDesignInfo("name", i -> i.withName("My App"));
        assertThat(vm.problemsAt("")).singleElement().extracting(DesignProblem::jsonPath).isEqualTo("$.name");
        assertThat(vm.problemsProperty().get().placedAt("").getFirst().field()).isEqualTo("name");
        assertThat(vm.titleBinding().get()).isEqualTo("• My App — Canopy");

        vm.undo();
        vm.undo();
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void problemsOfDeepFieldsAndTemplatesFindTheirNode() {
        WorkerNode bad = WorkerNode.of("session").withSim(WorkerNode.of("x").sim().withInitDurationMs(-1));
        vm.changeNode("app/sessions/session", bad, "sim.init_ms");
        assertThat(vm.problemsProperty().get().at("app/sessions/session", "sim.init_ms")).hasSize(1);
        assertThat(vm.problemsProperty().get().at("app/sessions/session", "sim")).hasSize(1);
        assertThat(vm.problemsProperty().get().paths()).containsExactly("app/sessions/session");
    }

    @Test
    void selectionFallsBackToTheNearestAncestor() {
        vm.select("app/web/cache");
        vm.execute(new EditCommand.RemoveSubtree("app/web"));
        assertThat(vm.selection()).contains("app");
        vm.undo();
        vm.select("app/web/cache");
        vm.reset(Design.of("other", "", SupervisorNode.of("root", List.of())));
        assertThat(vm.selection()).isEmpty();
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void theClipboardIsSharedBetweenEditors() {
        EditorClipboard shared = new EditorClipboard();
        EditorViewModel a = new EditorViewModel(original, shared);
        EditorViewModel b = new EditorViewModel(Design.of("other", "", SupervisorNode.of("root", List.of())), shared);
        assertThat(shared.emptyBinding().get()).isTrue();
        a.select("app/web");
        a.copy();
        assertThat(shared.emptyBinding().get()).isFalse();
        assertThat(b.paste()).isEqualTo(EditResult.applied("Paste Supervisor 'web'"));
        assertThat(DesignPaths.find(b.design(), "root/web/cache")).isPresent();
    }

    @Test
    void revisionCountsChangesAndBindingsFire() {
        List<String> titles = new ArrayList<>();
        vm.titleBinding().addListener((o, was, now) -> titles.add(now));
        long r0 = vm.revisionProperty().get();
        vm.select("app/repo");
        vm.delete();
        vm.undo();
        assertThat(vm.revisionProperty().get()).isEqualTo(r0 + 2);
        assertThat(titles).containsExactly("• my_app — Canopy", "my_app — Canopy");
        assertThat(vm.selectedNodeBinding().get().id()).isEqualTo("repo");
    }
}
