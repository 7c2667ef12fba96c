package dev.canopy.diagrams.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FrameDamageTest {
    private static DisplayList list(double w, double h, List<Shape> bodies) {
        List<Layer> layers = new ArrayList<>();
        for (LayerName n : LayerName.values()) layers.add(new Layer(n, n == LayerName.BODIES ? bodies : List.of()));
        return new DisplayList(w, h, layers);
    }

    private static Rect box(double x, double y, StyleToken t) {
        return new Rect(x, y, 20, 10, t, "k" + x + "," + y);
    }

    @Test
    void only_the_tiles_of_a_restyled_box_are_damaged() {
        List<Shape> before = new ArrayList<>();
        for (int i = 0; i < 10; i++) before.add(box(i * 100 + 40, 40, StyleToken.STATE_RUNNING));
        List<Shape> after = new ArrayList<>(before);
        after.set(3, box(340, 40, StyleToken.STATE_RESTARTING));
        FrameDamage d = FrameDamage.between(list(1000, 200, before), list(1000, 200, after), 32);
        // x 337..363, y 37..53 (with the margin): tile columns 10..11, tile row 1
        assertThat(d.damagedTiles()).isEqualTo(2);
        assertThat(d.areas()).containsExactly(new FrameDamage.Area(320, 32, 64, 32));
        assertThat(d.fraction()).isLessThan(0.02);
    }

    @Test
    void a_box_more_or_less_damages_only_its_own_tiles_not_every_later_one() {
        List<Shape> before = new ArrayList<>();
        for (int i = 0; i < 10; i++) before.add(box(i * 100 + 40, 40, StyleToken.STATE_RUNNING));
        List<Shape> after = new ArrayList<>(before);
        after.remove(2);
        FrameDamage d = FrameDamage.between(list(1000, 200, before), list(1000, 200, after), 32);
        assertThat(d.damagedTiles()).isEqualTo(2);
        assertThat(d.areas()).containsExactly(new FrameDamage.Area(224, 32, 64, 32));
    }

    @Test
    void identical_frames_damage_nothing_and_another_size_damages_everything() {
        List<Shape> shapes = List.of(box(10, 10, StyleToken.STATE_RUNNING));
        assertThat(FrameDamage.between(list(300, 100, shapes), list(300, 100, shapes), 32).isEmpty()).isTrue();
        FrameDamage resized = FrameDamage.between(list(300, 100, shapes), list(310, 100, shapes), 32);
        assertThat(resized.fraction()).isEqualTo(1.0);
        // areas stay within the canvas: the last column and row are cut to its edge
        assertThat(resized.areas().getLast()).isEqualTo(new FrameDamage.Area(0, 96, 310, 4));
    }

    @Test
    void areas_off_the_canvas_are_ignored_and_text_is_covered_up_to_its_widest_glyphs() {
        FrameDamage d = new FrameDamage(100, 100, 10);
        d.add(-50, -50, -1, -1);
        d.add(200, 0, 300, 10);
        assertThat(d.isEmpty()).isTrue();
        double[] b = new double[4];
        ShapeBounds.of(new Text(10, 50, "WWWW", 10, TextAnchor.START, StyleToken.LABEL), b);
        assertThat(b[2] - b[0]).isGreaterThanOrEqualTo(4 * 10 * 0.8);
        assertThat(b[1]).isLessThanOrEqualTo(50 - 10);
    }

    @Test
    void the_index_finds_every_shape_touching_an_area_in_paint_order() {
        List<Shape> bodies = new ArrayList<>();
        for (int i = 0; i < 50; i++) bodies.add(box((i % 10) * 30, (i / 10) * 30, StyleToken.STATE_RUNNING));
        DisplayList l = list(300, 150, bodies);
        ShapeIndex index = ShapeIndex.of(l, 32);
        FrameDamage.Area area = new FrameDamage.Area(64, 32, 64, 32);
        List<Shape> expected = new ArrayList<>();
        double[] b = new double[4];
        for (Shape s : bodies) {
            ShapeBounds.of(s, b);
            if (area.touches(b[0], b[1], b[2], b[3])) expected.add(s);
        }
        assertThat(expected).isNotEmpty();
        assertThat(index.in(area)).containsExactlyElementsOf(expected);
        // an area across two bands: each shape once, still in paint order
        FrameDamage.Area tall = new FrameDamage.Area(0, 0, 64, 64);
        List<Shape> both = new ArrayList<>();
        for (Shape s : bodies) {
            ShapeBounds.of(s, b);
            if (tall.touches(b[0], b[1], b[2], b[3])) both.add(s);
        }
        assertThat(index.in(tall)).containsExactlyElementsOf(both);
    }
}
