package dev.canopy.diagrams.design;

import java.util.List;
import java.util.Objects;

import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Strategy;

/**
 * A static supervisor. Defaults are OTP's ({@code supervisor}): one_for_one, max_restarts 1,
 * max_seconds 5, auto_shutdown never. {@code init} is what the simulator plays for its init
 * (normally ok).
 */
public record SupervisorNode(String id, String label, String notes, ChildSpecFields spec, InitBehaviour init,
                             Strategy strategy, int maxRestarts, int maxSeconds, AutoShutdown autoShutdown,
                             List<DesignNode> children) implements DesignNode {

    public static final int DEFAULT_MAX_RESTARTS = 1;
    public static final int DEFAULT_MAX_SECONDS = 5;

    public SupervisorNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(autoShutdown, "autoShutdown");
        children = List.copyOf(children);
    }

    public static SupervisorNode of(String id, List<DesignNode> children) {
        return new SupervisorNode(id, "", "", ChildSpecFields.defaults(DesignKind.SUPERVISOR), InitBehaviour.OK,
                Strategy.ONE_FOR_ONE, DEFAULT_MAX_RESTARTS, DEFAULT_MAX_SECONDS, AutoShutdown.NEVER, children);
    }

    @Override public DesignKind kind() { return DesignKind.SUPERVISOR; }

    @Override public SupervisorNode withId(String id) {
        return new SupervisorNode(id, label, notes, spec, init, strategy, maxRestarts, maxSeconds, autoShutdown, children);
    }

    @Override public SupervisorNode withLabel(String label) {
        return new SupervisorNode(id, label, notes, spec, init, strategy, maxRestarts, maxSeconds, autoShutdown, children);
    }

    @Override public SupervisorNode withNotes(String notes) {
        return new SupervisorNode(id, label, notes, spec, init, strategy, maxRestarts, maxSeconds, autoShutdown, children);
    }

    @Override public SupervisorNode withSpec(ChildSpecFields spec) {
        return new SupervisorNode(id, label, notes, spec, init, strategy, maxRestarts, maxSeconds, autoShutdown, children);
    }

    public SupervisorNode withInit(InitBehaviour init) {
        return new SupervisorNode(id, label, notes, spec, init, strategy, maxRestarts, maxSeconds, autoShutdown, children);
    }

    public SupervisorNode withStrategy(Strategy strategy) {
        return new SupervisorNode(id, label, notes, spec, init, strategy, maxRestarts, maxSeconds, autoShutdown, children);
    }

    public SupervisorNode withIntensity(int maxRestarts, int maxSeconds) {
        return new SupervisorNode(id, label, notes, spec, init, strategy, maxRestarts, maxSeconds, autoShutdown, children);
    }

    public SupervisorNode withAutoShutdown(AutoShutdown autoShutdown) {
        return new SupervisorNode(id, label, notes, spec, init, strategy, maxRestarts, maxSeconds, autoShutdown, children);
    }

    public SupervisorNode withChildren(List<DesignNode> children) {
        return new SupervisorNode(id, label, notes, spec, init, strategy, maxRestarts, maxSeconds, autoShutdown, children);
    }
}
