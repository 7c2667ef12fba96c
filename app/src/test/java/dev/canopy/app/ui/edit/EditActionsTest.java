package dev.canopy.app.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignKind;
import dev.canopy.diagrams.design.SupervisorNode;
import javafx.beans.property.SimpleObjectProperty;

class EditActionsTest {

    private final EditorClipboard clipboard = new EditorClipboard();
    private final EditorViewModel first = new EditorViewModel(Fixtures.design(), clipboard);
    private final EditorViewModel second =
            new EditorViewModel(Design.of("other", "", SupervisorNode.of("root", List.of())), clipboard);
    private final SimpleObjectProperty<EditorViewModel> active = new SimpleObjectProperty<>();
    private final EditActions actions = new EditActions(active);

    @Test
    void withoutAnEditorEverythingIsDisabled() {
        assertThat(actions.all()).allMatch(a -> a.disabledProperty().get());
        assertThat(actions.undo().textProperty().get()).isEqualTo("Undo");
        assertThat(actions.copy().run()).isEqualTo(EditResult.refused("no design is open"));
        assertThat(actions.all()).extracting(EditActions.Action::shortcut)
                .containsExactly("Shortcut+Z", "Shortcut+Shift+Z", "Shortcut+X", "Shortcut+C", "Shortcut+V",
                        "Shortcut+D", "Delete");
    }

    @Test
    void followsTheActiveEditor() {
        active.set(first);
        assertThat(actions.undo().disabledProperty().get()).isTrue();
        assertThat(actions.copy().disabledProperty().get()).isTrue();
        first.select("app/web");
        assertThat(actions.copy().disabledProperty().get()).isFalse();
        assertThat(actions.paste().disabledProperty().get()).isTrue();
        actions.copy().run();
        assertThat(actions.paste().disabledProperty().get()).isFalse();
        first.add(DesignKind.WORKER);
        assertThat(actions.undo().textProperty().get()).isEqualTo("Undo Add Worker 'worker_1'");
        assertThat(actions.undo().disabledProperty().get()).isFalse();

        active.set(second);
        assertThat(actions.undo().textProperty().get()).isEqualTo("Undo");
        assertThat(actions.undo().disabledProperty().get()).isTrue();
        assertThat(actions.paste().run()).isEqualTo(EditResult.applied("Paste Supervisor 'web'"));
        assertThat(actions.undo().textProperty().get()).isEqualTo("Undo Paste Supervisor 'web'");

        active.set(first);
        assertThat(actions.undo().run()).isEqualTo(EditResult.applied("Undo Add Worker 'worker_1'"));
        assertThat(actions.redo().textProperty().get()).isEqualTo("Redo Add Worker 'worker_1'");
        active.set(null);
        assertThat(actions.redo().textProperty().get()).isEqualTo("Redo");
        assertThat(actions.redo().disabledProperty().get()).isTrue();
    }

    @Test
    void dragBoardText() {
        assertThat(Dragged.of(DesignKind.TASK_SUPERVISOR).encode()).isEqualTo("canopy-kind:task_supervisor");
        assertThat(Dragged.node("app/web").encode()).isEqualTo("canopy-node:app/web");
        for (Dragged d : List.of(Dragged.of(DesignKind.WORKER), Dragged.of(DesignKind.REGISTRY), Dragged.node("app/a/b"))) {
            assertThat(Dragged.decode(d.encode())).contains(d);
        }
        assertThat(Dragged.decode("canopy-kind:nonsense")).isEmpty();
        assertThat(Dragged.decode("some text")).isEmpty();
        assertThat(Dragged.decode("canopy-node:")).isEmpty();
        assertThat(Dragged.decode(null)).isEmpty();
        assertThat(Dragged.ofKindName("dynamic_supervisor")).contains(Dragged.of(DesignKind.DYNAMIC_SUPERVISOR));
    }
}
