package dev.canopy.diagrams.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.LabAction;
import dev.canopy.diagrams.sequence.SequenceDiagram;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;

/**
 * The pattern lab's side of the simulator: lab steps played with the fault script, a lab input
 * carried out by the controller, and lab log lines drawn as notes on the sequence diagram.
 */
final class LabInputs {
    private LabInputs() {}

    static String describe(LabAction a) {
        return switch (a) {
            case LabAction.FanOut f -> "fan out " + f.shards().size() + " tasks from " + f.target() + " and collect them with " + f.collect().word;
            case LabAction.Request r -> "send request " + r.traceId() + " to " + r.target() + " with a " + r.budgetMs() + " ms deadline";
            case LabAction.TimedJob t -> "make " + t.target() + " time a " + t.workMs() + " ms job";
            case LabAction.JumpSystemTime j -> "jump the system clock " + (j.byMs() < 0 ? "back " : "forward ") + Math.abs(j.byMs()) + " ms";
            case LabAction.RunDemo d -> "run the " + d.demo().word + " demonstration on " + d.target();
            case LabAction.Partition p -> "split the network into " + String.join(" | ", p.groups().stream().map(g -> String.join(", ", g)).toList());
            case LabAction.Heal h -> "heal the network";
            case LabAction.StopNode s -> "take node " + s.node() + " down (every process on it exits)";
            case LabAction.StartNode s -> "bring node " + s.node() + " back up";
            case LabAction.DelayLink d -> d.ms() == 0 ? "take the delay off the link " + d.a() + "–" + d.b()
                    : "delay the link " + d.a() + "–" + d.b() + " by " + d.ms() + " ms";
            case LabAction.CallFrom c -> "call " + c.target() + (c.toNode().isEmpty() ? "" : " on node " + c.toNode())
                    + " from node " + c.node() + " (timeout " + c.timeoutMs() + " ms)";
        };
    }

    /** In the controller: the clock jumps here; everything else is work for the target worker (a cast, as a request would be). */
    static void perform(ProcessContext ctx, Design design, ProcessBook book, Pid target, LabAction action) {
        perform(ctx, design, book, target, action, "");
    }

    /** prefix: "" on a single node, "b:" for node b's copy of the tree in a cluster (the task supervisor is that node's). */
    static void perform(ProcessContext ctx, Design design, ProcessBook book, Pid target, LabAction action, String prefix) {
        if (action instanceof LabAction.JumpSystemTime j) {
            var clock = ctx.node().simulation().virtualClock();
            clock.jumpSystemTime(j.byMs());
            LabWork.note(book, design.root().id(), ctx, TimedJobs.jumped(j.byMs(), clock.systemMillis()));
            return;
        }
        if (target == null) return;
        String taskSupervisor = action instanceof LabAction.FanOut f ? LabAction.taskSupervisorBeside(design, f.target()).orElse("") : "";
        GenServers.cast(ctx, target, new LabWork.Job(action, taskSupervisor.isEmpty() ? "" : prefix + taskSupervisor));
    }

    /** The fault script's inputs and the design's lab steps, in time order (a fault step first at the same ms). */
    static List<TimedInput> merged(List<TimedInput> script, Design design) {
        if (design.labSteps().isEmpty()) return script;
        var out = new ArrayList<>(script);
        for (var step : design.labSteps()) out.add(new TimedInput(step.atMs(), new SimInput.Lab(step.action().target(), step.action())));
        out.sort(Comparator.comparingLong(TimedInput::atMs)); // stable
        return out;
    }

    /** The diagram with each lab line as a note on the lifeline of the process that wrote it. */
    static SequenceDiagram withNotes(SequenceDiagram d, Collection<LabWork.Note> notes, long startMs, String root,
                                     java.util.function.Function<Pid, java.util.Optional<String>> nameOf) {
        if (notes.isEmpty()) return d;
        var items = new ArrayList<>(d.items());
        for (var n : notes) {
            var name = nameOf.apply(n.by());
            if (name.isEmpty()) continue;
            int incarnation = n.incarnation();
            String label = incarnation <= 1 ? name.get() : name.get() + " (" + incarnation + ")";
            long at = n.atMonotonicMs() - startMs;
            String on = d.lifelines().stream().filter(l -> l.label().equals(label)).map(SequenceDiagram.Lifeline::id).findFirst().orElse(null);
            if (on != null) items.add(new SequenceDiagram.Note(at, on, n.text()));
        }
        items.sort(Comparator.comparingLong(SequenceDiagram.Item::atMs));
        return new SequenceDiagram(d.lifelines(), items);
    }
}
