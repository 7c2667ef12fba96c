package dev.canopy.app.ui.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.canopy.diagrams.layout.Bounds;
import dev.canopy.diagrams.layout.LayoutTree;
import dev.canopy.diagrams.layout.LayoutOptions;
import dev.canopy.diagrams.layout.TreeLayout;
import dev.canopy.diagrams.render.NodeVisual;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.render.SyntheticDiagram;
import dev.canopy.diagrams.render.Theme;
import dev.canopy.diagrams.render.Viewport;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The simulator's canvas under Monocle: fit, hit tests, zoom around the cursor, selection. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TreeCanvasTest {
    private TreeCanvas canvas;

    @Start
    void start(Stage stage) {
        canvas = new TreeCanvas();
        canvas.setId("tree");
        stage.setScene(new Scene(new StackPane(canvas), 800, 600));
        stage.show();
    }

    private static LayoutTree small() {
        return LayoutTree.builder()
                .add("root", null, 120, 48)
                .add("root/a", "root", 100, 48)
                .add("root/b", "root", 100, 48)
                .add("root/b/c", "root/b", 100, 48)
                .build();
    }

    private static List<NodeVisual> visuals(LayoutTree t) {
        List<NodeVisual> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(NodeVisual.of(t.key(i), t.key(i), "<0.1.0>", StyleToken.NODE_WORKER, StyleToken.STATE_RUNNING));
        }
        return out;
    }

    private void onFx(Runnable r) {
        WaitForAsyncUtils.asyncFx(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Issue 12: after an edit or a paste the tree drifted right (the root re-centred over more children). */
    @Test
    void an_edit_that_widens_the_tree_keeps_the_root_and_the_selection_where_they_were_on_screen() {
        LayoutTree t = small();
        onFx(() -> {
            canvas.setTree(t, visuals(t));
            canvas.fit();
        });
        Rectangle2D rootBefore = canvas.screenRect("root").orElseThrow();
        LayoutTree wider = LayoutTree.builder()
                .add("root", null, 120, 48)
                .add("root/a", "root", 100, 48)
                .add("root/b", "root", 100, 48)
                .add("root/b/c", "root/b", 100, 48)
                .add("root/d", "root", 100, 48)
                .add("root/e", "root", 100, 48)
                .add("root/f", "root", 100, 48)
                .build();
        assertThat(TreeLayout.layout(wider, LayoutOptions.defaults()).rect("root").x())
                .as("the layout itself moves the root").isNotEqualTo(TreeLayout.layout(t, LayoutOptions.defaults()).rect("root").x());
        onFx(() -> canvas.setTree(wider, visuals(wider)));
        Rectangle2D rootAfter = canvas.screenRect("root").orElseThrow();
        assertThat(rootAfter.getMinX()).isCloseTo(rootBefore.getMinX(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(rootAfter.getMinY()).isCloseTo(rootBefore.getMinY(), org.assertj.core.data.Offset.offset(0.01));

        // with a node selected, that node is the one that stays put
        onFx(() -> canvas.selectedKeyProperty().set("root/b/c"));
        Rectangle2D cBefore = canvas.screenRect("root/b/c").orElseThrow();
        LayoutTree pasted = LayoutTree.builder()
                .add("root", null, 120, 48)
                .add("root/a", "root", 100, 48)
                .add("root/a/x", "root/a", 100, 48)
                .add("root/a/y", "root/a", 100, 48)
                .add("root/a/z", "root/a", 100, 48)
                .add("root/b", "root", 100, 48)
                .add("root/b/c", "root/b", 100, 48)
                .add("root/d", "root", 100, 48)
                .add("root/e", "root", 100, 48)
                .add("root/f", "root", 100, 48)
                .build();
        onFx(() -> canvas.setTree(pasted, visuals(pasted)));
        Rectangle2D cAfter = canvas.screenRect("root/b/c").orElseThrow();
        assertThat(cAfter.getMinX()).isCloseTo(cBefore.getMinX(), org.assertj.core.data.Offset.offset(0.01));
    }

    /** Issue 12: a label shortened with an ellipsis had no way to be read whole. */
    @Test
    void a_shortened_label_shows_whole_in_a_tooltip_on_hover(FxRobot robot) {
        LayoutTree t = small();
        String longLabel = "metrics_collector_for_the_whole_cluster_and_more";
        List<NodeVisual> vs = new ArrayList<>(visuals(t));
        vs.set(t.indexOf("root/a"), NodeVisual.of("root/a", longLabel, "<0.2.0>", StyleToken.NODE_WORKER, StyleToken.STATE_RUNNING));
        onFx(() -> {
            canvas.setTree(t, vs);
            canvas.fit();
        });
        assertThat(canvas.hoverText("root/a")).contains(longLabel + "\n<0.2.0>");
        assertThat(canvas.hoverText("root/b")).isEmpty(); // drawn whole: no tooltip needed

        Rectangle2D a = canvas.screenRect("root/a").orElseThrow();
        var p = canvas.localToScreen(a.getMinX() + a.getWidth() / 2, a.getMinY() + a.getHeight() / 2);
        robot.moveTo(p.getX(), p.getY());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.shownTooltip()).contains(longLabel + "\n<0.2.0>");
        Rectangle2D b = canvas.screenRect("root/b").orElseThrow();
        var q = canvas.localToScreen(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
        robot.moveTo(q.getX(), q.getY());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.shownTooltip()).isEmpty();
    }

    @Test
    void fits_the_tree_and_hit_tests_nodes(FxRobot robot) {
        LayoutTree t = small();
        onFx(() -> {
            canvas.setTree(t, visuals(t));
            canvas.fit();
        });
        Viewport vp = canvas.viewport();
        Bounds b = canvas.treeLayout().orElseThrow().bounds();
        assertThat((b.minX() - vp.x()) * vp.scale()).isGreaterThanOrEqualTo(0);
        assertThat((b.maxX() - vp.x()) * vp.scale()).isLessThanOrEqualTo(800);
        assertThat((b.maxY() - vp.y()) * vp.scale()).isLessThanOrEqualTo(600);
        assertThat(vp.scale()).isEqualTo(1.0); // a small tree is not enlarged

        Rectangle2D c = canvas.screenRect("root/b/c").orElseThrow();
        assertThat(canvas.hitTest(c.getMinX() + c.getWidth() / 2, c.getMinY() + c.getHeight() / 2)).contains("root/b/c");
        assertThat(canvas.hitTest(2, 2)).isEmpty();

        // a click selects the node and draws it with the selection outline
        var p = canvas.localToScreen(c.getMinX() + 10, c.getMinY() + 10);
        robot.clickOn(p.getX(), p.getY());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.selectedKeyProperty().get()).isEqualTo("root/b/c");
        assertThat(canvas.visual("root/b/c").orElseThrow().selected()).isTrue();
    }

    @Test
    void zoom_keeps_the_point_under_the_cursor_and_fit_shrinks_big_trees() {
        SyntheticDiagram d = SyntheticDiagram.generate(2_000, 3);
        List<NodeVisual> vs = new ArrayList<>();
        for (int i = 0; i < d.tree().size(); i++) vs.add(d.visuals().get(i));
        onFx(() -> {
            canvas.setTree(d.tree(), vs);
            canvas.fit();
        });
        assertThat(canvas.scale()).isLessThan(0.2);
        Bounds b = canvas.treeLayout().orElseThrow().bounds();
        Viewport vp = canvas.viewport();
        assertThat((b.maxX() - vp.x()) * vp.scale()).isLessThanOrEqualTo(800.5);

        String root = d.tree().key(d.tree().root());
        onFx(() -> canvas.centreOn(root));
        Rectangle2D r = canvas.screenRect(root).orElseThrow();
        double cx = r.getMinX() + r.getWidth() / 2;
        double cy = r.getMinY() + r.getHeight() / 2;
        assertThat(cx).isCloseTo(400, org.assertj.core.data.Offset.offset(1.0));
        onFx(() -> canvas.zoomAt(8, cx, cy));
        Rectangle2D z = canvas.screenRect(root).orElseThrow();
        assertThat(z.getMinX() + z.getWidth() / 2).isCloseTo(cx, org.assertj.core.data.Offset.offset(0.01));
        assertThat(z.getWidth()).isCloseTo(r.getWidth() * 8, org.assertj.core.data.Offset.offset(0.01));
        assertThat(canvas.hitTest(cx, cy)).contains(root);

        // zoomed in on a big tree: the mini-map shows, and a frame is drawn only when dirty
        onFx(() -> canvas.renderIfDirty());
        assertThat(canvas.lookupAll("Canvas").stream().filter(n -> ((Canvas) n).getWidth() == TreeCanvas.MINIMAP_W)
                .anyMatch(javafx.scene.Node::isVisible)).isTrue();
        boolean[] drew = new boolean[1];
        onFx(() -> drew[0] = canvas.renderIfDirty());
        assertThat(drew[0]).isFalse();
    }

    @Test
    void draws_the_theme_background_and_node_colours() {
        LayoutTree t = small();
        onFx(() -> {
            canvas.setTheme(Theme.dark());
            canvas.setTree(t, visuals(t));
            canvas.fit();
            canvas.renderIfDirty();
        });
        WritableImage[] img = new WritableImage[1];
        onFx(() -> img[0] = canvas.snapshot(null, null));
        var bg = img[0].getPixelReader().getColor(3, 3);
        assertThat(bg).isEqualTo(CanvasRenderer.color(Theme.dark(), StyleToken.BACKGROUND));
        Rectangle2D c = canvas.screenRect("root/a").orElseThrow();
        var inside = img[0].getPixelReader().getColor((int) (c.getMinX() + c.getWidth() - 12), (int) (c.getMinY() + c.getHeight() / 2));
        assertThat(inside).isEqualTo(CanvasRenderer.color(Theme.dark(), StyleToken.NODE_WORKER));
    }
}
