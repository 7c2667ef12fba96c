package dev.canopy.diagrams.sim;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.TaskSupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.dynamic.DynamicSupervisorFlags;
import dev.canopy.engine.dynamic.DynamicSupervisors;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.registry.Registries;
import dev.canopy.engine.registry.RegistryKeys;
import dev.canopy.engine.registry.RegistryVia;
import dev.canopy.engine.scenario.InitOutcome;
import dev.canopy.engine.supervisor.ChildSpec;
import dev.canopy.engine.supervisor.SupervisorFlags;
import dev.canopy.engine.supervisor.SupervisorInit;
import dev.canopy.engine.supervisor.Supervisors;

import java.util.List;
import java.util.Optional;

/** Turns design nodes into engine child specs whose processes record their path in the book. */
final class SimTree {
    private final Design design;
    private final ProcessBook book;
    /** "" on a single node; "b:" for node b's copy of the tree in a cluster (see {@link NodePaths}). */
    private final String prefix;
    /** The cluster this copy runs in, or null on a single node. */
    private final dev.canopy.engine.cluster.Cluster cluster;

    SimTree(Design design, ProcessBook book) {
        this(design, book, "", null);
    }

    SimTree(Design design, ProcessBook book, String prefix, dev.canopy.engine.cluster.Cluster cluster) {
        this.design = design;
        this.book = book;
        this.prefix = prefix;
        this.cluster = cluster;
    }

    StartResult startLink(ProcessContext parent, String path, DesignNode node) {
        return switch (node) {
            case WorkerNode w -> startWorker(parent, path, w);
            case SupervisorNode s -> Supervisors.startLink(parent, ctx -> {
                if (!supervisorInit(ctx, path, s.init())) return new SupervisorInit.Ignore();
                var flags = new SupervisorFlags(s.strategy(), s.maxRestarts(), s.maxSeconds(), s.autoShutdown());
                List<ChildSpec> children = s.children().stream().map(c -> childSpec(path + "/" + c.id(), c)).toList();
                return new SupervisorInit.Ok(flags, children);
            });
            case DynamicSupervisorNode d -> DynamicSupervisors.startLink(parent, ctx -> {
                if (!supervisorInit(ctx, path, d.init())) return Optional.empty();
                return Optional.of(new DynamicSupervisorFlags(d.maxRestarts(), d.maxSeconds(), d.maxChildren(), List.of()));
            });
            case TaskSupervisorNode t -> DynamicSupervisors.startLink(parent, ctx -> {
                book.beginInit(path, ctx.self());
                return Optional.of(new DynamicSupervisorFlags(t.maxRestarts(), t.maxSeconds(), t.maxChildren(), List.of()));
            });
            case RegistryNode r -> {
                var result = Registries.startLink(parent,
                        r.keys() == RegistryNode.Keys.UNIQUE ? RegistryKeys.UNIQUE : RegistryKeys.DUPLICATE, null);
                // The engine's registry knows nothing of paths; its starter notes the pid for it.
                if (result instanceof StartResult.Started s) book.beginInit(path, s.pid());
                yield result;
            }
        };
    }

    private StartResult startWorker(ProcessContext parent, String path, WorkerNode w) {
        if (w.naming() instanceof Naming.Via via) {
            var registry = registryPid(via.registryId());
            if (registry.isPresent()) return RegistryVia.startLink(parent, registry.get(), via.key(), () -> new SimWorker(book, path, w.sim(), w.label()));
        }
        if (cluster != null && w.naming() instanceof Naming.Global g) {
            return GenServers.startLink(parent, () -> new SimWorker(book, path, w.sim(), w.label(), new GlobalSeat(cluster, book, path, g.name())));
        }
        return GenServers.startLink(parent, () -> new SimWorker(book, path, w.sim(), w.label()));
    }

    private Optional<dev.canopy.engine.process.Pid> registryPid(String registryId) {
        for (var p : dev.canopy.diagrams.design.DesignPaths.allPaths(design)) {
            if (p.endsWith("/" + registryId) || p.equals(registryId)) {
                var pid = book.latest(prefix + p);
                if (pid != null) return Optional.of(pid);
            }
        }
        return Optional.empty();
    }

    ChildSpec childSpec(String path, DesignNode node) {
        var spec = node.spec();
        return new ChildSpec(node.id(), sup -> startLink(sup, path, node), spec.restart(), spec.shutdown(),
                node.kind().childType(), spec.significant(), spec.modules());
    }

    /** A supervisor's init as the design plays it: true to go on, false for ignore; crashes throw. */
    private boolean supervisorInit(ProcessContext ctx, String path, dev.canopy.engine.scenario.InitBehaviour init) {
        int n = book.beginInit(path, ctx.self());
        var outcome = book.takeFailNextInit(path) ? InitOutcome.CRASH : init.outcomeFor(n);
        return switch (outcome) {
            case OK -> true;
            case IGNORE -> false;
            case CRASH -> throw new IllegalStateException("init of " + path + " failed");
        };
    }
}
