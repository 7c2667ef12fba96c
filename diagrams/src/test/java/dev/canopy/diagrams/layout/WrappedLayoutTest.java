package dev.canopy.diagrams.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.StringJoiner;

import org.junit.jupiter.api.Test;

/** A wide family of leaves wraps into rows under its parent: exact places, routes and clearances. */
class WrappedLayoutTest {
    /** siblingGap 20, subtreeGap 40, levelGap 30: rows 20 apart (max of siblingGap and levelGap / 2). */
    private static final LayoutOptions TD = new LayoutOptions(Orientation.TOP_DOWN, 20, 40, 30);

    private static LayoutTree family(String parent, int children, String more) {
        StringJoiner kids = new StringJoiner(",");
        for (int i = 0; i < children; i++) kids.add("c" + i);
        return TreeSpec.parse(parent + ">" + kids + more);
    }

    @Test
    void twenty_leaves_fill_eight_columns_row_by_row_centred_under_their_parent() {
        Layout l = TreeLayout.layout(family("R", 20, ""), TD);
        assertThat(l.wrapColumns(l.indexOf("R"))).isEqualTo(8);
        // 8 columns of 100 px with 20 px gaps: 940 px wide; the parent centred over them.
        assertThat(l.rect("R")).isEqualTo(new Rect(420, 0, 100, 40));
        assertThat(l.rect("c0")).isEqualTo(new Rect(0, 70, 100, 40));
        assertThat(l.rect("c7")).isEqualTo(new Rect(840, 70, 100, 40));
        assertThat(l.rect("c8")).isEqualTo(new Rect(0, 130, 100, 40));
        assertThat(l.rect("c19")).isEqualTo(new Rect(360, 190, 100, 40));
        assertThat(l.bounds()).isEqualTo(new Bounds(0, 0, 940, 230));
    }

    @Test
    void a_row_hangs_from_its_own_bus_reached_by_a_trunk_down_the_middle_column_gap() {
        Layout l = TreeLayout.layout(family("R", 20, ""), TD);
        assertThat(l.edgeRoute(l.indexOf("c0")).points()).containsExactly(
                new Point(470, 40), new Point(470, 55), new Point(50, 55), new Point(50, 70));
        assertThat(l.edgeRoute(l.indexOf("c9")).points()).containsExactly(
                new Point(470, 40), new Point(470, 120), new Point(170, 120), new Point(170, 130));
        // The trunk at x 470 runs between columns 3 (360..460) and 4 (480..580).
        assertThat(l.rect("c3").maxX()).isLessThan(470);
        assertThat(l.rect("c4").x()).isGreaterThan(470);
    }

    @Test
    void at_or_below_the_threshold_a_family_stays_in_one_row() {
        Layout l = TreeLayout.layout(family("R", 12, ""), TD);
        assertThat(l.wrapColumns(l.indexOf("R"))).isZero();
        for (int i = 0; i < 12; i++) assertThat(l.rect("c" + i).y()).isEqualTo(70);
        Layout never = TreeLayout.layout(family("R", 20, ""), TD.withWrapAbove(Integer.MAX_VALUE));
        assertThat(never.wrapColumns(never.indexOf("R"))).isZero();
    }

    @Test
    void a_family_with_a_grandchild_is_not_wrapped() {
        Layout l = TreeLayout.layout(family("R", 20, "; c3>g"), TD);
        assertThat(l.wrapColumns(l.indexOf("R"))).isZero();
        // Collapsing the only inner child makes the family all leaves again.
        Layout collapsed = TreeLayout.layout(family("R", 20, "; c3>g").withCollapsed("c3", true), TD);
        assertThat(collapsed.wrapColumns(collapsed.indexOf("R"))).isEqualTo(8);
    }

    @Test
    void a_cousin_subtree_deeper_than_the_grid_keeps_clear_of_every_row() {
        StringJoiner kids = new StringJoiner(",");
        for (int i = 0; i < 40; i++) kids.add("s" + i);
        // b1's eight children spread far left of b1, at a level the grid reaches down into.
        LayoutTree t = TreeSpec.parse("R>D,B; D>" + kids + "; B>b1; b1>x1,x2,x3,x4,x5,x6,x7,x8; x1>y");
        Layout l = TreeLayout.layout(t, TD);
        assertThat(l.wrapColumns(l.indexOf("D"))).isPositive();
        Bounds grid = l.subtreeBounds(l.indexOf("D"));
        Bounds cousin = l.subtreeBounds(l.indexOf("B"));
        assertThat(cousin.minX()).isGreaterThanOrEqualTo(grid.maxX() + TD.subtreeGapPx());
        // x1 sits at level 3, inside the grid's height: only the grid's stand-ins keep it out.
        assertThat(l.rect("x1").y()).isLessThan(grid.maxY());
    }

    @Test
    void a_hundred_pools_of_a_hundred_workers_wrap_into_rows_of_pools() {
        // the 10,101-node file of issue 12: 1,056,816 px wide when every leaf was in one row
        LayoutTreeBuilder b = LayoutTree.builder().add("root", null, 140, 44);
        for (int p = 0; p < 100; p++) {
            b.add("pool_" + p, "root", 120, 44);
            for (int w = 0; w < 100; w++) b.add("w_" + p + "_" + w, "pool_" + p, 100, 44);
        }
        Layout l = TreeLayout.layout(b.build(), LayoutOptions.defaults());
        double aspect = l.bounds().width() / l.bounds().height();
        assertThat(aspect).isBetween(1.0, 4.0);
        assertThat(l.bounds().width()).isLessThan(40_000);
        assertThat(l.wrapTrunk(l.indexOf("root"))).isNotNaN();
        assertThat(l.wrapColumns(l.indexOf("pool_7"))).isPositive();
        // pools in reading order: pool_1 right of pool_0 in the first row; a later pool on a lower row
        assertThat(l.rect("pool_1").x()).isGreaterThan(l.rect("pool_0").x());
        assertThat(l.rect("pool_99").y()).isGreaterThan(l.rect("pool_0").y());
        // no two boxes overlap
        java.util.List<Rect> boxes = new java.util.ArrayList<>();
        for (int i = 0; i < l.size(); i++) boxes.add(l.rect(i));
        boxes.sort(java.util.Comparator.comparingDouble(Rect::x));
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size() && boxes.get(j).x() < boxes.get(i).maxX(); j++) {
                assertThat(boxes.get(i).overlaps(boxes.get(j))).as("%s / %s", boxes.get(i), boxes.get(j)).isFalse();
            }
        }
        // the route to a pool on a later row runs down the trunk in the left gutter
        var route = l.edgeRoute(l.indexOf("pool_99")).points();
        assertThat(route).hasSize(6);
        assertThat(route.get(2).x()).isEqualTo(l.wrapTrunk(0)).isLessThan(l.subtreeBounds(l.indexOf("pool_0")).minX());
    }

    @Test
    void a_flat_ten_thousand_reads_about_twice_as_wide_as_tall() {
        int n = 10_001;
        String[] keys = new String[n];
        int[] parents = new int[n];
        double[] w = new double[n];
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = "n" + i;
            parents[i] = i == 0 ? -1 : 0;
            w[i] = 100 + i % 5 * 10;
            h[i] = 44;
        }
        Layout l = TreeLayout.layout(LayoutTree.of(keys, parents, w, h, new boolean[n]), LayoutOptions.defaults());
        double aspect = l.bounds().width() / l.bounds().height();
        assertThat(aspect).isBetween(1.5, 2.5);
        assertThat(l.bounds().width()).isLessThan(20_000);
    }
}
