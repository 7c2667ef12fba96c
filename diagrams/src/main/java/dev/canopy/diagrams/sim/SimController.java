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
    record Started(StartResult result, long atMonotonicMs) {}

    private final Design design;
    private final ProcessBook book;
    private final SimTree tree;
    private final Consumer<Object> report;

    SimController(Design design, ProcessBook book, Consumer<Object> report) {
        this.design = design;
        this.book = book;
        this.tree = new SimTree(design, book);
        this.report = report;
    }

    void run(ProcessContext ctx) {
        ctx.trapExit(true);
        var result = tree.startLink(ctx, design.root().id(), design.root());
        report.accept(new Started(result, ctx.monotonicMillis()));
        while (true) {
            var message = ctx.receive();
            if (message instanceof SimInput input) perform(ctx, input);
        }
    }

    private void perform(ProcessContext ctx, SimInput input) {
        var pid = book.latest(input.target());
        if (pid == null && !(input instanceof SimInput.FailNextInit)) return;
        switch (input) {
            case SimInput.Kill k -> ctx.exit(pid, Term.KILL);
            case SimInput.Exit e -> ctx.exit(pid, e.reason());
            case SimInput.Stop st -> GenServers.cast(ctx, pid, new SimWorker.Stop(st.reason()));
            case SimInput.Raise r when isTask(r.target()) -> ctx.exit(pid, TASK_CRASH); // a task is no gen_server: it dies raising
            case SimInput.Raise r -> GenServers.cast(ctx, pid, new SimWorker.Raise());
            case SimInput.FailNextInit f -> book.failNextInit(f.target());
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
                report.accept(new CallAnswered(c.target(), client.monotonicMillis(), "call to " + c.target() + " " + switch (result) {
                    case CallResult.Replied r -> "answered after " + took + " ms";
                    case CallResult.Exited x -> "failed after " + took + " ms: the caller would exit with "
                            + SimObserver.reason(Term.head(x.reason()));
                }));
            });
            case SimInput.StartDynamicChild s -> startDynamicChild(ctx, pid, s.target(), s.childId());
            case SimInput.TerminateChild t -> {
                // A DynamicSupervisor's children have no ids: it terminates by pid (as the scenario driver does).
                boolean dynamic = DesignPaths.find(design, t.target()).orElse(null) instanceof DynamicSupervisorNode;
                Pid child = book.latest(t.target() + "/" + t.childId());
                if (dynamic && child == null) {
                    answered(ctx, t.target(), "terminate_child " + t.childId() + " => {error,not_found}");
                } else {
                    answered(ctx, t.target(), "terminate_child " + t.childId() + " => " + render(dynamic
                            ? DynamicSupervisors.terminateChild(ctx, pid, child)
                            : Supervisors.terminateChild(ctx, pid, t.childId())));
                }
            }
            case SimInput.RestartChild r -> answered(ctx, r.target(),
                    "restart_child " + r.childId() + " => " + render(Supervisors.restartChild(ctx, pid, r.childId())));
            case SimInput.DeleteChild d -> answered(ctx, d.target(),
                    "delete_child " + d.childId() + " => " + render(Supervisors.deleteChild(ctx, pid, d.childId())));
            case SimInput.StartDynamicChildren s -> {
                for (int i = 0; i < s.count(); i++) startDynamicChild(ctx, pid, s.target(), "");
            }
            case SimInput.StopTree s -> ctx.exit(book.latest(design.root().id()), Term.SHUTDOWN);
            case SimInput.Lab l -> LabInputs.perform(ctx, design, book, pid, l.action());
        }
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
        return DesignPaths.parentPath(path).flatMap(p -> DesignPaths.find(design, p)).map(n -> n instanceof TaskSupervisorNode).orElse(false);
    }

    /** atMonotonicMs: when the call ended (engine clock), so the log line carries that time. */
    record CallAnswered(String target, long atMonotonicMs, String text) {}

    /** childId names the child (and its via key); empty: the template's id numbered. */
    private void startDynamicChild(ProcessContext ctx, Pid sup, String path, String childId) {
        var node = DesignPaths.find(design, path).orElse(null);
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
