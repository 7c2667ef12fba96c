package dev.canopy.diagrams.design;

import java.util.Objects;

/**
 * An Elixir Task.Supervisor: a DynamicSupervisor of temporary tasks (Elixir's defaults:
 * max_restarts 3, max_seconds 5, max_children infinity = -1). The simulator runs it as a
 * dynamic supervisor.
 */
public record TaskSupervisorNode(String id, String label, String notes, ChildSpecFields spec,
                                 int maxRestarts, int maxSeconds, int maxChildren) implements DesignNode {

    public TaskSupervisorNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(spec, "spec");
    }

    public static TaskSupervisorNode of(String id) {
        return new TaskSupervisorNode(id, "", "", ChildSpecFields.defaults(DesignKind.TASK_SUPERVISOR),
                DynamicSupervisorNode.DEFAULT_MAX_RESTARTS, DynamicSupervisorNode.DEFAULT_MAX_SECONDS,
                DynamicSupervisorNode.INFINITY);
    }

    @Override public DesignKind kind() { return DesignKind.TASK_SUPERVISOR; }

    @Override public TaskSupervisorNode withId(String id) {
        return new TaskSupervisorNode(id, label, notes, spec, maxRestarts, maxSeconds, maxChildren);
    }

    @Override public TaskSupervisorNode withLabel(String label) {
        return new TaskSupervisorNode(id, label, notes, spec, maxRestarts, maxSeconds, maxChildren);
    }

    @Override public TaskSupervisorNode withNotes(String notes) {
        return new TaskSupervisorNode(id, label, notes, spec, maxRestarts, maxSeconds, maxChildren);
    }

    @Override public TaskSupervisorNode withSpec(ChildSpecFields spec) {
        return new TaskSupervisorNode(id, label, notes, spec, maxRestarts, maxSeconds, maxChildren);
    }

    public TaskSupervisorNode withIntensity(int maxRestarts, int maxSeconds) {
        return new TaskSupervisorNode(id, label, notes, spec, maxRestarts, maxSeconds, maxChildren);
    }

    public TaskSupervisorNode withMaxChildren(int maxChildren) {
        return new TaskSupervisorNode(id, label, notes, spec, maxRestarts, maxSeconds, maxChildren);
    }
}
