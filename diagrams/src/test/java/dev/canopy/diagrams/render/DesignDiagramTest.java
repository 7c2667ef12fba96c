package dev.canopy.diagrams.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import org.junit.jupiter.api.Test;

class DesignDiagramTest {

    private static final Design DESIGN = Design.of("d", "", SupervisorNode.of("app", List.of(
            WorkerNode.of("repo").withLabel("MyApp.Repo"),
            DynamicSupervisorNode.of("sessions").withChildTemplate(Optional.of(WorkerNode.of("session"))))));

    @Test
    void one_visual_per_node_keyed_by_path_with_start_order_and_kind() {
        DesignDiagram d = DesignDiagram.of(DESIGN);
        assertThat(d.visuals()).extracting(NodeVisual::key)
                .containsExactly("app", "app/repo", "app/sessions", "app/sessions/session");
        assertThat(d.visuals()).extracting(NodeVisual::label)
                .containsExactly("app", "MyApp.Repo", "sessions", "session");
        assertThat(d.visuals()).extracting(NodeVisual::sublabel)
                .containsExactly("one_for_one", "1 · worker", "2 · dynamic supervisor", "template · worker");
        assertThat(d.visuals().get(2).kind()).isEqualTo(StyleToken.NODE_DYNAMIC);
        assertThat(d.tree().size()).isEqualTo(4);
    }

    @Test
    void highlights_replace_the_neutral_state() {
        DesignDiagram d = DesignDiagram.of(DESIGN, Map.of("app/repo", StyleToken.STATE_GAVE_UP));
        assertThat(d.visuals().get(1).state()).isEqualTo(StyleToken.STATE_GAVE_UP);
        assertThat(d.visuals().get(0).state()).isEqualTo(StyleToken.STATE_IGNORED);
    }

    @Test
    void exports_the_whole_tree_as_svg_and_png() {
        String svg = DesignDiagram.svg(DESIGN, Theme.light());
        assertThat(svg).contains("<svg").contains("MyApp.Repo").contains("</svg>");
        byte[] png = DesignDiagram.png(DESIGN, Theme.dark());
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        DisplayList whole = DesignDiagram.of(DESIGN).wholeTree();
        assertThat(whole.widthPx()).isGreaterThan(100);
        assertThat(whole.heightPx()).isGreaterThan(100);
    }
}
