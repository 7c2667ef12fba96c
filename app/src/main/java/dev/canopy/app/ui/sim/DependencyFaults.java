package dev.canopy.app.ui.sim;

import java.util.function.Consumer;

import dev.canopy.diagrams.design.Dependency;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.diagrams.sim.SimInput;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;

/**
 * The fault menu's entries for a worker's dependency (lesson "init guarantees"): take its remote
 * service (or local store) away and bring it back. Both are inputs of the run, so they replay.
 */
final class DependencyFaults {
    private DependencyFaults() {
    }

    static void addTo(ContextMenu menu, DesignNode node, String path, Consumer<SimInput> inject) {
        if (!(node instanceof WorkerNode w) || w.sim().dependency().kind() == Dependency.Kind.NONE) return;
        boolean remote = w.sim().dependency().kind() == Dependency.Kind.REMOTE;
        String what = remote ? "its remote service" : "its local dependency";
        MenuItem down = new MenuItem("Take " + what + " down" + (remote ? "" : " (it crashes; init fails while down)"));
        down.setId("fault-dependency-down");
        down.setOnAction(e -> inject.accept(new SimInput.DependencyDown(path)));
        MenuItem up = new MenuItem("Bring " + what + " back");
        up.setId("fault-dependency-up");
        up.setOnAction(e -> inject.accept(new SimInput.DependencyUp(path)));
        menu.getItems().addAll(down, up);
    }
}
