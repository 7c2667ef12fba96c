package dev.canopy.diagrams.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.layout.LayoutOptions;
import dev.canopy.diagrams.layout.LayoutTree;
import dev.canopy.diagrams.layout.TreeLayout;

/** Drawing a wrapped family: rows' connectors, strips from afar, and storms visible at any zoom. */
class WrappedDisplayListTest {

    private static List<Rect> rects(DisplayList list, LayerName layer) {
        return list.layer(layer).shapes().stream().filter(Rect.class::isInstance).map(Rect.class::cast).toList();
    }

    @Test
    void a_fitted_grid_of_100k_sessions_is_a_few_shapes_per_row_and_a_crash_shows_in_its_state_colour() {
        SyntheticDiagram d = SyntheticDiagram.flat(100_000, 3);
        NodeVisuals calm = new NodeVisuals(d.tree());
        for (int i = 0; i < d.tree().size(); i++) calm.put(d.visuals().get(i).withState(StyleToken.STATE_RUNNING).withBadges(0, 0, java.util.OptionalDouble.empty()));
        calm.put(calm.get("session_777").withState(StyleToken.STATE_GAVE_UP));
        Layout l = TreeLayout.layout(d.tree(), LayoutOptions.defaults());
        int rows = (100_000 + l.wrapColumns(0) - 1) / l.wrapColumns(0);
        DisplayList list = DisplayListBuilder.build(l, calm, Viewport.fit(l.bounds(), 1600, 1000, 16));
        // One strip per row, plus the crashed cell and the strip after it in its row.
        assertThat(rects(list, LayerName.BLOCKS)).hasSize(rows + 2);
        assertThat(rects(list, LayerName.BLOCKS)).filteredOn(r -> r.token() == StyleToken.STATE_GAVE_UP)
                .singleElement().extracting(Rect::nodeKey).isEqualTo("session_777");
        assertThat(list.shapeCount()).isLessThan(3 * rows + 10);
    }

    @Test
    void at_full_detail_each_row_has_its_bus_and_the_trunk_reaches_the_last_row() {
        SyntheticDiagram d = SyntheticDiagram.flat(40, 1);
        Layout l = TreeLayout.layout(d.tree(), LayoutOptions.defaults());
        int cols = l.wrapColumns(0);
        assertThat(cols).isPositive();
        DisplayList list = DisplayListBuilder.build(l, d.visuals(), Viewport.whole(l.bounds(), 10));
        List<Line> lines = list.layer(LayerName.EDGES).shapes().stream().map(Line.class::cast).toList();
        int rows = (40 + cols - 1) / cols;
        // trunk + one bus per row + one stub per child
        assertThat(lines).hasSize(1 + rows + 40);
        Line trunk = lines.getFirst();
        double lastRowTop = l.y(l.tree().child(0, 39)) - 10 + 0.5;
        assertThat(trunk.x1()).isEqualTo(trunk.x2());
        assertThat(Math.max(trunk.y1(), trunk.y2())).isGreaterThan(lastRowTop - l.options().rowGapPx());
        assertThat(list.layer(LayerName.BODIES).shapes()).hasSize(41);
    }

    @Test
    void zoomed_in_on_a_corner_only_the_cells_on_screen_are_visited() {
        SyntheticDiagram d = SyntheticDiagram.flat(10_000, 1);
        Layout l = TreeLayout.layout(d.tree(), LayoutOptions.defaults());
        int last = l.tree().child(0, 9_999);
        Viewport corner = new Viewport(l.x(last) - 200, l.y(last) - 100, 800, 600, 1);
        DisplayList list = DisplayListBuilder.build(l, d.visuals(), corner);
        assertThat(list.layer(LayerName.BODIES).shapes()).hasSizeBetween(5, 80);
        assertThat(list.layer(LayerName.TEXT).shapes()).extracting(s -> ((Text) s).text()).contains("session_10000");
    }

    @Test
    void a_collapsed_supervisor_shows_how_many_below_it_are_restarting_and_down() {
        LayoutTree t = LayoutTree.builder().add("root", null, 120, 44).add("pool", "root", 120, 44)
                .add("a", "pool", 100, 44).add("b", "pool", 100, 44).add("c", "pool", 100, 44).build()
                .withCollapsed("pool", true);
        NodeVisuals v = new NodeVisuals(t);
        v.put(NodeVisual.of("a", "a", "", StyleToken.NODE_WORKER, StyleToken.STATE_RESTARTING));
        v.put(NodeVisual.of("b", "b", "", StyleToken.NODE_WORKER, StyleToken.STATE_GAVE_UP));
        v.put(NodeVisual.of("c", "c", "", StyleToken.NODE_WORKER, StyleToken.STATE_EXITED));
        Layout l = TreeLayout.layout(t, LayoutOptions.defaults());
        DisplayList near = DisplayListBuilder.build(l, v, Viewport.whole(l.bounds(), 40));
        assertThat(near.shapes().filter(Badge.class::isInstance).map(s -> ((Badge) s).text()).toList())
                .containsExactlyInAnyOrder("+3", "1 ↻", "2 ✕");
        // From afar the collapsed pool is a block in the colour of the worst state below it.
        DisplayList far = DisplayListBuilder.build(l, v, new Viewport(0, 0, 10, 10, 0.01));
        assertThat(rects(far, LayerName.BLOCKS)).extracting(Rect::token).containsExactly(StyleToken.STATE_GAVE_UP);
    }
}
