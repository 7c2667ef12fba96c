package dev.canopy.diagrams.sim;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.TaskSupervisorNode;
import dev.canopy.engine.dynamic.DynamicSupervisors;
import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.supervisor.ChildResult;
import dev.canopy.engine.supervisor.ChildSpec;
import dev.canopy.engine.supervisor.ChildType;
import dev.canopy.engine.supervisor.Reply;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Supervisors;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.term.Term;

import java.util.List;
import java.util.function.Consumer;

/**
 * The process that starts the design's root (so it is the root's parent, like an
 * application master) and carries out inputs inside the node. It traps exits so that a root
 * which gives up does not take it down.
 */
final class SimController {
    /** Reported once the root's start_link returned, at atMonotonicMs (engine clock). */
    record Started(String rootPath, StartResult result, long atMonotonicMs) {}

    private final Design design;
    private final ProcessBook book;
    private final SimTree tree;
    private final Consumer<Object> report;
    /** "" on a single node; "b:" for the controller of node b in a cluster (see {@link NodePaths}). */
    private final String prefix;
    /** The cluster, or null on a single node. */
    private final dev.canopy.engine.cluster.Cluster cluster;

    SimController(Design design, ProcessBook book, Consumer<Object> report) {
        this(design, book, report, "", null);
    }

    SimController(Design design, ProcessBook book, Consumer<Object> report, String prefix, dev.canopy.engine.cluster.Cluster cluster) {
        this.design = design;
        this.book = book;
        this.tree = new SimTree(design, book, prefix, cluster);
        this.report = report;
        this.prefix = prefix;
        this.cluster = cluster;
    }

    /** A target of this node's tree: a plain design path (a fault script's) means this node's copy. */
    private String local(String target) {
        return prefix.isEmpty() || NodePaths.nodeOf(target).isPresent() ? target : prefix + target;
    }

    void run(ProcessContext ctx) {
        ctx.trapExit(true);
        boot(ctx);
        while (true) {
            var message = ctx.receive();
            if (message instanceof SimInput input) perform(ctx, input);
            if (message instanceof Boot) boot(ctx);
        }
    }

    /** Sent to a node's controller when its node comes back up (a cluster run): it starts the tree again. */
    record Boot() {}

    private void boot(ProcessContext ctx) {
        var rootPath = prefix + design.root().id();
        var result = tree.startLink(ctx, rootPath, design.root());
        report.accept(new Started(rootPath, result, ctx.monotonicMillis()));
    }

    private void perform(ProcessContext ctx, SimInput input) {
        String target = local(input.target());
        if (input instanceof SimInput.Lab l && l.action() instanceof dev.canopy.diagrams.design.LabAction.CallFrom c) {
            callFrom(ctx, c);
            return;
        }
        var pid = book.latest(target);
        if (pid == null && !(input instanceof SimInput.FailNextInit) && !(input instanceof SimInput.DependencyDown)
                && !(input instanceof SimInput.DependencyUp)) return;
        switch (input) {
            case SimInput.Kill k -> ctx.exit(pid, Term.KILL);
            case SimInput.Exit e -> ctx.exit(pid, e.reason());
            case SimInput.Stop st -> GenServers.cast(ctx, pid, new SimWorker.Stop(st.reason()));
            case SimInput.Raise r when isTask(target) -> ctx.exit(pid, TASK_CRASH); // a task is no gen_server: it dies raising
            case SimInput.Raise r -> GenServers.cast(ctx, pid, new SimWorker.Raise());
            case SimInput.FailNextInit f -> book.failNextInit(target);
            case SimInput.Hang h -> GenServers.cast(ctx, pid, new SimWorker.Hang(h.ms()));
            case SimInput.Flood f -> {
                for (int i = 0; i < f.count(); i++) ctx.send(pid, new SimWorker.Incoming("flood"));
            }
            case SimInput.SlowTerminate s -> GenServers.cast(ctx, pid, new SimWorker.SlowTerminate(s.ms()));
            case SimInput.Send s -> ctx.send(pid, new SimWorker.Incoming(s.message()));
            case SimInput.Call c -> ctx.spawn(client -> {
                long t0 = client.monotonicMillis();
                var result = GenServers.call(client, pid, new SimWorker.Request(), c.timeoutMs());
                long took = client.monotonicMillis() - t0;
                report.accept(new CallAnswered(target, client.monotonicMillis(), "call to " + target + " " + switch (result) {
                    case CallResult.Replied r -> "answered " + (Term.atom("ok").equals(r.value()) ? "" : reply(r.value()) + " ")
                            + "after " + took + " ms";
                    case CallResult.Exited x -> "failed after " + took + " ms: the caller would exit with "
                            + SimObserver.reason(Term.head(x.reason()));
                }));
            });
            case SimInput.StartDynamicChild s -> startDynamicChild(ctx, pid, target, s.childId());
            case SimInput.TerminateChild t -> {
                // A DynamicSupervisor's children have no ids: it terminates by pid (as the scenario driver does).
                boolean dynamic = DesignPaths.find(design, NodePaths.designPath(target)).orElse(null) instanceof DynamicSupervisorNode;
                Pid child = book.latest(target + "/" + t.childId());
                if (dynamic && child == null) {
                    answered(ctx, target, "terminate_child " + t.childId() + " => {error,not_found}");
                } else {
                    answered(ctx, target, "terminate_child " + t.childId() + " => " + render(dynamic
                            ? DynamicSupervisors.terminateChild(ctx, pid, child)
                            : Supervisors.terminateChild(ctx, pid, t.childId())));
                }
            }
            case SimInput.RestartChild r -> answered(ctx, target,
                    "restart_child " + r.childId() + " => " + render(Supervisors.restartChild(ctx, pid, r.childId())));
            case SimInput.DeleteChild d -> answered(ctx, target,
                    "delete_child " + d.childId() + " => " + render(Supervisors.deleteChild(ctx, pid, d.childId())));
            case SimInput.StartDynamicChildren s -> {
                for (int i = 0; i < s.count(); i++) startDynamicChild(ctx, pid, target, "");
            }
            case SimInput.StopTree s -> ctx.exit(book.latest(prefix + design.root().id()), Term.SHUTDOWN);
            // The dependency's state outlives the worker's restarts; the running worker is told it is gone.
            case SimInput.DependencyDown d -> {
                if (book.lessons.takeDown(d.target()) && pid != null) ctx.send(pid, new SimWorker.DependencyLost());
            }
            case SimInput.DependencyUp u -> book.lessons.bringUp(u.target());
            case SimInput.Lab l -> LabInputs.perform(ctx, design, book, pid, l.action(), prefix);
        }
    }

    /** A reply other than a plain ok, as the log shows it ({error,not_connected}). */
    private static String reply(Object value) {
        return value instanceof Term t ? t.render() : String.valueOf(value);
    }

    private void answered(ProcessContext ctx, String supervisor, String text) {
        report.accept(new SupervisorAnswered(supervisor, ctx.monotonicMillis(), text));
    }

    private static String render(Reply<ChildResult> reply) {
        return switch (reply) {
            case Reply.Ok<ChildResult> ok -> ok.value().render();
            case Reply.Exited<ChildResult> x -> "the caller would exit with " + SimObserver.reason(Term.head(x.reason()));
        };
    }

    /** A supervisor call of the fault script (terminate/restart/delete_child) returned; atMonotonicMs: when. */
    record SupervisorAnswered(String supervisor, long atMonotonicMs, String text) {}

    /** What a task that raises exits with, as a trace renders an exception. */
    static final Term TASK_CRASH = Term.atom("error");

    /** True for a child started under a Task.Supervisor (a plain process running the task). */
    private boolean isTask(String path) {
        return DesignPaths.parentPath(NodePaths.designPath(path)).flatMap(p -> DesignPaths.find(design, p)).map(n -> n instanceof TaskSupervisorNode).orElse(false);
    }

    /**
     * A client on this node calls the worker c names: through its global name when it has one
     * (looked up on this node, so the far side of a cut finds its own copy or none), else this
     * node's copy; with to_node, that node's copy ({name, :"a@host"}: a store pinned to one node, a
     * key's owner). The answer or the caller's exit reason is logged.
     */
    private void callFrom(ProcessContext ctx, dev.canopy.diagrams.design.LabAction.CallFrom c) {
        var worker = DesignPaths.find(design, c.target()).orElse(null);
        // A call addressed to a node ({name, :"a@host"}) goes to that node's copy, never through global.
        var global = c.toNode().isEmpty() && worker instanceof dev.canopy.diagrams.design.WorkerNode w
                && w.naming() instanceof dev.canopy.diagrams.design.Naming.Global g ? g.name() : null;
        String target = c.toNode().isEmpty() ? local(c.target()) : NodePaths.qualify(c.toNode(), c.target());
        ctx.spawn(client -> {
            long t0 = client.monotonicMillis();
            String via = global == null ? target : "{:global, " + global + "}";
            Pid callee = global == null ? book.latest(target) : cluster.whereisGlobal(cluster.nodeOf(client.self()), global).orElse(null);
            CallResult result;
            if (global != null) {
                result = cluster.global().call(client, global, new SimWorker.Request(), c.timeoutMs());
            } else if (callee == null) {
                result = new CallResult.Exited(Term.NOPROC);
            } else {
                result = GenServers.call(client, callee, new SimWorker.Request(), c.timeoutMs());
            }
            long took = client.monotonicMillis() - t0;
            String from = "a client on " + cluster.nodeOf(client.self()) + " called " + via;
            report.accept(new CallAnswered(target, client.monotonicMillis(), from + switch (result) {
                case CallResult.Replied r -> ": answered by " + callee + " on " + cluster.nodeOf(callee) + " after " + took + " ms";
                case CallResult.Exited x -> ": failed after " + took + " ms, the caller would exit with " + SimObserver.reason(Term.head(x.reason()))
                        + (callee == null ? " (no " + via + " is known on " + cluster.nodeOf(client.self()) + ")" : "");
            }));
        });
    }

    /** atMonotonicMs: when the call ended (engine clock), so the log line carries that time. */
    record CallAnswered(String target, long atMonotonicMs, String text) {}

    /** childId names the child (and its via key); empty: the template's id numbered. */
    private void startDynamicChild(ProcessContext ctx, Pid sup, String path, String childId) {
        var node = DesignPaths.find(design, NodePaths.designPath(path)).orElse(null);
        int n = book.nextDynamicChild(path);
        switch (node) {
            case DynamicSupervisorNode d when d.childTemplate().isPresent() -> {
                var base = d.childTemplate().get();
                var template = base.withId(childId.isEmpty() ? base.id() + "_" + n : childId);
                // Each on-demand child is a different user/key: registering all under the template's
                // one key would make every child after the first fail with already_started.
                if (base.naming() instanceof dev.canopy.diagrams.design.Naming.Via via) {
                    template = template.withNaming(new dev.canopy.diagrams.design.Naming.Via(via.registryId(),
                            childId.isEmpty() ? via.key() + "_" + n : childId));
                }
                DynamicSupervisors.startChild(ctx, sup, tree.childSpec(path + "/" + template.id(), template));
            }
            case TaskSupervisorNode t -> {
                String taskId = childId.isEmpty() ? "task_" + n : childId;
                String childPath = path + "/" + taskId;
                var spec = new ChildSpec(taskId, s -> {
                    var task = s.spawnLink(c -> {
                        book.beginInit(childPath, c.self());
                        c.sleep(500 + c.random().nextInt(1000));
                    });
                    return new StartResult.Started(task);
                }, Restart.TEMPORARY, new Shutdown.Timeout(5000), ChildType.WORKER, false, List.of());
                DynamicSupervisors.startChild(ctx, sup, spec);
            }
            case null, default -> { }
        }
    }
}
