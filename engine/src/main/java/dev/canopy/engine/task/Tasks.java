package dev.canopy.engine.task;

import dev.canopy.engine.process.CallReply;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.MailboxMark;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Ref;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.term.Term;

import java.util.List;

import static dev.canopy.engine.task.TaskReplies.exitReason;
import static dev.canopy.engine.task.TaskReplies.forget;
import static dev.canopy.engine.task.TaskReplies.replyOrDown;
import static dev.canopy.engine.task.TaskReplies.requireOwner;
import static dev.canopy.engine.task.TaskReplies.takeReply;

/**
 * Elixir's Task (1.14): async runs a function in a process linked to and monitored by the
 * caller; await, yield and shutdown collect its reply. A crashing task takes a non-trapping
 * caller with it through the link. Replies travel to a monitor alias, so one that arrives
 * after the caller stopped waiting is dropped instead of staying in its mailbox.
 */
public final class Tasks {
    public static final long DEFAULT_TIMEOUT_MS = 5000;

    private Tasks() {}

    public static <T> Task<T> async(ProcessContext ctx, TaskBody<T> body) {
        Pid pid = ctx.spawnLink(TaskProcess.replying(body));
        return TaskProcess.handOff(ctx, pid, false);
    }

    /** Task.await as a value: Ok(reply), or Exit with the reason Elixir would exit the caller with. */
    @SuppressWarnings("unchecked")
    public static <T> AwaitResult<T> await(ProcessContext ctx, Task<T> task, long timeoutMs) {
        requireOwner(ctx, task);
        var answer = ctx.receive(m -> replyOrDown(m, task.ref()), timeoutMs);
        Term subject = new Term.PidTerm(task.pid());
        if (answer.isEmpty()) {
            forget(ctx, task.ref());
            return new AwaitResult.Exit<>(exitReason(Term.TIMEOUT, "await", subject, timeoutMs));
        }
        return switch (answer.get()) {
            case CallReply r -> {
                forget(ctx, task.ref());
                yield new AwaitResult.Ok<>((T) r.value());
            }
            case Down d -> {
                ctx.unalias(task.ref());
                yield new AwaitResult.Exit<>(exitReason(d.reason(), "await", subject, timeoutMs));
            }
            default -> throw new IllegalStateException("unexpected " + answer.get());
        };
    }

    /** Task.await as Elixir has it: the reply, or the caller exits. */
    public static <T> T awaitOrExit(ProcessContext ctx, Task<T> task, long timeoutMs) {
        return switch (await(ctx, task, timeoutMs)) {
            case AwaitResult.Ok<T> ok -> ok.value();
            case AwaitResult.Exit<T> e -> throw ctx.exit(e.reason());
        };
    }

    /** Task.await_many: every reply in task order, or the first exit (all others are forgotten). */
    public static <T> AwaitResult<List<T>> awaitMany(ProcessContext ctx, List<Task<T>> tasks, long timeoutMs) {
        return TaskGroups.awaitMany(ctx, tasks, timeoutMs);
    }

    /** Task.await_many as Elixir has it: the replies, or the caller exits. */
    public static <T> List<T> awaitManyOrExit(ProcessContext ctx, List<Task<T>> tasks, long timeoutMs) {
        return switch (awaitMany(ctx, tasks, timeoutMs)) {
            case AwaitResult.Ok<List<T>> ok -> ok.value();
            case AwaitResult.Exit<List<T>> e -> throw ctx.exit(e.reason());
        };
    }

    /** Task.yield: the reply, the task's exit, or NoReplyYet (the task stays monitored; ask again). */
    @SuppressWarnings("unchecked")
    public static <T> YieldResult<T> yield(ProcessContext ctx, Task<T> task, long timeoutMs) {
        requireOwner(ctx, task);
        var answer = ctx.receive(m -> replyOrDown(m, task.ref()), timeoutMs);
        if (answer.isEmpty()) return new YieldResult.NoReplyYet<>();
        return switch (answer.get()) {
            case CallReply r -> {
                forget(ctx, task.ref());
                yield new YieldResult.Reply<>((T) r.value());
            }
            case Down d -> {
                ctx.unalias(task.ref());
                yield new YieldResult.Exited<>(d.reason());
            }
            default -> throw new IllegalStateException("unexpected " + answer.get());
        };
    }

    /** Task.yield_many: one result per task, in task order, after at most timeoutMs in all. */
    public static <T> List<YieldResult<T>> yieldMany(ProcessContext ctx, List<Task<T>> tasks, long timeoutMs) {
        return TaskGroups.yieldMany(ctx, tasks, timeoutMs);
    }

    public static <T> ShutdownResult<T> shutdown(ProcessContext ctx, Task<T> task) {
        return shutdown(ctx, task, new Shutdown.Timeout(DEFAULT_TIMEOUT_MS));
    }

    /**
     * Task.shutdown: unlink, send shutdown (or kill), wait up to the timeout, then kill.
     * Returns the reply if it arrived meanwhile; NoReply when the task stopped as asked;
     * Exited when it ended otherwise (crashed, or had to be killed after the timeout).
     * Unlink and exit run back to back: the caller handles no signal in between, so
     * Elixir's enforcer process is not needed.
     */
    @SuppressWarnings("unchecked")
    public static <T> ShutdownResult<T> shutdown(ProcessContext ctx, Task<T> task, Shutdown how) {
        requireOwner(ctx, task);
        boolean brutal = how instanceof Shutdown.BrutalKill;
        Term expected = brutal ? Term.KILLED : Term.SHUTDOWN;
        var mark = ctx.markMailbox(); // the DOWN carries the monitor's fresh ref: only newer messages can match
        Ref mon = ctx.monitor(task.pid());
        ctx.unlink(task.pid());
        ctx.exit(task.pid(), brutal ? Term.KILL : Term.SHUTDOWN);
        long wait = how instanceof Shutdown.Timeout t ? t.ms() : ProcessContext.INFINITY;
        Term reason = awaitDown(ctx, mark, mon, wait);
        if (reason == null) {
            ctx.exit(task.pid(), Term.KILL);
            reason = awaitDown(ctx, mark, mon, ProcessContext.INFINITY);
        }
        if (reason.equals(Term.NOPROC)) {
            // Gone before our monitor: the task's own DOWN, if still queued, says how it ended.
            reason = ctx.receive(m -> m instanceof Down d && d.ref().equals(task.ref()) ? d.reason() : null, 0)
                    .orElse(Term.NOPROC);
        }
        forgetKeepingReply(ctx, task.ref());
        var reply = takeReply(ctx, task.ref());
        if (reply.isPresent()) return new ShutdownResult.Replied<>((T) reply.get().value());
        return reason.equals(expected) ? new ShutdownResult.NoReply<>() : new ShutdownResult.Exited<>(reason);
    }

    /** Closes alias and monitor but leaves a reply that already arrived, for the caller to take. */
    private static void forgetKeepingReply(ProcessContext ctx, Ref ref) {
        ctx.unalias(ref);
        ctx.demonitor(ref, true);
    }

    private static Term awaitDown(ProcessContext ctx, MailboxMark mark, Ref mon, long timeoutMs) {
        return ctx.receiveAfter(mark, m -> m instanceof Down d && d.ref().equals(mon) ? d.reason() : null, timeoutMs).orElse(null);
    }
}
