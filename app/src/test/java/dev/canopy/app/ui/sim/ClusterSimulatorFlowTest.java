package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.canopy.app.ui.FxFlows;
import dev.canopy.app.ui.main.MainViewModel;
import dev.canopy.app.ui.render.TreeCanvas;
import dev.canopy.diagrams.sim.ClusterView;
import dev.canopy.diagrams.sim.SimEvent;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lesson 3 in the app, headless: the global_singleton sample runs on three nodes (a lane each,
 * the network strip above), the fault menu isolates the holder's node and heals the network, and
 * the canvas, the strip and the log follow: a copy on each side, then one kept and the others
 * killed and restarted as standbys.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClusterSimulatorFlowTest {
    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = FxFlows.showMainWindow(stage, "canopy-cluster-home", 1400, 900);
    }

    private static void fire(ContextMenu menu, String id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> find(menu.getItems(), id).fire()).get();
    }

    private static MenuItem find(java.util.List<MenuItem> items, String id) {
        for (MenuItem m : items) {
            if (id.equals(m.getId())) return m;
            if (m instanceof Menu sub) {
                try {
                    return find(sub.getItems(), id);
                } catch (IllegalArgumentException notThere) {
                    // look on
                }
            }
        }
        throw new IllegalArgumentException("no menu item " + id);
    }

    private static void shoot(Scene scene, String name) throws Exception {
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = dev.canopy.app.ui.Screenshots.snapshot(scene)).get();
        dev.canopy.app.ui.Screenshots.writePng(image[0], Path.of("target", "screenshots", name));
    }

    private static boolean sublabel(TreeCanvas canvas, String key, String text) {
        return canvas.visual(key).map(v -> v.sublabel().contains(text)).orElse(false);
    }

    @Test
    void isolatingTheHoldersNodeFromTheFaultMenuThenHealing(FxRobot robot) throws Exception {
        SimulatorViewModel run = FxFlows.openAndSimulate(vm, "global_singleton.canopy.json");
        TreeCanvas canvas = robot.lookup("#sim-canvas").queryAs(TreeCanvas.class);
        ClusterStrip strip = robot.lookup("#cluster-strip").queryAs(ClusterStrip.class);

        // The cluster and three lanes of three processes; a's copy holds the name, the others stand by.
        FxFlows.waitUntil(() -> canvas.treeLayout().map(l -> l.size() == 10).orElse(false) && strip.shown() != null);
        assertThat(run.clusterNodes()).containsExactly("a", "b", "c");
        assertThat(sublabel(canvas, "a:root/scheduler", "holds the name")).isTrue();
        assertThat(sublabel(canvas, "b:root/scheduler", "standby")).isTrue();
        assertThat(sublabel(canvas, "c:root", "node c")).isTrue();
        assertThat(strip.shown().links()).allMatch(ClusterView.Link::up);

        ContextMenu[] menu = new ContextMenu[1];
        WaitForAsyncUtils.asyncFx(() -> menu[0] = FaultMenu.forNode(run, "b:root/scheduler", f -> { })).get();
        assertThat(find(menu[0].getItems(), "fault-network")).isNotNull();
        assertThat(find(menu[0].getItems(), "net-call-from-c")).isNotNull();
        WaitForAsyncUtils.asyncFx(() -> menu[0] = FaultMenu.forNode(run, SimVisualMapper.CLUSTER_KEY, f -> { })).get();
        assertThat(menu[0].getItems()).extracting(MenuItem::getId)
                .contains("net-isolate-a", "net-isolate-b", "net-isolate-c", "net-split-all", "net-heal", "net-delay");

        // Isolate a: every side registers its own copy (global also cuts b–c, as OTP 25 does).
        fire(menu[0], "net-isolate-a");
        FxFlows.waitUntil(() -> sublabel(canvas, "b:root/scheduler", "holds the name") && sublabel(canvas, "c:root/scheduler", "holds the name")
                && strip.shown().links().stream().noneMatch(ClusterView.Link::up));
        assertThat(sublabel(canvas, "a:root/scheduler", "holds the name")).isTrue();
        assertThat(run.events()).filteredOn(e -> e.kind() == SimEvent.Kind.NETWORK).extracting(SimEvent::text)
                .anyMatch(t -> t.startsWith("partition: the network splits into {a} | {b, c}"))
                .anyMatch(t -> t.startsWith("nodedown: global cut b–c too"));
        shoot(canvas.getScene(), "cluster-split.png");

        // Heal: global keeps a's copy and kills the others; their supervisors restart them as standbys.
        fire(menu[0], "net-heal");
        FxFlows.waitUntil(() -> sublabel(canvas, "b:root/scheduler", "standby") && sublabel(canvas, "c:root/scheduler", "standby")
                && strip.shown().links().stream().allMatch(ClusterView.Link::up));
        assertThat(canvas.visual("b:root/scheduler").orElseThrow().restarts()).isEqualTo(1);
        assertThat(canvas.visual("a:root/scheduler").orElseThrow().restarts()).isZero();
        assertThat(strip.shown().seenOn("c", "Cluster.Scheduler").orElseThrow().holderPath()).isEqualTo("a:root/scheduler");
        assertThat(run.events()).filteredOn(e -> e.kind() == SimEvent.Kind.GLOBAL).extracting(SimEvent::text)
                .anyMatch(t -> t.matches("global: kept <0\\.\\d+\\.0> \\(scheduler@a\\), killed <1\\.\\d+\\.0> \\(scheduler@b\\).*"));
        assertThat(run.inputs()).hasSize(2);
        shoot(canvas.getScene(), "cluster-healed.png");

        // The holder's whole node goes down: b takes the name over; a comes back as a standby.
        WaitForAsyncUtils.asyncFx(() -> menu[0] = FaultMenu.forNode(run, SimVisualMapper.CLUSTER_KEY, f -> { })).get();
        fire(menu[0], "net-stop-a");
        FxFlows.waitUntil(() -> strip.shown().isDown("a") && sublabel(canvas, "b:root/scheduler", "holds the name"));
        assertThat(canvas.visual("a:root/scheduler").orElseThrow().state()).isNotEqualTo(dev.canopy.diagrams.render.StyleToken.STATE_RUNNING);
        shoot(canvas.getScene(), "cluster-node-down.png");
        WaitForAsyncUtils.asyncFx(() -> menu[0] = FaultMenu.forNode(run, SimVisualMapper.CLUSTER_KEY, f -> { })).get();
        fire(menu[0], "net-start-a");
        FxFlows.waitUntil(() -> !strip.shown().isDown("a") && sublabel(canvas, "a:root/scheduler", "standby"));
    }
}
