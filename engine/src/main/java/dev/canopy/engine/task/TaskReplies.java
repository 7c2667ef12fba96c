package dev.canopy.engine.task;

import dev.canopy.engine.process.CallReply;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Ref;
import dev.canopy.engine.term.Term;

import java.util.List;
import java.util.Optional;

/** Receiving a task's reply or DOWN, and forgetting a task so nothing of it stays queued. */
final class TaskReplies {
    private TaskReplies() {}

    /** The task's reply or its DOWN, whichever is first; null leaves other messages queued. */
    static Object replyOrDown(Object m, Ref ref) {
        if (m instanceof CallReply r && r.ref().equals(ref)) return r;
        if (m instanceof Down d && d.ref().equals(ref)) return d;
        return null;
    }

    /** Takes a reply already in the mailbox. */
    static Optional<CallReply> takeReply(ProcessContext ctx, Ref ref) {
        return ctx.receive(m -> m instanceof CallReply r && r.ref().equals(ref) ? r : null, 0);
    }

    /**
     * demonitor(ref, [:flush]) with the alias closed first: from then on a late reply is
     * dropped on arrival, and one that slipped into the mailbox is removed here.
     */
    static void forget(ProcessContext ctx, Ref ref) {
        ctx.unalias(ref);
        ctx.demonitor(ref, true);
        takeReply(ctx, ref);
    }

    static void requireOwner(ProcessContext ctx, Task<?> task) {
        if (!task.owner().equals(ctx.self())) {
            throw new IllegalArgumentException("task " + task + " must be queried from the owner but was queried from " + ctx.self());
        }
    }

    /** {Reason, {Task, Function, [Pid, Timeout]}}: where an await gave up, as Elixir's exits say. */
    static Term exitReason(Term reason, String function, Term subject, long timeoutMs) {
        return Term.tuple(reason, Term.tuple(Term.atom("Task"), Term.atom(function),
                new Term.TermList(List.of(subject, timeoutTerm(timeoutMs)))));
    }

    static Term timeoutTerm(long timeoutMs) {
        return timeoutMs == ProcessContext.INFINITY ? Term.atom("infinity") : new Term.Int(timeoutMs);
    }

    /** Time left until deadline, for receive; INFINITY stays INFINITY. */
    static long remaining(ProcessContext ctx, long deadline) {
        return deadline == ProcessContext.INFINITY ? ProcessContext.INFINITY : Math.max(0, deadline - ctx.monotonicMillis());
    }

    static long deadline(ProcessContext ctx, long timeoutMs) {
        return timeoutMs == ProcessContext.INFINITY ? ProcessContext.INFINITY : ctx.monotonicMillis() + timeoutMs;
    }
}
