package dev.canopy.engine.task;

import dev.canopy.engine.dynamic.DynamicSupervisorFlags;
import dev.canopy.engine.dynamic.DynamicSupervisorModule;
import dev.canopy.engine.dynamic.DynamicSupervisors;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessBody;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.supervisor.ChildInfo;
import dev.canopy.engine.supervisor.ChildResult;
import dev.canopy.engine.supervisor.ChildSpec;
import dev.canopy.engine.supervisor.Reply;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;

import java.util.List;
import java.util.Objects;

/**
 * Elixir's Task.Supervisor: a DynamicSupervisor whose children are temporary task
 * processes (shutdown 5000 ms). async_nolink tasks are monitored by the caller but not
 * linked to it, so a crash comes back as an exit value instead of killing the caller.
 */
public final class TaskSupervisors {
    private static final DynamicSupervisorModule MODULE = DynamicSupervisorModule.of(DynamicSupervisorFlags.DEFAULT);

    private TaskSupervisors() {}

    public static StartResult startLink(ProcessContext ctx) {
        return DynamicSupervisors.startLink(ctx, MODULE);
    }

    public static StartResult startLink(ProcessContext ctx, String name) {
        return DynamicSupervisors.startLink(ctx, MODULE, name);
    }

    public static ChildSpec childSpec(String id) {
        return DynamicSupervisors.childSpec(id, MODULE);
    }

    /** A task supervisor child that also registers a local name. */
    public static ChildSpec childSpec(String id, String name) {
        Objects.requireNonNull(name, "name");
        return ChildSpec.supervisor(id, sup -> startLink(sup, name));
    }

    /** Task.Supervisor.start_child: fire and forget; the result of body is dropped. */
    public static Reply<ChildResult> startChild(ProcessContext ctx, Pid sup, TaskBody<?> body) {
        return DynamicSupervisors.startChild(ctx, sup, taskSpec(TaskProcess.detached(body)));
    }

    /**
     * Task.Supervisor.async_nolink. Like Elixir (whose {:ok, pid} match would fail), the
     * caller exits when the supervisor cannot start the task.
     */
    public static <T> Task<T> asyncNolink(ProcessContext ctx, Pid sup, TaskBody<T> body) {
        return TaskProcess.handOff(ctx, startReplying(ctx, sup, body), false);
    }

    /** Task.Supervisor.async: supervised, and also linked to the caller (the task links itself). */
    public static <T> Task<T> async(ProcessContext ctx, Pid sup, TaskBody<T> body) {
        return TaskProcess.handOff(ctx, startReplying(ctx, sup, body), true);
    }

    /** Task.Supervisor.children: the pids of the running tasks. */
    public static List<Pid> children(ProcessContext ctx, Pid sup) {
        return switch (DynamicSupervisors.whichChildren(ctx, sup)) {
            case Reply.Ok<List<ChildInfo>> ok -> ok.value().stream().map(ChildInfo::pid).filter(Objects::nonNull).toList();
            case Reply.Exited<List<ChildInfo>> e -> throw ctx.exit(e.reason());
        };
    }

    public static Reply<ChildResult> terminateChild(ProcessContext ctx, Pid sup, Pid task) {
        return DynamicSupervisors.terminateChild(ctx, sup, task);
    }

    private static Pid startReplying(ProcessContext ctx, Pid sup, TaskBody<?> body) {
        return switch (DynamicSupervisors.startChild(ctx, sup, taskSpec(TaskProcess.replying(body)))) {
            case Reply.Ok<ChildResult> ok when ok.value() instanceof ChildResult.Started s -> s.pid();
            case Reply.Ok<ChildResult> ok when ok.value() instanceof ChildResult.Error e -> throw ctx.exit(e.reason());
            case Reply.Ok<ChildResult> ok -> throw new IllegalStateException("task start gave " + ok.value());
            case Reply.Exited<ChildResult> e -> throw ctx.exit(e.reason());
        };
    }

    /** Runs in the supervisor: the task is spawned linked to it, like Task.Supervised.start_link. */
    private static ChildSpec taskSpec(ProcessBody body) {
        return ChildSpec.worker("task", sup -> new StartResult.Started(sup.spawnLink(body)))
                .withRestart(Restart.TEMPORARY)
                .withShutdown(new Shutdown.Timeout(5000));
    }
}
