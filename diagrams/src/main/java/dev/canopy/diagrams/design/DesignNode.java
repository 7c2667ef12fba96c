package dev.canopy.diagrams.design;

import java.util.List;

/**
 * One node of a design's tree. Every node has an {@code id} (unique among its siblings; a valid
 * Erlang atom), a free-text {@code label} and {@code notes} ({@code ""} when absent) and its
 * {@link ChildSpecFields}. Only a {@link SupervisorNode} has children in the tree; a
 * {@link DynamicSupervisorNode} may describe what it starts on demand with a child template.
 */
public sealed interface DesignNode
        permits SupervisorNode, DynamicSupervisorNode, WorkerNode, TaskSupervisorNode, RegistryNode {

    String id();

    String label();

    String notes();

    ChildSpecFields spec();

    DesignKind kind();

    /** The static children in start order; empty for every kind but a supervisor. */
    default List<DesignNode> children() {
        return List.of();
    }

    DesignNode withId(String id);

    DesignNode withLabel(String label);

    DesignNode withNotes(String notes);

    DesignNode withSpec(ChildSpecFields spec);

    /** This node and everything below it (children and a dynamic supervisor's child template). */
    default int subtreeSize() {
        int n = 1;
        for (DesignNode child : children()) n += child.subtreeSize();
        if (this instanceof DynamicSupervisorNode d && d.childTemplate().isPresent()) n += 1;
        return n;
    }

    /** A node of this kind with every default (FORMAT.md table; Elixir's for the Elixir-only kinds). */
    static DesignNode defaults(String id, DesignKind kind) {
        return switch (kind) {
            case SUPERVISOR -> SupervisorNode.of(id, List.of());
            case DYNAMIC_SUPERVISOR -> DynamicSupervisorNode.of(id);
            case WORKER -> WorkerNode.of(id);
            case TASK_SUPERVISOR -> TaskSupervisorNode.of(id);
            case REGISTRY -> RegistryNode.of(id);
        };
    }
}
