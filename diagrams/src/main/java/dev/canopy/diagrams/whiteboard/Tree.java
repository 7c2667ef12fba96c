package dev.canopy.diagrams.whiteboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.TaskSupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.scenario.InitOutcome;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Strategy;

/** Small read-only helpers over a design's tree, shared by the whiteboard tools. */
final class Tree {
    private Tree() {
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static Optional<String> parent(String path) {
        return DesignPaths.parentPath(path);
    }

    static DesignNode node(Design design, String path) {
        return DesignPaths.find(design, path).orElseThrow(() -> new IllegalArgumentException("no node at '" + path + "'"));
    }

    /** True for the dynamic supervisor's child template (started on demand, not at boot). */
    static boolean isTemplate(Design design, String path) {
        return parent(path).flatMap(p -> DesignPaths.find(design, p)).map(p -> p instanceof DynamicSupervisorNode).orElse(false);
    }

    /** Every static path (child templates excluded), depth first in start order. */
    static List<String> staticPaths(Design design) {
        return DesignPaths.allPaths(design).stream().filter(p -> !isTemplate(design, p)).toList();
    }

    /** Static paths strictly below {@code path}. */
    static List<String> descendants(Design design, String path) {
        return staticPaths(design).stream().filter(p -> p.startsWith(path + "/")).toList();
    }

    /** The static children's paths of the node at path, in start order. */
    static List<String> childPaths(Design design, String path) {
        var out = new ArrayList<String>();
        for (var c : node(design, path).children()) out.add(path + "/" + c.id());
        return out;
    }

    static boolean isSupervisorKind(DesignNode n) {
        return n instanceof SupervisorNode || n instanceof DynamicSupervisorNode || n instanceof TaskSupervisorNode
                || n instanceof RegistryNode;
    }

    /** The strategy a supervisor-like node plays: DynamicSupervisor and Task.Supervisor are one_for_one. */
    static Strategy strategy(DesignNode n) {
        return n instanceof SupervisorNode s ? s.strategy() : Strategy.ONE_FOR_ONE;
    }

    static int maxRestarts(DesignNode n) {
        return switch (n) {
            case SupervisorNode s -> s.maxRestarts();
            case DynamicSupervisorNode d -> d.maxRestarts();
            case TaskSupervisorNode t -> t.maxRestarts();
            default -> 0;
        };
    }

    static int maxSeconds(DesignNode n) {
        return switch (n) {
            case SupervisorNode s -> s.maxSeconds();
            case DynamicSupervisorNode d -> d.maxSeconds();
            case TaskSupervisorNode t -> t.maxSeconds();
            default -> 0;
        };
    }

    static AutoShutdown autoShutdown(DesignNode n) {
        return n instanceof SupervisorNode s ? s.autoShutdown() : AutoShutdown.NEVER;
    }

    /** The restart type of the node as a child (a Task.Supervisor's children are temporary tasks). */
    static Restart restart(Design design, String path) {
        return node(design, path).spec().restart();
    }

    /** Whether the node is running once the tree has booted (init ok all the way down). */
    static boolean runningAtBoot(Design design, String path) {
        if (isTemplate(design, path)) return false;
        var cut = path;
        while (true) {
            var n = node(design, cut);
            if (firstInit(n) != InitOutcome.OK) return false;
            var up = parent(cut);
            if (up.isEmpty()) return true;
            cut = up.get();
        }
    }

    private static InitOutcome firstInit(DesignNode n) {
        InitBehaviour init = switch (n) {
            case SupervisorNode s -> s.init();
            case DynamicSupervisorNode d -> d.init();
            case WorkerNode w -> w.sim().init();
            default -> InitBehaviour.OK;
        };
        return init.outcomeFor(1);
    }

    static String kindWord(DesignNode n) {
        return switch (n) {
            case SupervisorNode s -> "supervisor";
            case DynamicSupervisorNode d -> "DynamicSupervisor";
            case TaskSupervisorNode t -> "Task.Supervisor";
            case RegistryNode r -> "Registry";
            case WorkerNode w -> "worker";
        };
    }

    static String restarts(int n) {
        return n == 1 ? "1 restart" : n + " restarts";
    }

    static String seconds(int n) {
        return n == 1 ? "1 second" : n + " seconds";
    }
}
