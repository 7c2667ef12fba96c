package dev.canopy.diagrams.design;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.canopy.engine.scenario.NodeSpec;
import dev.canopy.engine.scenario.Step;

/**
 * The fault script's targets name nodes: each step's target is a node of the tree or a child that
 * an earlier start_child step started. A step aimed at nothing would do nothing, silently, in
 * the simulator and in a trace; it is a mistake (a typo, or a node renamed since).
 */
final class StepTargets {

    private StepTargets() {
    }

    static List<DesignProblem> check(Design design) {
        Set<String> nodes = new HashSet<>(DesignPaths.allPaths(design));
        List<DesignProblem> problems = new ArrayList<>();
        List<Step> steps = design.faultScript();
        for (int i = 0; i < steps.size(); i++) {
            Step.Action action = steps.get(i).action();
            Optional<String> target = target(action);
            if (target.isPresent() && !nodes.contains(target.get())) {
                problems.add(DesignProblem.error("$.steps[" + i + "].target", "there is no node '" + target.get()
                        + "' in the tree, nor one started by an earlier start_child step"));
            } else if (action instanceof Step.StartChild s) {
                started(s.target(), s.child(), nodes);
            }
        }
        return problems;
    }

    private static Optional<String> target(Step.Action action) {
        return switch (action) {
            case Step.Exit a -> Optional.of(a.target());
            case Step.Crash a -> Optional.of(a.target());
            case Step.Stop a -> Optional.of(a.target());
            case Step.Call a -> Optional.of(a.target());
            case Step.StartChild a -> Optional.of(a.target());
            case Step.TerminateChild a -> Optional.of(a.target());
            case Step.RestartChild a -> Optional.of(a.target());
            case Step.DeleteChild a -> Optional.of(a.target());
            case Step.StopTree a -> Optional.empty();
        };
    }

    private static void started(String parent, NodeSpec child, Set<String> nodes) {
        String path = parent + "/" + child.id();
        nodes.add(path);
        for (NodeSpec c : child.children()) started(path, c, nodes);
    }
}
