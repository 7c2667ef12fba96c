package dev.canopy.diagrams.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exact coordinates of small trees, worked out by hand from the algorithm. */
class TreeLayoutGoldenTest {
    /** siblingGap 20, subtreeGap 40, levelGap 30. */
    private static final LayoutOptions TD = new LayoutOptions(Orientation.TOP_DOWN, 20, 40, 30);

    static Stream<Arguments> cases() {
        return Stream.of(
                row("one node", TreeSpec.parse("R"), TD,
                        "R 0 0 100 40"),
                row("two children: parent centred", TreeSpec.parse("R>a,b"), TD,
                        "R 60 0 100 40", "a 0 70 100 40", "b 120 70 100 40"),
                row("varying widths and heights: level as deep as its tallest node",
                        TreeSpec.parse("R>a,b,c", "R=80x30", "a=60x20", "b=100x50", "c=40x40"),
                        new LayoutOptions(Orientation.TOP_DOWN, 10, 10, 30),
                        "R 75 0 80 30", "a 0 60 60 20", "b 70 60 100 50", "c 180 60 40 40"),
                row("cousins are kept subtreeGap apart", TreeSpec.parse("R>A,B; A>a1,a2; B>b1"), TD,
                        "R 160 0 100 40", "A 60 70 100 40", "B 260 70 100 40",
                        "a1 0 140 100 40", "a2 120 140 100 40", "b1 260 140 100 40"),
                row("a small middle subtree is spaced evenly between big ones",
                        TreeSpec.parse("R>X,m,Y; X>x1,x2,x3; Y>y1,y2,y3"),
                        new LayoutOptions(Orientation.TOP_DOWN, 20, 20, 30),
                        "R 300 0 100 40", "X 120 70 100 40", "m 300 70 100 40", "Y 480 70 100 40",
                        "x1 0 140 100 40", "x2 120 140 100 40", "x3 240 140 100 40",
                        "y1 360 140 100 40", "y2 480 140 100 40", "y3 600 140 100 40"),
                row("a chain stays in one column", TreeSpec.parse("R>a; a>b"), TD,
                        "R 0 0 100 40", "a 0 70 100 40", "b 0 140 100 40"),
                row("left to right: siblings stacked by height, levels by width", TreeSpec.parse("R>a,b"),
                        TD.withOrientation(Orientation.LEFT_RIGHT),
                        "R 0 30 100 40", "a 130 0 100 40", "b 130 60 100 40"),
                row("collapsed: descendants hidden and parked on the collapsed node",
                        TreeSpec.parse("R>A,B; A>a1,a2; B>b1").withCollapsed("A", true), TD,
                        "R 60 0 100 40", "A 0 70 100 40", "B 120 70 100 40",
                        "a1 0 70 100 40", "a2 0 70 100 40", "b1 120 140 100 40"));
    }

    private static Arguments row(String name, LayoutTree tree, LayoutOptions options, String... expected) {
        return Arguments.of(name, tree, options, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lays_out_exactly(String name, LayoutTree tree, LayoutOptions options, List<String> expected) {
        Layout layout = TreeLayout.layout(tree, options);
        assertThat(describe(layout)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void edge_routes_run_through_the_middle_of_the_level_gap() {
        Layout layout = TreeLayout.layout(TreeSpec.parse("R>a,b"), TD);
        assertThat(layout.edgeRoute(layout.indexOf("b")).points()).containsExactly(
                new Point(110, 40), new Point(110, 55), new Point(170, 55), new Point(170, 70));
        Layout lr = TreeLayout.layout(TreeSpec.parse("R>a,b"), TD.withOrientation(Orientation.LEFT_RIGHT));
        assertThat(lr.edgeRoute(lr.indexOf("a")).points()).containsExactly(
                new Point(100, 50), new Point(115, 50), new Point(115, 20), new Point(130, 20));
        assertThat(layout.edgeRoutes()).hasSize(2);
    }

    @Test
    void bounds_and_subtree_bounds() {
        Layout layout = TreeLayout.layout(TreeSpec.parse("R>A,B; A>a1,a2; B>b1"), TD);
        assertThat(layout.bounds()).isEqualTo(new Bounds(0, 0, 360, 180));
        assertThat(layout.subtreeBounds(layout.indexOf("A"))).isEqualTo(new Bounds(0, 70, 220, 180));
        assertThat(layout.subtreeBounds(layout.indexOf("b1"))).isEqualTo(new Bounds(260, 140, 360, 180));
    }

    @Test
    void hidden_descendants_are_counted_for_the_collapsed_badge() {
        Layout layout = TreeLayout.layout(TreeSpec.parse("R>A,B; A>a1,a2; a1>x").withCollapsed("A", true), TD);
        assertThat(layout.hiddenDescendants(layout.indexOf("A"))).isEqualTo(3);
        assertThat(layout.isVisible(layout.indexOf("x"))).isFalse();
        assertThat(layout.visibleCount()).isEqualTo(3);
    }

    @Test
    void positions_follow_keys_not_insertion_order() {
        LayoutTree inOrder = TreeSpec.parse("R>A,B; A>a1,a2; B>b1");
        LayoutTree shuffled = LayoutTree.builder()
                .add("b1", "B", 100, 40).add("a1", "A", 100, 40).add("A", "R", 100, 40)
                .add("a2", "A", 100, 40).add("B", "R", 100, 40).add("R", null, 100, 40).build();
        // Children added before their parents, siblings in the same relative order: same picture.
        Layout a = TreeLayout.layout(inOrder, TD);
        Layout b = TreeLayout.layout(shuffled, TD);
        for (String key : List.of("R", "A", "B", "a1", "a2", "b1")) assertThat(b.rect(key)).isEqualTo(a.rect(key));
    }

    static List<String> describe(Layout layout) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            Rect r = layout.rect(i);
            lines.add(layout.key(i) + " " + num(r.x()) + " " + num(r.y()) + " " + num(r.w()) + " " + num(r.h()));
        }
        return lines;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
