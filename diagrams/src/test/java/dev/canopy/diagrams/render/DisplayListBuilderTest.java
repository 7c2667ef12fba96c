package dev.canopy.diagrams.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.canopy.diagrams.layout.Layout;
import dev.canopy.diagrams.layout.LayoutOptions;
import dev.canopy.diagrams.layout.LayoutTree;
import dev.canopy.diagrams.layout.Orientation;
import dev.canopy.diagrams.layout.TreeLayout;

/** Level of detail, culling, blocks and determinism of the display list. */
class DisplayListBuilderTest {
    private final SampleTree sample = SampleTree.build();
    private final Layout layout = TreeLayout.layout(sample.tree(), LayoutOptions.defaults());

    private static <T extends Shape> List<T> all(DisplayList list, Class<T> type) {
        return list.shapes().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void full_detail_at_zoom_1_has_rounded_boxes_text_and_badges() {
        DisplayList list = DisplayListBuilder.build(layout, sample.visuals(), Viewport.whole(layout.bounds(), 10));
        assertThat(all(list, RoundRect.class).stream().filter(r -> r.token().group() == StyleToken.Group.NODE_KIND))
                .hasSize(layout.visibleCount());
        assertThat(all(list, Text.class)).extracting(Text::text).contains("app_sup", "one_for_one", "<0.97.0>");
        assertThat(all(list, Badge.class)).extracting(Badge::text).contains("3", "12", "+40");
        assertThat(all(list, Gauge.class)).isNotEmpty();
        assertThat(list.layer(LayerName.OVERLAY).shapes()).singleElement()
                .extracting(Shape::token).isEqualTo(StyleToken.SELECTION);
    }

    /** Issue 12: a mailbox badge with a long count ran past its node's edge and its text past the pill. */
    @Test
    void corner_badges_fit_their_bold_text_and_stay_on_their_node() {
        for (int depth : new int[] {1, 42, 1234, 99_999, 123_456}) {
            NodeVisuals nv = new NodeVisuals(sample.tree());
            for (int i = 0; i < sample.tree().size(); i++) {
                NodeVisual v = sample.visuals().get(i);
                nv.put(v.withBadges(depth, depth, v.intensity()));
            }
            DisplayList list = DisplayListBuilder.build(layout, nv, Viewport.whole(layout.bounds(), 10));
            List<Badge> badges = all(list, Badge.class).stream()
                    .filter(b -> b.token() == StyleToken.MAILBOX || b.token() == StyleToken.RESTARTS).toList();
            assertThat(badges).isNotEmpty();
            List<RoundRect> boxes = all(list, RoundRect.class).stream()
                    .filter(r -> r.token().group() == StyleToken.Group.NODE_KIND).toList();
            for (Badge b : badges) {
                assertThat(b.w()).as("badge %s", b.text())
                        .isGreaterThanOrEqualTo(b.text().length() * RenderOptions.AVERAGE_BOLD_CHAR_EM * b.textSizePx() + 8);
                RoundRect box = boxes.stream()
                        .filter(r -> Math.abs(b.centreY() - r.y()) < 1e-6 || Math.abs(b.centreY() - (r.y() + r.h())) < 1e-6)
                        .filter(r -> b.centreX() >= r.x() && b.centreX() <= r.x() + r.w())
                        .findFirst().orElseThrow();
                assertThat(b.centreX() + b.w() / 2).as("right edge of badge %s", b.text())
                        .isLessThanOrEqualTo(box.x() + box.w() + NodeShapes.CORNER_OVERHANG_PX + 1e-9);
            }
        }
    }

    @Test
    void long_labels_are_shortened_with_an_ellipsis() {
        DisplayList list = DisplayListBuilder.build(layout, sample.visuals(), Viewport.whole(layout.bounds(), 10));
        assertThat(all(list, Text.class)).extracting(Text::text).anyMatch(t -> t.startsWith("metrics_") && t.endsWith("…"));
    }

    @Test
    void below_the_detail_threshold_there_is_no_text_and_boxes_are_plain() {
        Viewport vp = new Viewport(0, 0, 2000, 2000, 0.5);
        DisplayList list = DisplayListBuilder.build(layout, sample.visuals(), vp);
        assertThat(all(list, Text.class)).isEmpty();
        assertThat(all(list, RoundRect.class)).isEmpty();
        assertThat(list.layer(LayerName.BODIES).shapes()).hasSize(layout.visibleCount());
    }

    @Test
    void subtrees_narrower_than_a_few_pixels_become_blocks() {
        SyntheticDiagram d = SyntheticDiagram.generate(10_000, 1);
        Layout big = TreeLayout.layout(d.tree(), LayoutOptions.defaults());
        DisplayList list = DisplayListBuilder.build(big, d.visuals(), Viewport.fit(big.bounds(), 1600, 1000, 0));
        assertThat(list.layer(LayerName.BLOCKS).shapes()).isNotEmpty();
        // Roughly bounded by the screen's width in pixels, not by the node count.
        assertThat(list.shapeCount()).isLessThan(4 * 1600);
        for (Shape s : list.layer(LayerName.BLOCKS).shapes()) assertThat(((Rect) s).w()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void nothing_off_screen_is_drawn() {
        Viewport away = new Viewport(-10_000, -10_000, 800, 600, 1);
        assertThat(DisplayListBuilder.build(layout, sample.visuals(), away).shapeCount()).isZero();

        int root = layout.tree().root();
        Viewport onRoot = new Viewport(layout.x(root), layout.y(root), layout.width(root), layout.height(root), 1);
        DisplayList list = DisplayListBuilder.build(layout, sample.visuals(), onRoot);
        assertThat(list.layer(LayerName.BODIES).shapes()).singleElement()
                .isInstanceOfSatisfying(RoundRect.class, r -> assertThat(r.nodeKey()).isEqualTo("app_sup"));
    }

    @Test
    void a_status_change_restyles_without_moving_anything() {
        Viewport vp = Viewport.whole(layout.bounds(), 10);
        DisplayList before = DisplayListBuilder.build(layout, sample.visuals(), vp);
        NodeVisuals changed = SampleTree.build().visuals();
        changed.put(changed.get("conn_1").withState(StyleToken.STATE_GAVE_UP).withSublabel("<0.200.0>"));
        DisplayList after = DisplayListBuilder.build(layout, changed, vp);
        List<Rect> stripesBefore = all(before, Rect.class);
        List<Rect> stripesAfter = all(after, Rect.class);
        assertThat(stripesAfter).hasSameSizeAs(stripesBefore);
        for (int i = 0; i < stripesBefore.size(); i++) {
            Rect a = stripesBefore.get(i);
            Rect b = stripesAfter.get(i);
            assertThat(List.of(b.x(), b.y(), b.w(), b.h())).isEqualTo(List.of(a.x(), a.y(), a.w(), a.h()));
        }
        assertThat(stripesAfter).extracting(Rect::token).contains(StyleToken.STATE_GAVE_UP);
        assertThat(all(before, RoundRect.class)).isEqualTo(all(after, RoundRect.class));
    }

    @Test
    void same_input_same_output() {
        Viewport vp = new Viewport(50, 20, 900, 500, 0.8);
        assertThat(DisplayListBuilder.build(layout, sample.visuals(), vp))
                .isEqualTo(DisplayListBuilder.build(layout, sample.visuals(), vp));
    }

    @Test
    void a_chain_100k_deep_draws_without_recursion() {
        int n = 100_000;
        String[] keys = new String[n];
        int[] parents = new int[n];
        double[] w = new double[n];
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = "n" + i;
            parents[i] = i - 1;
            w[i] = 100;
            h[i] = 40;
        }
        LayoutTree chain = LayoutTree.of(keys, parents, w, h, new boolean[n]);
        for (Orientation o : Orientation.values()) {
            Layout l = TreeLayout.layout(chain, LayoutOptions.defaults().withOrientation(o));
            NodeVisuals v = new NodeVisuals(chain);
            assertThat(DisplayListBuilder.build(l, v, Viewport.fit(l.bounds(), 1600, 1000, 0)).shapeCount()).isPositive();
            // Zoomed into the middle: only the nodes on screen.
            int mid = n / 2;
            DisplayList list = DisplayListBuilder.build(l, v, new Viewport(l.x(mid), l.y(mid), 800, 600, 1));
            assertThat(list.layer(LayerName.BODIES).shapes().size()).isBetween(1, 20);
        }
    }
}
