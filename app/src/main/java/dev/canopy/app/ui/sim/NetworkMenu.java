package dev.canopy.app.ui.sim;

import static dev.canopy.app.ui.sim.MenuItems.item;

import java.util.ArrayList;
import java.util.List;

import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.LabAction;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.diagrams.sim.NodePaths;
import dev.canopy.diagrams.sim.SimInput;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The network faults of a cluster run, each recorded as an input (a lab step, the same one the
 * design's lab_steps would play): isolate a node, split the cluster in two, heal, slow a link,
 * and call a worker from a chosen node (its global name is looked up there).
 */
final class NetworkMenu {
    private NetworkMenu() {
    }

    /** The network items for the node at path ({@link SimVisualMapper#CLUSTER_KEY}: the cluster itself). */
    static List<MenuItem> items(SimulatorViewModel vm, String path) {
        var nodes = vm.clusterNodes();
        String root = vm.design().root().id();
        var out = new ArrayList<MenuItem>();
        for (String n : nodes) {
            var rest = nodes.stream().filter(m -> !m.equals(n)).toList();
            out.add(item("Isolate node " + n + "  ({" + n + "} | {" + String.join(", ", rest) + "})", "net-isolate-" + n,
                    () -> vm.inject(lab(root, new LabAction.Partition(root, List.of(List.of(n), rest))))));
        }
        if (nodes.size() >= 4) {
            var left = nodes.subList(0, nodes.size() / 2);
            var right = nodes.subList(nodes.size() / 2, nodes.size());
            out.add(item("Split in two  ({" + String.join(", ", left) + "} | {" + String.join(", ", right) + "})", "net-split-halves",
                    () -> vm.inject(lab(root, new LabAction.Partition(root, List.of(List.copyOf(left), List.copyOf(right)))))));
        }
        if (nodes.size() >= 3) {
            out.add(item("Cut every link (each node alone)", "net-split-all",
                    () -> vm.inject(lab(root, new LabAction.Partition(root, nodes.stream().map(List::of).toList())))));
        }
        out.add(item("Heal the network", "net-heal", () -> vm.inject(lab(root, new LabAction.Heal(root)))));
        out.add(new SeparatorMenuItem());
        var cluster = vm.clusterProperty().get();
        for (String n : nodes) {
            boolean isDown = cluster != null && cluster.isDown(n);
            out.add(isDown
                    ? item("Bring node " + n + " back up", "net-start-" + n, () -> vm.inject(lab(root, new LabAction.StartNode(root, n))))
                    : item("Take node " + n + " down", "net-stop-" + n, () -> vm.inject(lab(root, new LabAction.StopNode(root, n)))));
        }
        out.add(new SeparatorMenuItem());
        Menu delay = new Menu("Delay a link…");
        delay.setId("net-delay");
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                String a = nodes.get(i), b = nodes.get(j);
                Menu link = new Menu(a + "–" + b);
                for (long ms : new long[] {100, 1_000, 0}) {
                    link.getItems().add(item(ms == 0 ? "no delay" : ms + " ms", "net-delay-" + a + "-" + b + "-" + ms,
                            () -> vm.inject(lab(root, new LabAction.DelayLink(root, a, b, ms)))));
                }
                delay.getItems().add(link);
            }
        }
        out.add(delay);
        String designPath = NodePaths.designPath(path);
        if (DesignPaths.find(vm.design(), designPath).orElse(null) instanceof WorkerNode) {
            Menu call = new Menu("Call it from node…");
            call.setId("net-call-from");
            for (String n : nodes) {
                call.getItems().add(item(n, "net-call-from-" + n,
                        () -> vm.inject(lab(designPath, new LabAction.CallFrom(designPath, n, 5_000)))));
            }
            out.add(call);
        }
        return out;
    }

    private static SimInput lab(String target, LabAction action) {
        return new SimInput.Lab(target, action);
    }
}
