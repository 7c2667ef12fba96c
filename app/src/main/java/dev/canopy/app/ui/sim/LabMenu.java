package dev.canopy.app.ui.sim;

import static dev.canopy.app.ui.sim.MenuItems.item;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.LabAction;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.diagrams.sim.SimInput;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

/**
 * The fault menu's "Pattern lab" submenu: the lessons' inputs by hand (the same ones the samples'
 * lab_steps play): jump the system clock, time a job, fan tasks out three ways, send a request
 * with a deadline down the chain of the workers after this one, run a demonstration.
 */
final class LabMenu {
    /** The tasks a fan-out from the menu starts: 6, 1 and 3 items of 100 ms (the first is the slowest). */
    static final List<Integer> SHARDS = List.of(6, 1, 3);
    static final long ITEM_MS = 100;
    static final long DEADLINE_MS = 450;

    private LabMenu() {}

    static Menu forNode(SimulatorViewModel vm, String path) {
        Menu lab = new Menu("Pattern lab");
        lab.setId("fault-lab");
        var design = vm.design();
        String root = design.root().id();
        Menu clock = new Menu("Time: jump the system clock");
        clock.setId("fault-lab-clock");
        for (long by : new long[] {-3_600_000, 3_600_000, 86_400_000}) {
            String text = (by < 0 ? "back " : "forward ") + (Math.abs(by) >= 86_400_000 ? "1 day" : "1 hour");
            clock.getItems().add(item(text, "fault-lab-clock-" + by, () -> vm.inject(lab(root, new LabAction.JumpSystemTime(root, by)))));
        }
        lab.getItems().add(clock);
        DesignNode node = DesignPaths.find(design, path).orElse(null);
        if (node instanceof WorkerNode) {
            lab.getItems().add(item("Time a 2 s job with both clocks", "fault-lab-timed-job",
                    () -> vm.inject(lab(path, new LabAction.TimedJob(path, 2_000)))));
            Menu fan = new Menu("Fan out 3 tasks (600, 100, 300 ms) and collect with…");
            fan.setId("fault-lab-fan-out");
            fan.getItems().add(item("Task.await_many", "fault-lab-await-many", () -> vm.inject(fanOut(path, LabAction.Collect.AWAIT_MANY, SHARDS))));
            fan.getItems().add(item("one " + DEADLINE_MS + " ms deadline, as they arrive (yield_many)", "fault-lab-yield-many",
                    () -> vm.inject(fanOut(path, LabAction.Collect.YIELD_MANY, SHARDS))));
            var withCrash = new ArrayList<>(SHARDS);
            withCrash.add(0);
            boolean taskSupervisor = LabAction.taskSupervisorBeside(design, path).isPresent();
            var nolink = item("Task.Supervisor.async_nolink, plus a task that crashes", "fault-lab-async-nolink",
                    () -> vm.inject(fanOut(path, LabAction.Collect.ASYNC_NOLINK, withCrash)));
            nolink.setDisable(!taskSupervisor); // needs a task_supervisor beside this worker
            fan.getItems().add(nolink);
            fan.getItems().add(item("Task.async + await_many, plus a task that crashes", "fault-lab-linked-crash",
                    () -> vm.inject(fanOut(path, LabAction.Collect.AWAIT_MANY, withCrash))));
            lab.getItems().add(fan);
            var chain = chainAfter(design, path);
            if (!chain.isEmpty()) {
                Menu request = new Menu("Send a request through " + String.join(", ", chain.stream().map(LabMenu::name).toList()) + " with a deadline of…");
                request.setId("fault-lab-request");
                for (long budget : new long[] {1_000, 250}) {
                    request.getItems().add(item(budget + " ms", "fault-lab-request-" + budget, () -> vm.inject(lab(path,
                            new LabAction.Request(path, traceId(vm), budget, chain, 100)))));
                }
                lab.getItems().add(request);
            }
            Menu demo = new Menu("Run a demonstration");
            demo.setId("fault-lab-demo");
            for (var d : LabAction.Demo.values()) {
                int size = d == LabAction.Demo.RECURSION ? 10_000 : 1_000;
                demo.getItems().add(item(d.word, "fault-lab-demo-" + d.word, () -> vm.inject(lab(path, new LabAction.RunDemo(path, d, size)))));
            }
            lab.getItems().add(demo);
        }
        return lab;
    }

    private static SimInput lab(String target, LabAction action) {
        return new SimInput.Lab(target, action);
    }

    private static SimInput fanOut(String path, LabAction.Collect collect, List<Integer> shards) {
        return lab(path, new LabAction.FanOut(path, collect, shards, ITEM_MS, DEADLINE_MS));
    }

    /** The workers after this one under the same supervisor, in start order: the chain a request entering here calls down. */
    static List<String> chainAfter(dev.canopy.diagrams.design.Design design, String path) {
        var parent = DesignPaths.parentPath(path);
        var parentNode = parent.flatMap(p -> DesignPaths.find(design, p));
        if (parentNode.isEmpty()) return List.of();
        var out = new ArrayList<String>();
        boolean after = false;
        for (var c : parentNode.get().children()) {
            String p = parent.get() + "/" + c.id();
            if (after && c instanceof WorkerNode) out.add(p);
            if (p.equals(path)) after = true;
        }
        return out;
    }

    /** A trace id that names the run's moment, so two requests from the menu are told apart (deterministic: from virtual time). */
    private static String traceId(SimulatorViewModel vm) {
        return String.format(Locale.ROOT, "req-%d", vm.nowMsProperty().get());
    }

    private static String name(String path) { return path.substring(path.lastIndexOf('/') + 1); }
}
