package dev.canopy.diagrams.design;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.canopy.engine.scenario.InitBehaviour;

/**
 * An Elixir DynamicSupervisor (one_for_one; children only on demand). Defaults are Elixir's:
 * max_restarts 3, max_seconds 5, max_children infinity ({@link #INFINITY} = -1), no
 * extra_arguments (terms as source text, prepended to the child's start arguments). The
 * optional {@code childTemplate} describes the worker it starts on demand.
 */
public record DynamicSupervisorNode(String id, String label, String notes, ChildSpecFields spec, InitBehaviour init,
                                    int maxRestarts, int maxSeconds, int maxChildren, List<String> extraArguments,
                                    Optional<WorkerNode> childTemplate) implements DesignNode {

    public static final int INFINITY = -1;
    public static final int DEFAULT_MAX_RESTARTS = 3;
    public static final int DEFAULT_MAX_SECONDS = 5;

    public DynamicSupervisorNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(childTemplate, "childTemplate");
        extraArguments = List.copyOf(extraArguments);
    }

    public static DynamicSupervisorNode of(String id) {
        return new DynamicSupervisorNode(id, "", "", ChildSpecFields.defaults(DesignKind.DYNAMIC_SUPERVISOR),
                InitBehaviour.OK, DEFAULT_MAX_RESTARTS, DEFAULT_MAX_SECONDS, INFINITY, List.of(), Optional.empty());
    }

    @Override public DesignKind kind() { return DesignKind.DYNAMIC_SUPERVISOR; }

    @Override public DynamicSupervisorNode withId(String id) {
        return new DynamicSupervisorNode(id, label, notes, spec, init, maxRestarts, maxSeconds, maxChildren, extraArguments, childTemplate);
    }

    @Override public DynamicSupervisorNode withLabel(String label) {
        return new DynamicSupervisorNode(id, label, notes, spec, init, maxRestarts, maxSeconds, maxChildren, extraArguments, childTemplate);
    }

    @Override public DynamicSupervisorNode withNotes(String notes) {
        return new DynamicSupervisorNode(id, label, notes, spec, init, maxRestarts, maxSeconds, maxChildren, extraArguments, childTemplate);
    }

    @Override public DynamicSupervisorNode withSpec(ChildSpecFields spec) {
        return new DynamicSupervisorNode(id, label, notes, spec, init, maxRestarts, maxSeconds, maxChildren, extraArguments, childTemplate);
    }

    public DynamicSupervisorNode withInit(InitBehaviour init) {
        return new DynamicSupervisorNode(id, label, notes, spec, init, maxRestarts, maxSeconds, maxChildren, extraArguments, childTemplate);
    }

    public DynamicSupervisorNode withIntensity(int maxRestarts, int maxSeconds) {
        return new DynamicSupervisorNode(id, label, notes, spec, init, maxRestarts, maxSeconds, maxChildren, extraArguments, childTemplate);
    }

    public DynamicSupervisorNode withMaxChildren(int maxChildren) {
        return new DynamicSupervisorNode(id, label, notes, spec, init, maxRestarts, maxSeconds, maxChildren, extraArguments, childTemplate);
    }

    public DynamicSupervisorNode withExtraArguments(List<String> extraArguments) {
        return new DynamicSupervisorNode(id, label, notes, spec, init, maxRestarts, maxSeconds, maxChildren, extraArguments, childTemplate);
    }

    public DynamicSupervisorNode withChildTemplate(Optional<WorkerNode> childTemplate) {
        return new DynamicSupervisorNode(id, label, notes, spec, init, maxRestarts, maxSeconds, maxChildren, extraArguments, childTemplate);
    }
}
