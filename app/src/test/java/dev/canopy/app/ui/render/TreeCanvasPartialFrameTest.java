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

    /** Shows the tree with every process running, fitted (call on the FX thread). */
    private void showTreeRunning() {
        LayoutTree t = tree();
        List<NodeVisual> all = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) all.add(visual(t.key(i), StyleToken.STATE_RUNNING, 0, "<0." + i + ".0>"));
        canvas.setTree(t, all);
        canvas.fit();
    }

    /** What the canvas shows now, as ARGB pixels (call on the FX thread). */
    private int[] pixels() {
        WritableImage img = canvas.snapshot(null, null);
        PixelReader r = img.getPixelReader();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out[y * w + x] = r.getArgb(x, y);
        return out;
    }

    /**
     * Makes the change, draws the pending frame (partial when it can be), then the same moment
     * whole, and compares. All of it runs in one FX task: the frame pump redraws on every pulse
     * while a flash runs, and a pulse between the change and our frame would draw it first.
     */
    private void assertPartialFrameMatchesWholeRedraw(String when, Runnable change) {
        long[] partialCounts = new long[2];
        int[][] shots = new int[2][];
        onFx(() -> {
            change.run();
            partialCounts[0] = canvas.partialFrames();
            canvas.renderIfDirty();
            partialCounts[1] = canvas.partialFrames();
            shots[0] = pixels();
            canvas.markDirty();
            canvas.renderIfDirty();
            shots[1] = pixels();
        });
        assertThat(partialCounts[1]).as("%s: drawn as a partial frame", when).isEqualTo(partialCounts[0] + 1);
        int[] partial = shots[0];
        int[] whole = shots[1];
        int differing = 0;
        for (int i = 0; i < whole.length; i++) if (partial[i] != whole[i]) differing++;
        assertThat(differing).as("%s: pixels that differ from a whole redraw", when).isZero();
    }

    @Test
    void partial_frames_leave_the_same_pixels_as_whole_redraws() {
        onFx(() -> {
            showTreeRunning();
            canvas.renderIfDirty();
        });
        long whole0 = canvas.fullFrames();
        assertThat(whole0).isPositive();

        // a few sessions restart (state, restart count, new pid), the supervisor counts, two flash
        assertPartialFrameMatchesWholeRedraw("restyle and flashes", () -> {
            canvas.restyle(List.of(visual("root/pool/w_7", StyleToken.STATE_RESTARTING, 1, "restarting"),
                    visual("root/pool/w_64", StyleToken.STATE_EXITED, 2, "exited :killed"),
                    visual("root/pool/w_120", StyleToken.STATE_RUNNING, 1, "<0.999.0>"),
                    visual("root/pool", StyleToken.STATE_RUNNING, 3, "<0.2.0>")));
            canvas.flash("root/pool/w_7", ":killed", StyleToken.STATE_RESTARTING);
            canvas.flash("root/a", ":shutdown", StyleToken.STATE_RESTARTING);
        });

        // the selection moves and the rings fade a step
        assertPartialFrameMatchesWholeRedraw("selection and fading rings", () -> {
            now[0] += (long) (TreeCanvas.FLASH_MS * 1e6 / 2);
            canvas.selectedKeyProperty().set("root/pool/w_33");
        });

        // the flashes end: their rings and labels are painted over
        assertPartialFrameMatchesWholeRedraw("ended flashes", () -> {
            now[0] += (long) (TreeCanvas.FLASH_MS * 1e6);
            canvas.restyle(List.of(visual("root/pool/w_7", StyleToken.STATE_RUNNING, 1, "<0.1000.0>")));
        });
    }

    @Test
    void a_flash_with_its_reason_is_painted_and_painted_over_at_full_detail() {
        onFx(() -> {
            showTreeRunning();
            canvas.zoomTo(1);
            canvas.centreOn("root/pool/w_5");
            canvas.renderIfDirty();
        });
        assertPartialFrameMatchesWholeRedraw("a flash with a long reason", () -> {
            canvas.restyle(List.of(visual("root/pool/w_5", StyleToken.STATE_RESTARTING, 1, "restarting")));
            canvas.flash("root/pool/w_5", "{:shutdown, {:bad_thing, WWWW_MMMM}}", StyleToken.STATE_RESTARTING);
        });
        assertPartialFrameMatchesWholeRedraw("the reason gone", () -> {
            now[0] += (long) (TreeCanvas.FLASH_MS * 1e6) + 1;
            canvas.restyle(List.of(visual("root/pool/w_5", StyleToken.STATE_RUNNING, 1, "<0.500.0>")));
        });
    }

    @Test
    void bandsTouchedCountsEachBandAnAreaReachesOnce() {
        // a canvas 800 high in 8 bands of 100: one area inside band 0, one straddling bands 3 and 4, one again in band 4
        var areas = List.of(new dev.canopy.diagrams.render.FrameDamage.Area(0, 10, 32, 32),
                new dev.canopy.diagrams.render.FrameDamage.Area(64, 380, 32, 40),
                new dev.canopy.diagrams.render.FrameDamage.Area(96, 432, 32, 32));
        assertThat(FrameCounters.bandsTouched(areas, 800)).isEqualTo(3);
        assertThat(FrameCounters.bandsTouched(List.of(new dev.canopy.diagrams.render.FrameDamage.Area(0, 0, 800, 800)), 800)).isEqualTo(8);
        assertThat(FrameCounters.bandsTouched(List.of(), 800)).isZero();
    }
}
