package dev.canopy.engine.task;

import dev.canopy.engine.process.CallReply;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Ref;
import dev.canopy.engine.term.Term;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.canopy.engine.task.TaskReplies.deadline;
import static dev.canopy.engine.task.TaskReplies.exitReason;
import static dev.canopy.engine.task.TaskReplies.forget;
import static dev.canopy.engine.task.TaskReplies.remaining;
import static dev.canopy.engine.task.TaskReplies.requireOwner;

/** await_many and yield_many: one shared deadline, replies in whatever order they come. */
final class TaskGroups {
    private TaskGroups() {}

    @SuppressWarnings("unchecked")
    static <T> AwaitResult<List<T>> awaitMany(ProcessContext ctx, List<Task<T>> tasks, long timeoutMs) {
        tasks.forEach(t -> requireOwner(ctx, t));
        var pending = indexByRef(tasks);
        var replies = new ArrayList<T>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) replies.add(null);
        long deadline = deadline(ctx, timeoutMs);
        Term subject = new Term.TermList(tasks.stream().<Term>map(t -> new Term.PidTerm(t.pid())).toList());
        while (!pending.isEmpty()) {
            var answer = ctx.receive(m -> replyOrDownOfAny(m, pending), remaining(ctx, deadline));
            if (answer.isEmpty()) {
                pending.keySet().forEach(ref -> forget(ctx, ref));
                return new AwaitResult.Exit<>(exitReason(Term.TIMEOUT, "await_many", subject, timeoutMs));
            }
            switch (answer.get()) {
                case CallReply r -> {
                    forget(ctx, r.ref());
                    replies.set(pending.remove(r.ref()), (T) r.value());
                }
                case Down d -> {
                    ctx.unalias(d.ref());
                    pending.remove(d.ref());
                    pending.keySet().forEach(ref -> forget(ctx, ref));
                    return new AwaitResult.Exit<>(exitReason(d.reason(), "await_many", subject, timeoutMs));
                }
                default -> throw new IllegalStateException("unexpected " + answer.get());
            }
        }
        return new AwaitResult.Ok<>(replies);
    }

    @SuppressWarnings("unchecked")
    static <T> List<YieldResult<T>> yieldMany(ProcessContext ctx, List<Task<T>> tasks, long timeoutMs) {
        tasks.forEach(t -> requireOwner(ctx, t));
        var pending = indexByRef(tasks);
        var results = new ArrayList<YieldResult<T>>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) results.add(new YieldResult.NoReplyYet<>());
        long deadline = deadline(ctx, timeoutMs);
        while (!pending.isEmpty()) {
            var answer = ctx.receive(m -> replyOrDownOfAny(m, pending), remaining(ctx, deadline));
            if (answer.isEmpty()) break;
            switch (answer.get()) {
                case CallReply r -> {
                    forget(ctx, r.ref());
                    results.set(pending.remove(r.ref()), new YieldResult.Reply<>((T) r.value()));
                }
                case Down d -> {
                    ctx.unalias(d.ref());
                    results.set(pending.remove(d.ref()), new YieldResult.Exited<>(d.reason()));
                }
                default -> throw new IllegalStateException("unexpected " + answer.get());
            }
        }
        return results;
    }

    /** ref → position in the task list, in task order (forgetting the rest goes in that order). */
    private static Map<Ref, Integer> indexByRef(List<? extends Task<?>> tasks) {
        var index = new LinkedHashMap<Ref, Integer>();
        for (int i = 0; i < tasks.size(); i++) index.put(tasks.get(i).ref(), i);
        return index;
    }

    private static Object replyOrDownOfAny(Object m, Map<Ref, Integer> pending) {
        if (m instanceof CallReply r && pending.containsKey(r.ref())) return r;
        if (m instanceof Down d && pending.containsKey(d.ref())) return d;
        return null;
    }
}
