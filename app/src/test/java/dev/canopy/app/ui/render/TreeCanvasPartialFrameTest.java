package dev.canopy.app.ui.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.canopy.diagrams.layout.LayoutTree;
import dev.canopy.diagrams.layout.LayoutTreeBuilder;
import dev.canopy.diagrams.render.NodeVisual;
import dev.canopy.diagrams.render.StyleToken;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A frame that repaints only what changed (restyled nodes, flashes that start, fade and end)
 * leaves the canvas exactly as a whole redraw of the same moment does, pixel for pixel.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TreeCanvasPartialFrameTest {
    private final long[] now = {1_000_000_000L};
    private TreeCanvas canvas;

    @Start
    void start(Stage stage) {
        canvas = new TreeCanvas(() -> now[0]);
        stage.setScene(new Scene(new StackPane(canvas), 900, 600));
        stage.show();
    }

    private void onFx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A supervisor with a pool of 120 sessions (wrapped into a grid) and two workers. */
    private static LayoutTree tree() {
        LayoutTreeBuilder b = LayoutTree.builder().add("root", null, 120, 48).add("root/pool", "root", 120, 48)
                .add("root/a", "root", 100, 48).add("root/b", "root", 100, 48);
        for (int i = 1; i <= 120; i++) b.add("root/pool/w_" + i, "root/pool", 100, 48);
        return b.build();
    }

    private static NodeVisual visual(String key, StyleToken state, int restarts, String pid) {
        StyleToken kind = key.equals("root") || key.equals("root/pool") ? StyleToken.NODE_SUPERVISOR : StyleToken.NODE_WORKER;
        return new NodeVisual(key, key.substring(key.lastIndexOf('/') + 1), pid, kind, state, restarts, 0,
                java.util.OptionalDouble.empty(), false);
    }

    /** What the canvas shows now, as ARGB pixels. */
    private int[] pixels() {
        int[][] out = new int[1][];
        onFx(() -> {
            WritableImage img = canvas.snapshot(null, null);
            PixelReader r = img.getPixelReader();
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            out[0] = new int[w * h];
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out[0][y * w + x] = r.getArgb(x, y);
        });
        return out[0];
    }

    /** Draws the pending frame (partial when it can be), then the same moment whole, and compares. */
    private void assertPartialFrameMatchesWholeRedraw(String when) {
        long partial0 = canvas.partialFrames();
        onFx(() -> canvas.renderIfDirty());
        assertThat(canvas.partialFrames()).as("%s: drawn as a partial frame", when).isEqualTo(partial0 + 1);
        int[] partial = pixels();
        onFx(() -> {
            canvas.markDirty();
            canvas.renderIfDirty();
        });
        int[] whole = pixels();
        int differing = 0;
        for (int i = 0; i < whole.length; i++) if (partial[i] != whole[i]) differing++;
        assertThat(differing).as("%s: pixels that differ from a whole redraw", when).isZero();
    }

    @Test
    void partial_frames_leave_the_same_pixels_as_whole_redraws() {
        LayoutTree t = tree();
        onFx(() -> {
            List<NodeVisual> all = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) all.add(visual(t.key(i), StyleToken.STATE_RUNNING, 0, "<0." + i + ".0>"));
            canvas.setTree(t, all);
            canvas.fit();
            canvas.renderIfDirty();
        });
        long whole0 = canvas.fullFrames();
        assertThat(whole0).isPositive();

        // a few sessions restart (state, restart count, new pid), the supervisor counts, two flash
        onFx(() -> {
            canvas.restyle(List.of(visual("root/pool/w_7", StyleToken.STATE_RESTARTING, 1, "restarting"),
                    visual("root/pool/w_64", StyleToken.STATE_EXITED, 2, "exited :killed"),
                    visual("root/pool/w_120", StyleToken.STATE_RUNNING, 1, "<0.999.0>"),
                    visual("root/pool", StyleToken.STATE_RUNNING, 3, "<0.2.0>")));
            canvas.flash("root/pool/w_7", ":killed", StyleToken.STATE_RESTARTING);
            canvas.flash("root/a", ":shutdown", StyleToken.STATE_RESTARTING);
        });
        assertPartialFrameMatchesWholeRedraw("restyle and flashes");

        // the selection moves and the rings fade a step
        now[0] += (long) (TreeCanvas.FLASH_MS * 1e6 / 2);
        onFx(() -> canvas.selectedKeyProperty().set("root/pool/w_33"));
        assertPartialFrameMatchesWholeRedraw("selection and fading rings");

        // the flashes end: their rings and labels are painted over
        now[0] += (long) (TreeCanvas.FLASH_MS * 1e6);
        onFx(() -> canvas.restyle(List.of(visual("root/pool/w_7", StyleToken.STATE_RUNNING, 1, "<0.1000.0>"))));
        assertPartialFrameMatchesWholeRedraw("ended flashes");
    }

    @Test
    void a_flash_with_its_reason_is_painted_and_painted_over_at_full_detail() {
        LayoutTree t = tree();
        onFx(() -> {
            List<NodeVisual> all = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) all.add(visual(t.key(i), StyleToken.STATE_RUNNING, 0, "<0." + i + ".0>"));
            canvas.setTree(t, all);
            canvas.fit();
            canvas.zoomTo(1);
            canvas.centreOn("root/pool/w_5");
            canvas.renderIfDirty();
        });
        onFx(() -> {
            canvas.restyle(List.of(visual("root/pool/w_5", StyleToken.STATE_RESTARTING, 1, "restarting")));
            canvas.flash("root/pool/w_5", "{:shutdown, {:bad_thing, WWWW_MMMM}}", StyleToken.STATE_RESTARTING);
        });
        assertPartialFrameMatchesWholeRedraw("a flash with a long reason");
        now[0] += (long) (TreeCanvas.FLASH_MS * 1e6) + 1;
        onFx(() -> canvas.restyle(List.of(visual("root/pool/w_5", StyleToken.STATE_RUNNING, 1, "<0.500.0>"))));
        assertPartialFrameMatchesWholeRedraw("the reason gone");
    }

    @Test
    void bandsTouchedCountsEachBandAnAreaReachesOnce() {
        // a canvas 800 high in 8 bands of 100: one area inside band 0, one straddling bands 3 and 4, one again in band 4
        var areas = List.of(new dev.canopy.diagrams.render.FrameDamage.Area(0, 10, 32, 32),
                new dev.canopy.diagrams.render.FrameDamage.Area(64, 380, 32, 40),
                new dev.canopy.diagrams.render.FrameDamage.Area(96, 432, 32, 32));
        assertThat(TreeCanvas.bandsTouched(areas, 800)).isEqualTo(3);
        assertThat(TreeCanvas.bandsTouched(List.of(new dev.canopy.diagrams.render.FrameDamage.Area(0, 0, 800, 800)), 800)).isEqualTo(8);
        assertThat(TreeCanvas.bandsTouched(List.of(), 800)).isZero();
    }
}
