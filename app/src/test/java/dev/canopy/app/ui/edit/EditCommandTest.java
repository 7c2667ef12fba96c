package dev.canopy.app.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;

class EditCommandTest {

    private final Design d = Fixtures.design();

    static Stream<EditCommand> commands() {
        Design d = Fixtures.design();
        DesignNode cache = DesignPaths.find(d, "app/web/cache").orElseThrow();
        return Stream.of(
                new EditCommand.AddNode("app/web", 1, WorkerNode.of("pool")),
                new EditCommand.AddNode("app", 0, SupervisorNode.of("inner", List.of(WorkerNode.of("a")))),
                new EditCommand.RemoveSubtree("app/web"),
                new EditCommand.RemoveSubtree("app/web/endpoint"),
                new EditCommand.RemoveSubtree("app/sessions/session"),
                new EditCommand.Reparent("app/web/cache", "app", 0),
                new EditCommand.Reparent("app/repo", "app/web", 2),
                new EditCommand.Reparent("app/web/cache", "app/web", 1),
                new EditCommand.Reorder("app", 0, 4),
                new EditCommand.Reorder("app", 3, 1),
                new EditCommand.ChangeNode("app/web/cache", cache, cache.withLabel("Cache"), "label"),
                new EditCommand.ChangeNode("app/web/cache", cache, cache.withId("store"), "id"),
                new EditCommand.ChangeNode("app", d.root(), d.root().withId("top"), "id"),
                new EditCommand.Paste("app/web", 0, WorkerNode.of("cache_2")),
                EditCommand.Paste.of(d, "app", 5, DesignPaths.find(d, "app/web").orElseThrow()),
                new EditCommand.Duplicate("app/web/cache"),
                new EditCommand.Duplicate("app/web"),
                new EditCommand.ChangeDesignInfo(DesignInfo.of(d), DesignInfo.of(d).withName("other"), "name"),
                new EditCommand.ChangeDesignInfo(DesignInfo.of(d), DesignInfo.of(d).withClusterNodes(3), "cluster_nodes"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void applyThenInverseGivesTheDesignBack(EditCommand command) {
        Design after = command.apply(d);
        assertThat(after).isNotEqualTo(d);
        EditCommand inverse = command.inverse(d);
        assertThat(inverse.apply(after)).isEqualTo(d);
        // the inverse's inverse redoes the command
        assertThat(inverse.inverse(after).apply(d)).isEqualTo(after);
        assertThat(command.name(d)).isNotBlank();
        assertThat(DesignPaths.find(after, command.focus(d)).isPresent() || command.focus(d).isEmpty()).isTrue();
    }

    @Test
    void addNodeInsertsAtTheIndexAndIsNamedAfterKindAndId() {
        var add = new EditCommand.AddNode("app/web", 1, WorkerNode.of("pool"));
        Design after = add.apply(d);
        assertThat(DesignPaths.find(after, "app/web").orElseThrow().children()).extracting(DesignNode::id)
                .containsExactly("cache", "pool", "endpoint");
        assertThat(add.name(d)).isEqualTo("Add Worker 'pool'");
        assertThat(add.focus(d)).isEqualTo("app/web/pool");
    }

    @Test
    void aWorkerCannotHaveChildren() {
        assertThatThrownBy(() -> new EditCommand.AddNode("app/repo", 0, WorkerNode.of("x")).apply(d))
                .isInstanceOf(EditException.class).hasMessage("a Worker cannot have children ('repo' is a worker)");
        assertThatThrownBy(() -> new EditCommand.AddNode("app/reg", 0, WorkerNode.of("x")).apply(d))
                .isInstanceOf(EditException.class).hasMessageContaining("a Registry cannot have children");
        assertThatThrownBy(() -> new EditCommand.Reparent("app/repo", "app/sessions", 0).apply(d))
                .isInstanceOf(EditException.class).hasMessageContaining("give it a child template");
    }

    @Test
    void siblingIdsStayUnique() {
        assertThatThrownBy(() -> new EditCommand.AddNode("app/web", 0, WorkerNode.of("cache")).apply(d))
                .hasMessage("'web' already has a child 'cache'; ids must be unique under one supervisor");
        DesignNode cache = DesignPaths.find(d, "app/web/cache").orElseThrow();
        assertThatThrownBy(() -> new EditCommand.ChangeNode("app/web/cache", cache, cache.withId("endpoint"), "id").apply(d))
                .hasMessageContaining("already has a child 'endpoint'");
        Design withRepoUnderWeb = new EditCommand.AddNode("app/web", 0, WorkerNode.of("repo")).apply(d);
        assertThatThrownBy(() -> new EditCommand.Reparent("app/repo", "app/web", 0).apply(withRepoUnderWeb))
                .hasMessage("'web' already has a child 'repo'; rename one first");
        assertThatThrownBy(() -> new EditCommand.AddNode("app", 0, WorkerNode.of("a/b")).apply(d))
                .hasMessageContaining("cannot contain '/'");
    }

    @Test
    void aNodeCannotMoveIntoItsOwnSubtreeNorTheRootAnywhere() {
        assertThatThrownBy(() -> new EditCommand.Reparent("app/web", "app/web", 0).apply(d))
                .hasMessage("cannot move 'web' into its own subtree");
        Design nested = new EditCommand.AddNode("app/web", 0, SupervisorNode.of("inner", List.of())).apply(d);
        assertThatThrownBy(() -> new EditCommand.Reparent("app/web", "app/web/inner", 0).apply(nested))
                .hasMessage("cannot move 'web' into its own subtree");
        assertThatThrownBy(() -> new EditCommand.Reparent("app", "app/web", 0).apply(d))
                .hasMessage("the root cannot be moved");
        assertThatThrownBy(() -> new EditCommand.RemoveSubtree("app").apply(d))
                .hasMessage("the root cannot be deleted");
        assertThatThrownBy(() -> new EditCommand.Duplicate("app").apply(d))
                .hasMessageContaining("the root cannot be duplicated");
    }

    @Test
    void removingAChildTemplateIsUndoneByChangingItsSupervisorBack() {
        var remove = new EditCommand.RemoveSubtree("app/sessions/session");
        Design after = remove.apply(d);
        assertThat(((DynamicSupervisorNode) DesignPaths.find(after, "app/sessions").orElseThrow()).childTemplate()).isEmpty();
        assertThat(remove.inverse(d)).isInstanceOf(EditCommand.ChangeNode.class);
        assertThat(remove.inverse(d).apply(after)).isEqualTo(d);
        assertThat(remove.name(d)).isEqualTo("Delete Worker 'session'");
        assertThatThrownBy(() -> new EditCommand.Reparent("app/sessions/session", "app", 0).apply(d))
                .hasMessageContaining("child template");
    }

    @Test
    void reorderChangesStartOrder() {
        Design after = new EditCommand.Reorder("app", 1, 3).apply(d);
        assertThat(after.root().children()).extracting(DesignNode::id)
                .containsExactly("reg", "web", "sessions", "repo", "tasks");
        assertThat(new EditCommand.Reorder("app", 1, 3).name(d)).isEqualTo("Move Worker 'repo'");
        assertThatThrownBy(() -> new EditCommand.Reorder("app", 0, 5).apply(d)).hasMessageContaining("which has 5 children");
    }

    @Test
    void changeNodeChecksTheNodeIsStillWhatItWas() {
        DesignNode cache = DesignPaths.find(d, "app/web/cache").orElseThrow();
        var change = new EditCommand.ChangeNode("app/web/cache", cache.withLabel("x"), cache.withLabel("y"), "label");
        assertThatThrownBy(() -> change.apply(d)).hasMessageContaining("was changed meanwhile");
    }

    @Test
    void renameMovesThePathAndNamesBothIds() {
        DesignNode cache = DesignPaths.find(d, "app/web/cache").orElseThrow();
        var rename = new EditCommand.ChangeNode("app/web/cache", cache, cache.withId("store"), "id");
        assertThat(rename.name(d)).isEqualTo("Rename 'cache' to 'store'");
        assertThat(rename.focus(d)).isEqualTo("app/web/store");
        assertThat(DesignPaths.find(rename.apply(d), "app/web/store")).isPresent();
    }

    @Test
    void textChangesOfOneFieldMerge() {
        DesignNode cache = DesignPaths.find(d, "app/web/cache").orElseThrow();
        var a = new EditCommand.ChangeNode("app/web/cache", cache, cache.withLabel("C"), "label");
        var b = new EditCommand.ChangeNode("app/web/cache", cache.withLabel("C"), cache.withLabel("Ca"), "label");
        assertThat(a.mergeWith(b)).contains(new EditCommand.ChangeNode("app/web/cache", cache, cache.withLabel("Ca"), "label"));
        // typing an id: the second keystroke addresses the renamed path
        var r1 = new EditCommand.ChangeNode("app/web/cache", cache, cache.withId("s"), "id");
        var r2 = new EditCommand.ChangeNode("app/web/s", cache.withId("s"), cache.withId("st"), "id");
        assertThat(r1.mergeWith(r2)).contains(new EditCommand.ChangeNode("app/web/cache", cache, cache.withId("st"), "id"));
        // not across fields, nor for non-text properties
        var notes = new EditCommand.ChangeNode("app/web/cache", cache.withLabel("C"), cache.withLabel("C").withNotes("n"), "notes");
        assertThat(a.mergeWith(notes)).isEmpty();
        SupervisorNode web = (SupervisorNode) DesignPaths.find(d, "app/web").orElseThrow();
        var i1 = new EditCommand.ChangeNode("app/web", web, web.withIntensity(2, 5), "max_restarts");
        var i2 = new EditCommand.ChangeNode("app/web", web.withIntensity(2, 5), web.withIntensity(3, 5), "max_restarts");
        assertThat(i1.mergeWith(i2)).isEmpty();
    }

    @Test
    void pasteMakesEveryIdUniqueAndRetargetsViaNamesToACopiedRegistry() {
        DesignNode clip = SupervisorNode.of("web", List.of(RegistryNode.of("reg"),
                WorkerNode.of("cache").withNaming(new Naming.Via("reg", "k")),
                WorkerNode.of("fresh")));
        var paste = EditCommand.Paste.of(d, "app", 5, clip);
        SupervisorNode pasted = (SupervisorNode) paste.subtree();
        assertThat(pasted.id()).isEqualTo("web_2");
        assertThat(pasted.children()).extracting(DesignNode::id).containsExactly("reg_2", "cache_2", "fresh");
        assertThat(((WorkerNode) pasted.children().get(1)).naming()).isEqualTo(new Naming.Via("reg_2", "k"));
        assertThat(paste.name(d)).isEqualTo("Paste Supervisor 'web_2'");
        assertThat(paste.focus(d)).isEqualTo("app/web_2");
    }

    @Test
    void duplicateInsertsACopyRightAfterTheOriginal() {
        var dup = new EditCommand.Duplicate("app/repo");
        Design after = dup.apply(d);
        assertThat(after.root().children()).extracting(DesignNode::id)
                .containsExactly("reg", "repo", "repo_2", "web", "sessions", "tasks");
        assertThat(dup.focus(d)).isEqualTo("app/repo_2");
        assertThat(dup.name(d)).isEqualTo("Duplicate Worker 'repo'");
        // a second duplicate numbers on
        assertThat(new EditCommand.Duplicate("app/repo").focus(after)).isEqualTo("app/repo_3");
    }

    @Test
    void designInfoChanges() {
        var c = new EditCommand.ChangeDesignInfo(DesignInfo.of(d), DesignInfo.of(d).withName("shop"), "name");
        assertThat(c.apply(d).name()).isEqualTo("shop");
        assertThat(c.name(d)).isEqualTo("Rename design to 'shop'");
        assertThatThrownBy(() -> c.apply(d.withName("zzz"))).hasMessageContaining("changed meanwhile");
        var desc1 = new EditCommand.ChangeDesignInfo(DesignInfo.of(d), DesignInfo.of(d).withDescription("x"), "description");
        var desc2 = new EditCommand.ChangeDesignInfo(DesignInfo.of(d).withDescription("x"),
                DesignInfo.of(d).withDescription("xy"), "description");
        assertThat(desc1.mergeWith(desc2)).contains(new EditCommand.ChangeDesignInfo(DesignInfo.of(d),
                DesignInfo.of(d).withDescription("xy"), "description"));
    }
}
