package dev.canopy.app.ui.sim;

import static dev.canopy.app.ui.sim.MenuItems.item;

import java.util.Optional;
import java.util.function.Consumer;

import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.TaskSupervisorNode;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.engine.term.ReasonSyntax;
import dev.canopy.engine.term.Term;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;

/**
 * The right-click menu of a node in a run: every fault the simulator can inject, each recorded
 * as an input of the run. "Compare strategies" hands the chosen fault to a callback (the
 * compare view).
 */
public final class FaultMenu {
    private FaultMenu() {
    }

    /** A menu for the node at {@code path}; {@code compare} receives a fault to compare (may be null: no item). */
    public static ContextMenu forNode(SimulatorViewModel vm, String path, Consumer<SimInput> compare) {
        ContextMenu menu = new ContextMenu();
        menu.setId("fault-menu");
        if (path.equals(SimVisualMapper.CLUSTER_KEY)) { // the cluster's own node: only the network
            MenuItem title = new MenuItem("The network between " + String.join(", ", vm.clusterNodes()));
            title.setDisable(true);
            menu.getItems().add(title);
            menu.getItems().addAll(NetworkMenu.items(vm, path));
            plainText(menu.getItems());
            return menu;
        }
        String name = dev.canopy.diagrams.sim.NodePaths.name(path);
        MenuItem title = new MenuItem(name);
        title.setMnemonicParsing(false); // "worker_4", not "worker4"
        title.setDisable(true);
        menu.getItems().add(title);
        menu.getItems().add(item("Kill (exit with :kill)", "fault-kill", () -> vm.inject(new SimInput.Kill(path))));
        Menu exit = new Menu("Exit with…");
        exit.setId("fault-exit");
        exit.getItems().addAll(
                item(":normal", "fault-exit-normal", () -> vm.inject(new SimInput.Exit(path, Term.NORMAL))),
                item(":shutdown", "fault-exit-shutdown", () -> vm.inject(new SimInput.Exit(path, Term.SHUTDOWN))),
                item("A custom reason…", "fault-exit-custom", () -> customReason(name).ifPresent(r -> vm.inject(new SimInput.Exit(path, r)))));
        menu.getItems().add(exit);
        menu.getItems().add(item("Raise inside a callback", "fault-raise", () -> vm.inject(new SimInput.Raise(path))));
        menu.getItems().add(item("Fail the next init", "fault-fail-init", () -> vm.inject(new SimInput.FailNextInit(path))));
        Menu hang = new Menu("Hang for…");
        hang.setId("fault-hang");
        for (long ms : new long[] {1_000, 5_000, 30_000}) {
            hang.getItems().add(item(ms / 1000 + " s", "fault-hang-" + ms, () -> vm.inject(new SimInput.Hang(path, ms))));
        }
        menu.getItems().add(hang);
        Menu flood = new Menu("Flood the mailbox with…");
        flood.setId("fault-flood");
        for (int n : new int[] {100, 1_000, 10_000}) {
            flood.getItems().add(item(String.format(java.util.Locale.ROOT, "%,d messages", n), "fault-flood-" + n,
                    () -> vm.inject(new SimInput.Flood(path, n))));
        }
        menu.getItems().add(flood);
        // Say up front when a slow terminate cannot delay a shutdown (the log says it again when injected).
        Menu slow = new Menu(dev.canopy.diagrams.sim.SimulationSession.whyNoEffect(vm.design(),
                new SimInput.SlowTerminate(path, 1_000)).map(why -> "Slow terminate… (only on a crash or stop: it does not trap exits)")
                .orElse("Slow terminate…"));
        slow.setId("fault-slow-terminate");
        for (long ms : new long[] {1_000, 10_000}) {
            slow.getItems().add(item(ms / 1000 + " s", "fault-slow-" + ms, () -> vm.inject(new SimInput.SlowTerminate(path, ms))));
        }
        menu.getItems().add(slow);
        Menu call = new Menu("Call with timeout…");
        call.setId("fault-call");
        for (long ms : new long[] {100, 5_000}) {
            call.getItems().add(item(ms + " ms", "fault-call-" + ms, () -> vm.inject(new SimInput.Call(path, ms))));
        }
        menu.getItems().add(call);
        DesignNode node = DesignPaths.find(vm.design(), dev.canopy.diagrams.sim.NodePaths.designPath(path)).orElse(null);
        DependencyFaults.addTo(menu, node, path, vm::inject);
        if (node instanceof DynamicSupervisorNode || node instanceof TaskSupervisorNode) {
            menu.getItems().add(item("Start a child", "fault-start-child", () -> vm.inject(new SimInput.StartDynamicChild(path))));
            Menu many = new Menu("Start children at once…");
            many.setId("fault-start-children");
            for (int n : new int[] {10, 100, 1_000, 10_000}) {
                many.getItems().add(item(String.format(java.util.Locale.ROOT, "%,d children", n), "fault-start-children-" + n,
                        () -> vm.inject(new SimInput.StartDynamicChildren(path, n))));
            }
            many.getItems().add(item("A number…", "fault-start-children-custom",
                    () -> childCount(name).ifPresent(n -> vm.inject(new SimInput.StartDynamicChildren(path, n)))));
            menu.getItems().add(many);
        }
        menu.getItems().add(LabMenu.forNode(vm, path));
        if (!vm.clusterNodes().isEmpty()) {
            Menu network = new Menu("Network");
            network.setId("fault-network");
            network.getItems().addAll(NetworkMenu.items(vm, path));
            menu.getItems().add(network);
        }
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().add(item("Show only this node's log", "fault-log-filter", () -> vm.nodeFilterProperty().set(path)));
        if (compare != null && CompareViewModel.supervisorOf(vm.design(), path).isPresent()) {
            menu.getItems().add(item("Compare strategies for a crash here…", "fault-compare",
                    () -> compare.accept(new SimInput.Raise(path))));
        }
        plainText(menu.getItems()); // node names are text: "worker_4", not "worker4" with a mnemonic
        return menu;
    }

    private static void plainText(java.util.List<MenuItem> items) {
        for (MenuItem m : items) {
            m.setMnemonicParsing(false);
            if (m instanceof Menu sub) plainText(sub.getItems());
        }
    }

    /** How many children to start: a whole number from 1 to 1,000,000; anything else starts none. */
    static Optional<Integer> parseCount(String text) {
        try {
            int n = Integer.parseInt(text.strip().replace(",", "").replace("_", ""));
            return n >= 1 && n <= dev.canopy.diagrams.scenario.StepReader.MAX_COUNT ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> childCount(String name) {
        TextInputDialog d = new TextInputDialog("5000");
        d.setTitle("Start children under " + name);
        d.setHeaderText("How many children to start at once (1 to 1,000,000)");
        return d.showAndWait().flatMap(FaultMenu::parseCount);
    }

    private static Optional<Term> customReason(String name) {
        TextInputDialog d = new TextInputDialog("{error, boom}");
        d.setTitle("Exit " + name);
        d.setHeaderText("Exit reason (an Erlang term, e.g. {error, timeout})");
        return d.showAndWait().flatMap(ReasonSyntax::parse);
    }
}
