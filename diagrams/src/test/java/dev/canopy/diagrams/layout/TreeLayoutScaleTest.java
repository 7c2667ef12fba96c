package dev.canopy.diagrams.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** 100k-node trees of extreme shapes lay out without recursion and quickly. */
class TreeLayoutScaleTest {
    private static final int N = 100_000;
    /** Generous: the benchmark holds the real target; this only catches a blow-up. */
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private static LayoutTree tree(int[] parents) {
        String[] keys = new String[N];
        double[] w = new double[N];
        double[] h = new double[N];
        for (int i = 0; i < N; i++) {
            keys[i] = "n" + i;
            w[i] = 80 + i % 7 * 10;
            h[i] = 40 + i % 3 * 4;
        }
        return LayoutTree.of(keys, parents, w, h, new boolean[N]);
    }

    @Test
    void a_chain_100k_deep() {
        int[] parents = new int[N];
        for (int i = 0; i < N; i++) parents[i] = i - 1;
        LayoutTree t = tree(parents);
        for (Orientation o : Orientation.values()) {
            Layout l = assertTimeoutPreemptively(LIMIT, () -> TreeLayout.layout(t, LayoutOptions.defaults().withOrientation(o)));
            for (int i = 1; i < N; i++) {
                if (o == Orientation.TOP_DOWN) assertThat(l.rect(i).centreX()).isEqualTo(l.rect(0).centreX());
                else assertThat(l.rect(i).centreY()).isEqualTo(l.rect(0).centreY());
            }
        }
    }

    @Test
    void a_star_100k_wide_wraps_into_a_grid_about_twice_as_wide_as_tall() {
        int[] parents = new int[N];
        parents[0] = -1;
        for (Orientation o : Orientation.values()) {
            Layout l = assertTimeoutPreemptively(LIMIT, () -> TreeLayout.layout(tree(parents), LayoutOptions.defaults().withOrientation(o)));
            double breadth = o == Orientation.TOP_DOWN ? l.bounds().width() : l.bounds().height();
            double depth = o == Orientation.TOP_DOWN ? l.bounds().height() : l.bounds().width();
            assertThat(breadth / depth).as("breadth : depth").isBetween(1.0, 4.0);
            assertThat(l.wrapColumns(0)).isGreaterThan(100);
            double centre = o == Orientation.TOP_DOWN ? l.rect(0).centreX() : l.rect(0).centreY();
            double mid = o == Orientation.TOP_DOWN ? (l.rect(1).centreX() + l.rect(l.wrapColumns(0)).centreX()) / 2
                    : (l.rect(1).centreY() + l.rect(l.wrapColumns(0)).centreY()) / 2;
            assertThat(centre).isCloseTo(mid, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void a_random_tree_and_a_caterpillar() {
        int[] random = new int[N];
        int[] caterpillar = new int[N];
        random[0] = -1;
        caterpillar[0] = -1;
        long seed = 7;
        for (int i = 1; i < N; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            random[i] = (int) Long.remainderUnsigned(seed >>> 16, i);
            caterpillar[i] = i % 2 == 1 ? i - 1 - (i > 1 ? 1 : 0) : i - 1; // a spine with one leaf per link
        }
        assertThatCode(() -> assertTimeoutPreemptively(LIMIT, () -> {
            TreeLayout.layout(tree(random), LayoutOptions.defaults());
            TreeLayout.layout(tree(caterpillar), LayoutOptions.defaults().withOrientation(Orientation.LEFT_RIGHT));
        })).doesNotThrowAnyException();
    }

    @Test
    void collapsing_the_root_of_100k_hides_them_all() {
        int[] parents = new int[N];
        for (int i = 0; i < N; i++) parents[i] = i - 1;
        Layout l = TreeLayout.layout(tree(parents).withCollapsed("n0", true), LayoutOptions.defaults());
        assertThat(l.visibleCount()).isEqualTo(1);
        assertThat(l.hiddenDescendants(0)).isEqualTo(N - 1);
    }
}
