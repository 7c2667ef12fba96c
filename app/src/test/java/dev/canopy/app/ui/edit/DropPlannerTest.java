package dev.canopy.app.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignKind;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;

class DropPlannerTest {

    private static final Design D = Fixtures.design();

    static Stream<Arguments> allowed() {
        return Stream.of(
                // palette drops: a fresh id, appended inside a supervisor or at the sibling's index
                Arguments.of(Dragged.of(DesignKind.WORKER), "app/web", DropPosition.INSIDE,
                        new EditCommand.AddNode("app/web", 2, WorkerNode.of("worker_1"))),
                Arguments.of(Dragged.of(DesignKind.SUPERVISOR), "app", DropPosition.INSIDE,
                        new EditCommand.AddNode("app", 5, DesignNode.defaults("sup_1", DesignKind.SUPERVISOR))),
                Arguments.of(Dragged.of(DesignKind.REGISTRY), "app/web/cache", DropPosition.BEFORE,
                        new EditCommand.AddNode("app/web", 0, DesignNode.defaults("registry_1", DesignKind.REGISTRY))),
                Arguments.of(Dragged.of(DesignKind.TASK_SUPERVISOR), "app/repo", DropPosition.AFTER,
                        new EditCommand.AddNode("app", 2, DesignNode.defaults("task_sup_1", DesignKind.TASK_SUPERVISOR))),
                Arguments.of(Dragged.of(DesignKind.DYNAMIC_SUPERVISOR), "app/tasks", DropPosition.AFTER,
                        new EditCommand.AddNode("app", 5, DesignNode.defaults("dynamic_sup_1", DesignKind.DYNAMIC_SUPERVISOR))),
                // moves within one supervisor: a reorder (indices after taking the node out)
                Arguments.of(Dragged.node("app/reg"), "app/web", DropPosition.AFTER, new EditCommand.Reorder("app", 0, 2)),
                Arguments.of(Dragged.node("app/tasks"), "app/reg", DropPosition.BEFORE, new EditCommand.Reorder("app", 4, 0)),
                Arguments.of(Dragged.node("app/tasks"), "app/reg", DropPosition.AFTER, new EditCommand.Reorder("app", 4, 1)),
                Arguments.of(Dragged.node("app/repo"), "app", DropPosition.INSIDE, new EditCommand.Reorder("app", 1, 4)),
                Arguments.of(Dragged.node("app/web/cache"), "app/web/endpoint", DropPosition.AFTER,
                        new EditCommand.Reorder("app/web", 0, 1)),
                // moves to another supervisor: a reparent at the index
                Arguments.of(Dragged.node("app/repo"), "app/web", DropPosition.INSIDE, new EditCommand.Reparent("app/repo", "app/web", 2)),
                Arguments.of(Dragged.node("app/repo"), "app/web/endpoint", DropPosition.BEFORE,
                        new EditCommand.Reparent("app/repo", "app/web", 1)),
                Arguments.of(Dragged.node("app/web/cache"), "app/repo", DropPosition.AFTER,
                        new EditCommand.Reparent("app/web/cache", "app", 2)),
                // a palette worker inside a DynamicSupervisor without a template becomes its template
                Arguments.of(Dragged.of(DesignKind.WORKER), "app/sessions", DropPosition.INSIDE, null));
    }

    @ParameterizedTest(name = "{0} {2} {1}")
    @MethodSource("allowed")
    void allowedDrops(Dragged dragged, String target, DropPosition position, EditCommand expected) {
        Design d = target.equals("app/sessions") ? withoutTemplate() : D;
        DropPlan plan = DropPlanner.plan(d, dragged, target, position);
        assertThat(plan).isInstanceOf(DropPlan.Allowed.class);
        EditCommand command = ((DropPlan.Allowed) plan).command();
        if (expected != null) assertThat(command).isEqualTo(expected);
        Design after = command.apply(d);
        assertThat(command.inverse(d).apply(after)).isEqualTo(d);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(Dragged.of(DesignKind.WORKER), "app/repo", DropPosition.INSIDE,
                        "a Worker cannot have children ('repo' is a worker)"),
                Arguments.of(Dragged.node("app/web/cache"), "app/reg", DropPosition.INSIDE,
                        "a Registry cannot have children ('reg' is a registry)"),
                Arguments.of(Dragged.of(DesignKind.WORKER), "app/tasks", DropPosition.INSIDE,
                        "a Task.Supervisor runs tasks on demand and has no static children ('tasks')"),
                Arguments.of(Dragged.of(DesignKind.WORKER), "app/sessions", DropPosition.INSIDE,
                        "'sessions' already has a child template ('session'); a DynamicSupervisor starts one kind of child"),
                Arguments.of(Dragged.of(DesignKind.SUPERVISOR), "app/sessions", DropPosition.INSIDE,
                        "a DynamicSupervisor's child template must be a Worker, not a Supervisor ('sessions')"),
                Arguments.of(Dragged.node("app/web"), "app/web/cache", DropPosition.BEFORE,
                        "'web' cannot be dropped into its own subtree"),
                Arguments.of(Dragged.node("app/web"), "app/web", DropPosition.INSIDE, "'web' cannot be dropped into itself"),
                Arguments.of(Dragged.node("app/web"), "app/web", DropPosition.AFTER, "'web' is already there"),
                Arguments.of(Dragged.node("app/reg"), "app/repo", DropPosition.BEFORE, "'reg' is already there"),
                Arguments.of(Dragged.node("app/tasks"), "app", DropPosition.INSIDE, "'tasks' is already there"),
                Arguments.of(Dragged.of(DesignKind.WORKER), "app", DropPosition.BEFORE,
                        "the root has no siblings; drop inside it to add a child"),
                Arguments.of(Dragged.node("app"), "app/web", DropPosition.INSIDE, "the root cannot be moved; a design has one root"),
                Arguments.of(Dragged.node("app/sessions/session"), "app", DropPosition.INSIDE,
                        "'session' is a child template; it stays with its DynamicSupervisor"),
                Arguments.of(Dragged.of(DesignKind.WORKER), "app/sessions/session", DropPosition.AFTER,
                        "'session' is a child template; drop onto its DynamicSupervisor instead"),
                Arguments.of(Dragged.of(DesignKind.WORKER), "app/nowhere", DropPosition.INSIDE, "there is no node at 'app/nowhere'"),
                Arguments.of(Dragged.node("app/web/nowhere"), "app", DropPosition.INSIDE, "there is no node at 'app/web/nowhere'"));
    }

    @ParameterizedTest(name = "{0} {2} {1}")
    @MethodSource("refused")
    void refusedDrops(Dragged dragged, String target, DropPosition position, String reason) {
        assertThat(DropPlanner.plan(D, dragged, target, position)).isEqualTo(new DropPlan.Refused(reason));
    }

    @Test
    void aMoveOntoASiblingIdIsRefused() {
        Design d = new EditCommand.AddNode("app/web", 0, WorkerNode.of("repo")).apply(D);
        assertThat(DropPlanner.plan(d, Dragged.node("app/repo"), "app/web", DropPosition.INSIDE))
                .isEqualTo(new DropPlan.Refused("'web' already has a child 'repo'; rename one of them first"));
    }

    @Test
    void freshIdsCountUpAcrossTheWholeDesign() {
        Design d = D;
        for (int i = 1; i <= 3; i++) {
            DropPlan plan = DropPlanner.plan(d, Dragged.of(DesignKind.WORKER), "app/web", DropPosition.INSIDE);
            EditCommand.AddNode add = (EditCommand.AddNode) ((DropPlan.Allowed) plan).command();
            assertThat(add.node().id()).isEqualTo("worker_" + i);
            d = add.apply(d);
        }
        // worker_1 is taken under web: a drop under app still gets worker_4
        DropPlan plan = DropPlanner.plan(d, Dragged.of(DesignKind.WORKER), "app", DropPosition.INSIDE);
        assertThat(((EditCommand.AddNode) ((DropPlan.Allowed) plan).command()).node().id()).isEqualTo("worker_4");
    }

    @Test
    void startOrderIsTheOneBasedIndex() {
        assertThat(DropPlanner.startOrder(D, "app/reg")).hasValue(1);
        assertThat(DropPlanner.startOrder(D, "app/tasks")).hasValue(5);
        assertThat(DropPlanner.startOrder(D, "app/web/endpoint")).hasValue(2);
        assertThat(DropPlanner.startOrder(D, "app")).isEmpty();
        assertThat(DropPlanner.startOrder(D, "app/sessions/session")).isEmpty();
        Design moved = ((DropPlan.Allowed) DropPlanner.plan(D, Dragged.node("app/tasks"), "app/reg", DropPosition.BEFORE))
                .command().apply(D);
        assertThat(DropPlanner.startOrder(moved, "app/tasks")).hasValue(1);
        assertThat(DropPlanner.startOrder(moved, "app/reg")).hasValue(2);
    }

    private static Design withoutTemplate() {
        DynamicSupervisorNode s = (DynamicSupervisorNode) DesignPaths.find(D, "app/sessions").orElseThrow();
        return DesignPaths.replace(D, "app/sessions", s.withChildTemplate(java.util.Optional.empty()));
    }
}
