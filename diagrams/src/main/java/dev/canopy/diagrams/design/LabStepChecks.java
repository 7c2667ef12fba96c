package dev.canopy.diagrams.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of {@code lab_steps}: the workers a step names exist and are workers of the tree (a
 * lab step makes a worker do something, which a supervisor cannot), and an async_nolink fan-out
 * has a task supervisor beside its worker to start its tasks under.
 */
final class LabStepChecks {
    private LabStepChecks() {}

    static List<DesignProblem> check(Design design) {
        var problems = new ArrayList<DesignProblem>();
        var steps = design.labSteps();
        for (int i = 0; i < steps.size(); i++) {
            String at = "$.lab_steps[" + i + "]";
            switch (steps.get(i).action()) {
                case LabAction.FanOut f -> {
                    worker(design, f.target(), at + ".target", problems);
                    if (f.collect() == LabAction.Collect.ASYNC_NOLINK && taskSupervisorBeside(design, f.target()).isEmpty()) {
                        problems.add(DesignProblem.error(at + ".collect", "async_nolink starts the tasks under a Task.Supervisor: "
                                + "add a task_supervisor beside '" + f.target() + "' (under the same supervisor)"));
                    }
                }
                case LabAction.Request r -> {
                    worker(design, r.target(), at + ".target", problems);
                    for (int h = 0; h < r.hops().size(); h++) worker(design, r.hops().get(h), at + ".hops[" + h + "]", problems);
                }
                case LabAction.TimedJob t -> worker(design, t.target(), at + ".target", problems);
                case LabAction.RunDemo d -> worker(design, d.target(), at + ".target", problems);
                case LabAction.JumpSystemTime j -> { }
                case LabAction.Partition p -> NetworkChecks.partition(design, p, at, problems);
                case LabAction.Heal h -> NetworkChecks.cluster(design, "heal", at, problems);
                case LabAction.StopNode s -> {
                    if (NetworkChecks.cluster(design, "stop_node", at, problems)) NetworkChecks.node(design, s.node(), at + ".node", problems);
                }
                case LabAction.StartNode s -> {
                    if (NetworkChecks.cluster(design, "start_node", at, problems)) NetworkChecks.node(design, s.node(), at + ".node", problems);
                }
                case LabAction.DelayLink d -> {
                    if (NetworkChecks.cluster(design, "delay_link", at, problems)) {
                        NetworkChecks.node(design, d.a(), at + ".between[0]", problems);
                        NetworkChecks.node(design, d.b(), at + ".between[1]", problems);
                    }
                }
                case LabAction.CallFrom c -> {
                    worker(design, c.target(), at + ".target", problems);
                    NetworkChecks.node(design, c.node(), at + ".node", problems);
                    if (!c.toNode().isEmpty()) NetworkChecks.node(design, c.toNode(), at + ".to_node", problems);
                }
            }
        }
        return problems;
    }

    private static void worker(Design design, String path, String jsonPath, List<DesignProblem> problems) {
        var node = DesignPaths.find(design, path);
        if (node.isEmpty()) {
            problems.add(DesignProblem.error(jsonPath, "there is no node '" + path + "' in the tree"));
        } else if (!(node.get() instanceof WorkerNode)) {
            problems.add(DesignProblem.error(jsonPath, "'" + path + "' is a " + node.get().kind().jsonName()
                    + "; a lab step needs a worker to do its work"));
        }
    }

    /** The path of a task_supervisor under the same parent as path, if there is one. */
    static Optional<String> taskSupervisorBeside(Design design, String path) {
        var parent = DesignPaths.parentPath(path);
        if (parent.isEmpty()) return Optional.empty();
        var parentNode = DesignPaths.find(design, parent.get());
        if (parentNode.isEmpty()) return Optional.empty();
        return parentNode.get().children().stream().filter(c -> c instanceof TaskSupervisorNode)
                .map(c -> parent.get() + "/" + c.id()).findFirst();
    }
}
