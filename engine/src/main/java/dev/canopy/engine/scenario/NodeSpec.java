package dev.canopy.engine.scenario;

import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.Strategy;

import java.util.List;

/**
 * One node of a scenario tree with every default already applied (FORMAT.md §1).
 * maxChildren is -1 for infinity. Child-spec fields are ignored on the root.
 */
public record NodeSpec(String id, NodeKind kind, InitBehaviour init, Restart restart, Shutdown shutdown,
                       boolean significant, boolean trapExit, long terminateMs, Strategy strategy,
                       int maxRestarts, int maxSeconds, AutoShutdown autoShutdown, int maxChildren,
                       List<NodeSpec> children) {
    public NodeSpec {
        children = List.copyOf(children);
    }

    /** A node with the format's defaults for its kind. */
    public static NodeSpec defaults(String id, NodeKind kind) {
        boolean dyn = kind == NodeKind.DYNAMIC_SUPERVISOR;
        return new NodeSpec(id, kind, InitBehaviour.OK, Restart.PERMANENT,
                kind == NodeKind.WORKER ? new Shutdown.Timeout(5000) : Shutdown.INFINITY,
                false, false, 0, Strategy.ONE_FOR_ONE, dyn ? 3 : 1, 5, AutoShutdown.NEVER, -1, List.of());
    }

    public boolean isSupervisor() { return kind != NodeKind.WORKER; }
}
