package dev.canopy.diagrams.sim;

import java.util.List;
import java.util.stream.Collectors;

import dev.canopy.diagrams.design.CallPlan;
import dev.canopy.diagrams.sim.CallerPolicy.Instruction;
import dev.canopy.diagrams.sim.CallerPolicy.Result;
import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.term.Term;

/**
 * The temporal half of a caller (lessons 2 and 5): every {@code every_ms} it calls its target with a
 * GenServer call, hands the tagged result to the pure {@link CallerPolicy} and carries out the
 * instructions it returns: a retry is a {@code send_after} timer, a queue is kept in the state and
 * sent when the service answers again, a drop is counted, an alarm is raised and cleared. Every
 * decision is logged twice: {@code domain:} what the policy returned, {@code server:} what was done.
 */
final class SimCaller {
    /** What the caller holds between messages (part of its worker's state). */
    static final class Held {
        int requests;
        int queued;
        boolean alarm;
        int dropped;
        int gaveUp;
        int pendingRetries;
    }

    record CallTick() {}

    /** Call again for request {@code request}, attempt {@code attempt}. */
    record Retry(int request, int attempt) {}

    private final ProcessBook book;
    private final LessonBook lessons;
    private final String path;
    private final CallPlan plan;
    private final String module;

    SimCaller(ProcessBook book, String path, CallPlan plan, String label) {
        this.book = book;
        this.lessons = book.lessons;
        this.path = path;
        this.plan = plan;
        String base = label == null || label.isBlank() ? path.substring(path.lastIndexOf('/') + 1) : label;
        this.module = base + ".Policy";
    }

    void start(ProcessContext ctx) {
        ctx.sendAfter(plan.everyMs(), ctx.self(), new CallTick());
        lessons.status(path, plan.policy().word());
    }

    void tick(ProcessContext ctx, Held held) {
        ctx.sendAfter(plan.everyMs(), ctx.self(), new CallTick());
        request(ctx, ++held.requests, 1, held);
    }

    void retry(ProcessContext ctx, Retry r, Held held) {
        held.pendingRetries--;
        lessons.server(path, ctx.monotonicMillis(), "timer fired: request #" + r.request() + ", attempt " + r.attempt());
        request(ctx, r.request(), r.attempt(), held);
    }

    private void request(ProcessContext ctx, int id, int attempt, Held held) {
        Result result = call(ctx);
        long now = ctx.monotonicMillis();
        List<Instruction> todo = CallerPolicy.decide(plan, result, attempt, held.queued, held.alarm);
        boolean plain = result instanceof Result.Ok && todo.size() == 1 && attempt == 1;
        if (plain) {
            lessons.server(path, now, "request #" + id + ": " + result.render());
        } else {
            lessons.domain(path, now, CallerPolicy.call(module, result, attempt) + " returns " + render(todo));
        }
        for (Instruction i : todo) carryOut(ctx, id, attempt, i, held);
        lessons.status(path, status(held));
    }

    private static String render(List<Instruction> todo) {
        return todo.size() == 1 ? todo.getFirst().render() : todo.stream().map(Instruction::render).collect(Collectors.joining(", ", "[", "]"));
    }

    private void carryOut(ProcessContext ctx, int id, int attempt, Instruction i, Held held) {
        long now = ctx.monotonicMillis();
        switch (i) {
            case Instruction.Done d -> {
                if (attempt > 1) lessons.server(path, now, "request #" + id + " succeeded on attempt " + attempt);
            }
            case Instruction.RetryIn r -> {
                ctx.sendAfter(r.ms(), ctx.self(), new Retry(id, r.attempt()));
                held.pendingRetries++;
                lessons.server(path, now, "timer set for " + r.ms() + " ms (send_after): request #" + id + ", attempt "
                        + r.attempt() + " at " + lessons.sinceStart(now + r.ms()) + " ms");
            }
            case Instruction.GiveUp g -> {
                held.gaveUp++;
                lessons.server(path, now, "gave up on request #" + id + " after " + g.attempts() + " attempts");
            }
            case Instruction.Enqueue e -> {
                held.queued++;
                lessons.server(path, now, "kept request #" + id + " in its queue (" + held.queued + " waiting)");
            }
            case Instruction.Flush f -> flush(ctx, f.count(), held);
            case Instruction.Drop d -> {
                held.dropped++;
                lessons.server(path, now, "dropped request #" + id + " (" + held.dropped + " dropped so far)");
            }
            case Instruction.RaiseAlarm a -> {
                if (!held.alarm) lessons.server(path, now, "ALARM raised: " + plan.target() + " answers {:error, :" + a.reason() + "}");
                held.alarm = true;
            }
            case Instruction.ClearAlarm c -> {
                held.alarm = false;
                lessons.server(path, now, "alarm cleared: " + plan.target() + " answers again");
            }
        }
    }

    /** Sends the kept requests one by one; one that fails again stays kept, with those after it. */
    private void flush(ProcessContext ctx, int count, Held held) {
        int sent = 0;
        for (int k = 0; k < count; k++) {
            if (call(ctx) instanceof Result.Error) break;
            held.queued--;
            sent++;
        }
        lessons.server(path, ctx.monotonicMillis(), "sent " + sent + " of " + count + " kept requests"
                + (held.queued > 0 ? "; " + held.queued + " still waiting" : ""));
    }

    /** One GenServer call to the target's latest incarnation; an exit (timeout, noproc) is caught as an error. */
    private Result call(ProcessContext ctx) {
        var pid = book.latest(plan.target());
        if (pid == null) return new Result.Error("noproc");
        return switch (GenServers.call(ctx, pid, new SimWorker.Request(), plan.timeoutMs())) {
            case CallResult.Replied r -> tagged(r.value());
            case CallResult.Exited x -> new Result.Error(Term.head(x.reason()).render());
        };
    }

    private static Result tagged(Object reply) {
        if (reply instanceof Term.Tuple t && t.size() == 2 && t.get(0) instanceof Term.Atom a) {
            if (a.name().equals("error")) return new Result.Error(t.get(1).render());
            if (a.name().equals("ok")) return new Result.Ok(t.get(1).render());
        }
        return new Result.Ok(reply instanceof Term term ? term.render() : String.valueOf(reply));
    }

    private String status(Held held) {
        return switch (plan.policy()) {
            case RETRY -> held.pendingRetries > 0 ? "retrying" : held.gaveUp > 0 ? "gave up " + held.gaveUp : "retry";
            case QUEUE -> held.queued > 0 ? "queue " + held.queued : "queue";
            case IGNORE -> held.dropped > 0 ? "dropped " + held.dropped : "ignore";
            case ALERT -> held.alarm ? "ALARM" : "alert";
        };
    }
}
