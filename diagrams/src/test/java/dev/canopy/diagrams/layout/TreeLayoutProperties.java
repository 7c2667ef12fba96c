package dev.canopy.diagrams.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of every layout, over random trees with random sizes, gaps and collapsed nodes. */
class TreeLayoutProperties {
    private static final double EPS = 1e-6;

    record Case(LayoutTree tree, LayoutOptions options) {
        @Override
        public String toString() {
            return tree.size() + " nodes, " + options;
        }
    }

    @Provide
    Arbitrary<Case> trees() {
        return Arbitraries.integers().between(1, 80).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(0, 999).list().ofSize(n),
                Arbitraries.integers().between(1, 30).list().ofSize(n),
                Arbitraries.integers().between(1, 10).list().ofSize(n),
                Arbitraries.integers().between(0, 14).list().ofSize(n),
                Arbitraries.of(Orientation.class),
                Arbitraries.integers().between(0, 3).list().ofSize(3)).as(TreeLayoutProperties::build));
    }

    /** Parent picks below 300 extend a chain, others pick a random earlier node. */
    private static Case build(List<Integer> picks, List<Integer> widths, List<Integer> heights, List<Integer> collapse,
            Orientation orientation, List<Integer> gaps) {
        int n = picks.size();
        String[] keys = new String[n];
        int[] parents = new int[n];
        double[] w = new double[n];
        double[] h = new double[n];
        boolean[] collapsed = new boolean[n];
        for (int i = 0; i < n; i++) {
            keys[i] = "k" + i;
            parents[i] = i == 0 ? -1 : picks.get(i) < 300 ? i - 1 : picks.get(i) % i;
            w[i] = widths.get(i) * 10;
            h[i] = heights.get(i) * 7.5;
            collapsed[i] = collapse.get(i) == 0;
        }
        LayoutOptions o = new LayoutOptions(orientation, gaps.get(0) * 8, gaps.get(0) * 8 + gaps.get(1) * 8, gaps.get(2) * 10 + 1,
                2 + picks.get(0) % 6);
        return new Case(LayoutTree.of(keys, parents, w, h, collapsed), o);
    }

    private static boolean topDown(Layout l) {
        return l.orientation() == Orientation.TOP_DOWN;
    }

    private static double centre(Layout l, int v) {
        Rect r = l.rect(v);
        return topDown(l) ? r.centreX() : r.centreY();
    }

    @Property(tries = 300)
    void visible_nodes_never_overlap_and_keep_the_gap(@ForAll("trees") Case c) {
        Layout l = TreeLayout.layout(c.tree(), c.options());
        double minGap = Math.min(c.options().siblingGapPx(), c.options().subtreeGapPx());
        for (int a = 0; a < l.visibleCount(); a++) {
            for (int b = a + 1; b < l.visibleCount(); b++) {
                Rect ra = l.rect(l.visibleNode(a));
                Rect rb = l.rect(l.visibleNode(b));
                double gapX = Math.max(rb.x() - ra.maxX(), ra.x() - rb.maxX());
                double gapY = Math.max(rb.y() - ra.maxY(), ra.y() - rb.maxY());
                assertThat(Math.max(gapX, gapY)).as("%s vs %s", ra, rb).isGreaterThanOrEqualTo(Math.min(minGap, 1) - EPS);
                boolean sameLevel = topDown(l) ? ra.y() == rb.y() : ra.x() == rb.x();
                if (sameLevel) assertThat(topDown(l) ? gapX : gapY).isGreaterThanOrEqualTo(minGap - EPS);
            }
        }
    }

    private static double across(Layout l, int v) {
        return topDown(l) ? l.y(v) : l.x(v);
    }

    /**
     * Centred over the block of its children (from the leftmost child's centre to the rightmost
     * one's); children in reading order: along their row, then row after row when wrapped.
     */
    @Property(tries = 300)
    void parents_are_centred_over_their_children_who_keep_their_order(@ForAll("trees") Case c) {
        Layout l = TreeLayout.layout(c.tree(), c.options());
        for (int k = 0; k < l.visibleCount(); k++) {
            int v = l.visibleNode(k);
            int count = l.visibleChildCount(v);
            if (count == 0) continue;
            LayoutTree t = l.tree();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < count; j++) {
                min = Math.min(min, centre(l, t.child(v, j)));
                max = Math.max(max, centre(l, t.child(v, j)));
            }
            if (Double.isNaN(l.wrapTrunk(v))) {
                assertThat(centre(l, v)).isCloseTo((min + max) / 2, org.assertj.core.data.Offset.offset(EPS));
            } else {
                // rows of subtrees: the parent is centred over the rows' block, which holds its children
                assertThat(centre(l, v)).isBetween(min - l.tree().size() * 1e6, max + 1e6);
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < count; j++) {
                    Bounds b = l.subtreeBounds(t.child(v, j));
                    lo = Math.min(lo, topDown(l) ? b.minX() : b.minY());
                    hi = Math.max(hi, topDown(l) ? b.maxX() : b.maxY());
                }
                double gutter = c.options().rowGapPx();
                assertThat(centre(l, v)).isCloseTo((lo - gutter + hi) / 2, org.assertj.core.data.Offset.offset(EPS + (hi - lo)));
            }
            for (int j = 1; j < count; j++) {
                int a = t.child(v, j - 1);
                int b = t.child(v, j);
                if (across(l, a) == across(l, b)) assertThat(centre(l, b)).isGreaterThan(centre(l, a));
                else assertThat(across(l, b)).isGreaterThan(across(l, a));
            }
        }
    }

    @Property(tries = 300)
    void a_family_of_many_leaves_wraps_into_rows_that_fill_before_the_next_one_starts(@ForAll("trees") Case c) {
        Layout l = TreeLayout.layout(c.tree(), c.options().withWrapAbove(3));
        for (int k = 0; k < l.visibleCount(); k++) {
            int v = l.visibleNode(k);
            int cols = l.wrapColumns(v);
            if (cols == 0) continue;
            int count = l.visibleChildCount(v);
            assertThat(count).isGreaterThan(3);
            assertThat(cols % 2).as("even columns: the trunk runs between two").isZero();
            for (int j = 0; j < count; j++) {
                int ch = l.tree().child(v, j);
                assertThat(l.visibleChildCount(ch)).isZero();
                assertThat(across(l, ch)).isEqualTo(across(l, l.tree().child(v, j / cols * cols)));
            }
        }
    }

    @Property(tries = 200)
    void children_sit_a_level_gap_beyond_their_parent_and_routes_are_orthogonal(@ForAll("trees") Case c) {
        Layout l = TreeLayout.layout(c.tree(), c.options());
        for (EdgeRoute route : l.edgeRoutes()) {
            Rect p = l.rect(route.parentKey());
            Rect ch = l.rect(route.childKey());
            if (topDown(l)) assertThat(ch.y()).isGreaterThanOrEqualTo(p.maxY() + c.options().levelGapPx() - EPS);
            else assertThat(ch.x()).isGreaterThanOrEqualTo(p.maxX() + c.options().levelGapPx() - EPS);
            List<Point> pts = route.points();
            for (int i = 1; i < pts.size(); i++) {
                assertThat(pts.get(i).x() == pts.get(i - 1).x() || pts.get(i).y() == pts.get(i - 1).y()).isTrue();
            }
        }
    }

    @Property(tries = 200)
    void subtree_bounds_hold_every_visible_descendant(@ForAll("trees") Case c) {
        Layout l = TreeLayout.layout(c.tree(), c.options());
        assertThat(l.bounds().minX()).isZero();
        assertThat(l.bounds().minY()).isZero();
        for (int k = 0; k < l.visibleCount(); k++) {
            int v = l.visibleNode(k);
            Rect r = l.rect(v);
            for (int a = c.tree().parent(v); a >= 0; a = c.tree().parent(a)) {
                Bounds b = l.subtreeBounds(a);
                assertThat(r.x() >= b.minX() - EPS && r.maxX() <= b.maxX() + EPS && r.y() >= b.minY() - EPS
                        && r.maxY() <= b.maxY() + EPS).as("%s inside %s", r, b).isTrue();
            }
        }
    }

    @Property(tries = 100)
    void same_input_same_output(@ForAll("trees") Case c) {
        Layout a = TreeLayout.layout(c.tree(), c.options());
        Layout b = TreeLayout.layout(c.tree(), c.options());
        assertThat(TreeLayoutGoldenTest.describe(b)).isEqualTo(TreeLayoutGoldenTest.describe(a));
        assertThat(b.edgeRoutes()).isEqualTo(a.edgeRoutes());
        assertThat(b.bounds()).isEqualTo(a.bounds());
    }
}
