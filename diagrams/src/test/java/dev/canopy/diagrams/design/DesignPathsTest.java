package dev.canopy.diagrams.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DesignPathsTest {

    private final Design d = DesignValidatorTest.base();

    @Test
    void finds_nodes_by_slash_path() {
        assertThat(DesignPaths.find(d, "app")).contains(d.root());
        assertThat(DesignPaths.find(d, "app/sub/y").map(DesignNode::id)).contains("y");
        assertThat(DesignPaths.find(d, "app/dyn/t").map(DesignNode::kind)).contains(DesignKind.WORKER);
        assertThat(DesignPaths.find(d, "app/nope")).isEmpty();
        assertThat(DesignPaths.find(d, "other")).isEmpty();
        assertThat(DesignPaths.parentOf(d, "app/sub/x").map(DesignNode::id)).contains("sub");
        assertThat(DesignPaths.parentOf(d, "app")).isEmpty();
        assertThat(DesignPaths.allPaths(d)).containsExactly("app", "app/a", "app/reg", "app/dyn", "app/dyn/t", "app/sub",
                "app/sub/x", "app/sub/y");
        assertThat(DesignPaths.jsonPath(d, "app/sub/y")).contains("$.tree.children[3].children[1]");
        assertThat(DesignPaths.jsonPath(d, "app/dyn/t")).contains("$.tree.children[2].child_template");
    }

    @Test
    void edits_return_a_new_design() {
        Design inserted = DesignPaths.insert(d, "app/sub", 1, WorkerNode.of("z"));
        assertThat(DesignPaths.find(inserted, "app/sub").orElseThrow().children()).extracting(DesignNode::id)
                .containsExactly("x", "z", "y");
        assertThat(DesignPaths.find(d, "app/sub").orElseThrow().children()).hasSize(2);

        Design removed = DesignPaths.remove(d, "app/sub/x");
        assertThat(DesignPaths.find(removed, "app/sub").orElseThrow().children()).extracting(DesignNode::id).containsExactly("y");

        Design moved = DesignPaths.move(d, "app/sub/y", "app", 0);
        assertThat(d.root().children()).hasSize(4);
        assertThat(moved.root().children()).extracting(DesignNode::id).containsExactly("y", "a", "reg", "dyn", "sub");
        assertThat(moved.nodeCount()).isEqualTo(d.nodeCount());

        Design replaced = DesignPaths.replace(d, "app/a", WorkerNode.of("a").withLabel("A"));
        assertThat(DesignPaths.find(replaced, "app/a").orElseThrow().label()).isEqualTo("A");

        Design noTemplate = DesignPaths.remove(d, "app/dyn/t");
        assertThat(((DynamicSupervisorNode) DesignPaths.find(noTemplate, "app/dyn").orElseThrow()).childTemplate()).isEmpty();
    }

    @Test
    void impossible_edits_say_why() {
        assertThatThrownBy(() -> DesignPaths.insert(d, "app/a", 0, WorkerNode.of("z")))
                .hasMessage("only a supervisor has children in the tree, not a worker ('app/a')");
        assertThatThrownBy(() -> DesignPaths.remove(d, "app")).hasMessage("the root cannot be removed");
        assertThatThrownBy(() -> DesignPaths.move(d, "app/sub", "app/sub", 0))
                .hasMessage("cannot move 'app/sub' into its own subtree");
        assertThatThrownBy(() -> DesignPaths.replace(d, "app/zz", WorkerNode.of("z"))).hasMessage("no node at 'app/zz'");
    }
}
