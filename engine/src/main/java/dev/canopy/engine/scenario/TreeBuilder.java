package dev.canopy.engine.scenario;

import dev.canopy.engine.dynamic.DynamicSupervisorFlags;
import dev.canopy.engine.dynamic.DynamicSupervisors;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.supervisor.ChildSpec;
import dev.canopy.engine.supervisor.ChildType;
import dev.canopy.engine.supervisor.SupervisorFlags;
import dev.canopy.engine.supervisor.SupervisorInit;
import dev.canopy.engine.supervisor.Supervisors;

import java.util.List;
import java.util.Optional;

/** Turns scenario nodes into engine child specs whose processes report to the trace. */
final class TreeBuilder {
    private final TraceRecorder trace;

    TreeBuilder(TraceRecorder trace) { this.trace = trace; }

    /** start_link for the node at path, run by its parent (the driver for the root). */
    StartResult startLink(ProcessContext parent, String path, NodeSpec node) {
        return switch (node.kind()) {
            case WORKER -> GenServers.startLink(parent, () -> new ScenarioWorker(trace, path, node));
            case SUPERVISOR -> Supervisors.startLink(parent, ctx -> {
                if (!reportInit(ctx, path, node)) return new SupervisorInit.Ignore();
                var flags = new SupervisorFlags(node.strategy(), node.maxRestarts(), node.maxSeconds(), node.autoShutdown());
                List<ChildSpec> children = node.children().stream().map(c -> childSpec(path + "/" + c.id(), c)).toList();
                return new SupervisorInit.Ok(flags, children);
            });
            case DYNAMIC_SUPERVISOR -> DynamicSupervisors.startLink(parent, ctx -> {
                if (!reportInit(ctx, path, node)) return Optional.empty();
                return Optional.of(new DynamicSupervisorFlags(node.maxRestarts(), node.maxSeconds(), node.maxChildren(), List.of()));
            });
        };
    }

    ChildSpec childSpec(String path, NodeSpec node) {
        var type = node.isSupervisor() ? ChildType.SUPERVISOR : ChildType.WORKER;
        return new ChildSpec(node.id(), sup -> startLink(sup, path, node), node.restart(), node.shutdown(),
                type, node.significant(), List.of());
    }

    /** A supervisor's init callback reports like a worker's: true to go on, false for ignore. */
    private boolean reportInit(ProcessContext ctx, String path, NodeSpec node) {
        int n = trace.beginInit(path, ctx.self());
        return switch (node.init().outcomeFor(n)) {
            case OK -> {
                trace.started(ctx.self());
                yield true;
            }
            case IGNORE -> {
                trace.ignored(ctx.self());
                yield false;
            }
            case CRASH -> {
                trace.initFailed(ctx.self());
                throw new IllegalStateException("init of " + path + " crashed as the scenario says");
            }
        };
    }
}
