package dev.canopy.app.ui.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.canopy.diagrams.layout.LayoutTree;
import dev.canopy.diagrams.render.NodeVisual;
import dev.canopy.diagrams.render.SyntheticDiagram;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A DynamicSupervisor with 10,000 sessions on the canvas: fit, collapse, find. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BigTreeCanvasTest {
    private TreeCanvas canvas;
    private final SyntheticDiagram flat = SyntheticDiagram.flat(10_000, 5);

    @Start
    void start(Stage stage) {
        canvas = new TreeCanvas();
        stage.setScene(new Scene(new StackPane(canvas), 1000, 700));
        stage.show();
    }

    private void onFx(Runnable r) {
        WaitForAsyncUtils.asyncFx(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void show() {
        LayoutTree t = flat.tree();
        List<NodeVisual> vs = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) vs.add(flat.visuals().get(i));
        onFx(() -> {
            canvas.setTree(t, vs);
            canvas.fit();
            canvas.renderIfDirty();
        });
    }

    @Test
    void fit_shows_all_ten_thousand_sessions_at_a_zoom_the_old_25_percent_floor_would_have_cut_off() {
        show();
        var b = canvas.treeLayout().orElseThrow().bounds();
        var vp = canvas.viewport();
        assertThat(canvas.scale()).isLessThan(0.25).isGreaterThan(0.05);
        assertThat(vp.x()).isLessThanOrEqualTo(b.minX());
        assertThat(vp.maxX()).isGreaterThanOrEqualTo(b.maxX());
        assertThat(vp.y()).isLessThanOrEqualTo(b.minY());
        assertThat(vp.maxY()).isGreaterThanOrEqualTo(b.maxY());
        // a fitted frame is strips per row, not ten thousand boxes
        // strips per row, split where a session is not running (6 % here): not 10,000 boxes and stubs
        assertThat(canvas.displayList().orElseThrow().shapeCount()).isLessThan(3_000);
    }

    @Test
    void collapsing_the_supervisor_hides_its_sessions_and_keeps_it_in_place_and_c_toggles_it_back(FxRobot robot) {
        show();
        String sup = flat.tree().key(flat.tree().root());
        double[] before = new double[2];
        onFx(() -> {
            var r = canvas.screenRect(sup).orElseThrow();
            before[0] = r.getMinX();
            before[1] = r.getMinY();
            canvas.toggleCollapsed(sup);
        });
        var l = canvas.treeLayout().orElseThrow();
        assertThat(l.visibleCount()).isEqualTo(1);
        assertThat(l.hiddenDescendants(l.indexOf(sup))).isEqualTo(10_000);
        var after = canvas.screenRect(sup).orElseThrow();
        assertThat(after.getMinX()).isCloseTo(before[0], within(0.5));
        assertThat(after.getMinY()).isCloseTo(before[1], within(0.5));

        onFx(() -> {
            canvas.selectedKeyProperty().set(sup);
            canvas.requestFocus();
        });
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.treeLayout().orElseThrow().visibleCount()).isEqualTo(10_001);
    }

    @Test
    void reveal_expands_a_collapsed_ancestor_selects_centres_and_zooms_in_to_read_it() {
        show();
        String sup = flat.tree().key(flat.tree().root());
        onFx(() -> canvas.toggleCollapsed(sup));
        onFx(() -> canvas.reveal("session_4242"));
        var l = canvas.treeLayout().orElseThrow();
        assertThat(l.isVisible(l.indexOf("session_4242"))).isTrue();
        assertThat(canvas.selectedKeyProperty().get()).isEqualTo("session_4242");
        assertThat(canvas.scale()).isEqualTo(1.0);
        var r = canvas.screenRect("session_4242").orElseThrow();
        assertThat(r.getMinX() + r.getWidth() / 2).isCloseTo(canvas.getWidth() / 2, within(1.0));
        assertThat(r.getMinY() + r.getHeight() / 2).isCloseTo(canvas.getHeight() / 2, within(1.0));
    }
}
