package dev.canopy.diagrams.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.canopy.diagrams.design.LabAction;
import dev.canopy.engine.process.CallReply;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Ref;
import dev.canopy.engine.task.AwaitResult;
import dev.canopy.engine.task.Task;
import dev.canopy.engine.task.TaskBody;
import dev.canopy.engine.task.TaskSupervisors;
import dev.canopy.engine.task.Tasks;
import dev.canopy.engine.task.YieldResult;
import dev.canopy.engine.term.Term;

/**
 * The pattern lab's work, done inside a worker's own process on the engine (never drawn): a
 * fan-out of tasks collected three ways, a request whose trace id and deadline travel down a call
 * chain in per-process metadata, a job timed with both clocks, and the Elixir-habits
 * demonstrations. What it does is reported as log lines ({@link Note}) at the virtual time it
 * happened.
 */
final class LabWork {
    /** Cast to the worker: do this action. taskSupervisor: the path of the Task.Supervisor beside it ("" if none). */
    record Job(LabAction action, String taskSupervisor) {}

    /** A log line of the lab, about path, written by process by at engine time atMonotonicMs. */
    record Note(String path, Pid by, int incarnation, long atMonotonicMs, String text) {}

    /** The yield/async_nolink collector's one deadline (a send_after to itself). */
    record Deadline(Ref run) {}

    private final ProcessContext ctx;
    private final ProcessBook book;
    private final String path;
    /** When each shard's task finished (engine ms), written by the task: the scheduler runs one process at a time. */
    private final Map<Integer, Long> doneAt = new java.util.concurrent.ConcurrentHashMap<>();

    private LabWork(ProcessContext ctx, ProcessBook book, String path) {
        this.ctx = ctx;
        this.book = book;
        this.path = path;
    }

    /** Does the job inside the worker at path (called from its handle_cast). */
    static void perform(ProcessContext ctx, ProcessBook book, String path, Job job) {
        var lab = new LabWork(ctx, book, path);
        switch (job.action()) {
            case LabAction.FanOut f -> lab.fanOut(f, job.taskSupervisor());
            case LabAction.Request r -> RequestChain.begin(ctx, book, path, r);
            case LabAction.TimedJob t -> TimedJobs.run(ctx, book, path, t);
            case LabAction.RunDemo d -> lab.note(Demos.run(d.demo(), d.size()));
            case LabAction.JumpSystemTime j -> { } // the controller jumps the clock; no worker is involved
            case LabAction.Partition p -> { } // the network's steps are the session's: no worker is involved
            case LabAction.Heal h -> { }
            case LabAction.StopNode s -> { }
            case LabAction.StartNode s -> { }
            case LabAction.DelayLink d -> { }
            case LabAction.CallFrom c -> { } // a client process makes the call (SimController)
        }
    }

    void note(String text) { note(book, path, ctx, text); }

    static void note(ProcessBook book, String path, ProcessContext ctx, String text) {
        book.report(new Note(path, ctx.self(), book.incarnationOf(ctx.self()), ctx.monotonicMillis(), text));
    }

    // ---- fan-out ------------------------------------------------------------------------------

    private void fanOut(LabAction.FanOut f, String taskSupervisor) {
        long t0 = ctx.monotonicMillis();
        var tasks = new LinkedHashMap<Task<Term>, Integer>();
        Pid sup = f.collect() == LabAction.Collect.ASYNC_NOLINK ? book.latest(taskSupervisor) : null;
        if (f.collect() == LabAction.Collect.ASYNC_NOLINK && sup == null) {
            note("fan-out with async_nolink: no Task.Supervisor is running at " + taskSupervisor + ", so nothing was started");
            return;
        }
        for (int i = 0; i < f.shards().size(); i++) {
            int shard = i + 1, items = f.shards().get(i);
            TaskBody<Term> body = c -> shardWork(c, shard, items, f.itemMs());
            Task<Term> task = sup == null ? Tasks.async(ctx, body) : TaskSupervisors.asyncNolink(ctx, sup, body);
            book.label(task.pid(), "shard" + shard + " (" + f.collect().word + ")");
            tasks.put(task, shard);
        }
        note(f.collect().word + ": started " + tasks.size() + " tasks " + (sup == null ? "with Task.async (linked to "
                + name() + ")" : "with Task.Supervisor.async_nolink under " + taskSupervisor) + ", shards of "
                + f.shards() + " items, " + f.itemMs() + " ms per item");
        switch (f.collect()) {
            case AWAIT_MANY -> awaitMany(tasks, f, t0);
            case YIELD_MANY, ASYNC_NOLINK -> asTheyArrive(tasks, f, t0);
        }
    }

    /** A shard's real work: each item takes itemMs; the result is the items' average, which an empty shard cannot have. */
    private Term shardWork(ProcessContext c, int shard, int items, long itemMs) {
        long sum = 0;
        for (int k = 1; k <= items; k++) {
            c.sleep(itemMs);
            sum += (long) k * shard;
        }
        if (items == 0) {
            // Enum.sum([]) / length([]) raises ArithmeticError: the task dies with it.
            throw c.exit(Term.tuple(Term.atom("badarith"), Term.atom("average_of_an_empty_shard")));
        }
        doneAt.put(shard, c.monotonicMillis());
        return Term.tuple(Term.atom("shard" + shard), new Term.Int(sum / items));
    }

    private void awaitMany(Map<Task<Term>, Integer> tasks, LabAction.FanOut f, long t0) {
        switch (Tasks.awaitMany(ctx, List.copyOf(tasks.keySet()), f.deadlineMs())) {
            case AwaitResult.Ok<List<Term>> ok -> {
                for (var r : ok.value()) handled(r, t0);
                note("await_many: all " + ok.value().size() + " results handled at +" + (ctx.monotonicMillis() - t0)
                        + " ms, in submission order: the slowest task held up every result");
            }
            case AwaitResult.Exit<List<Term>> e -> {
                note("await_many gave up: " + SimObserver.reason(Term.head(e.reason())) + "; " + name() + " exits with it");
                throw ctx.exit(e.reason());
            }
        }
    }

    private void asTheyArrive(Map<Task<Term>, Integer> tasks, LabAction.FanOut f, long t0) {
        var pending = new LinkedHashMap<Ref, Task<Term>>();
        tasks.keySet().forEach(t -> pending.put(t.ref(), t));
        Ref run = ctx.makeRef();
        Ref timer = ctx.sendAfter(f.deadlineMs(), ctx.self(), new Deadline(run));
        boolean deadlinePassed = false;
        while (!pending.isEmpty() && !deadlinePassed) {
            Object m = ctx.receive(x -> x instanceof CallReply r && pending.containsKey(r.ref()) ? x
                    : x instanceof Down d && pending.containsKey(d.ref()) ? x
                    : x instanceof Deadline d && d.run().equals(run) ? x : null);
            switch (m) {
                case CallReply r -> {
                    ctx.unalias(r.ref());
                    ctx.demonitor(r.ref(), true);
                    pending.remove(r.ref());
                    handled((Term) r.value(), t0);
                }
                case Down d -> {
                    ctx.unalias(d.ref());
                    int shard = tasks.get(pending.remove(d.ref()));
                    note("shard" + shard + "'s task crashed with " + SimObserver.reason(d.reason()) + " at +" + (ctx.monotonicMillis() - t0)
                            + " ms: a DOWN message for " + name() + ", which carries on");
                }
                default -> deadlinePassed = true;
            }
        }
        if (deadlinePassed) {
            // Task.yield_many(rest, 0): a reply that came with the deadline is still taken; the rest are shut down.
            var rest = List.copyOf(pending.values());
            var last = Tasks.yieldMany(ctx, rest, 0);
            for (int i = 0; i < rest.size(); i++) {
                int shard = tasks.get(rest.get(i));
                switch (last.get(i)) {
                    case YieldResult.Reply<Term> r -> handled(r.value(), t0);
                    case YieldResult.Exited<Term> x -> note("shard" + shard + "'s task crashed with " + SimObserver.reason(x.reason()));
                    case YieldResult.NoReplyYet<Term> n -> {
                        Tasks.shutdown(ctx, rest.get(i));
                        note("deadline at +" + f.deadlineMs() + " ms: shard" + shard + " had no result yet; Task.shutdown stopped its task");
                    }
                }
            }
        } else {
            ctx.cancelTimer(timer);
            ctx.receive(x -> x instanceof Deadline d && d.run().equals(run) ? x : null, 0);
        }
        note(f.collect().word + ": done at +" + (ctx.monotonicMillis() - t0) + " ms; each result was handled as it arrived");
    }

    private void handled(Term result, long t0) {
        var t = (Term.Tuple) result;
        String shard = ((Term.Atom) t.elements().get(0)).name();
        long now = ctx.monotonicMillis();
        long done = doneAt.getOrDefault(Integer.parseInt(shard.substring("shard".length())), now);
        long waited = now - done;
        note("handled " + shard + " (average " + t.elements().get(1).render() + ") at +" + (now - t0) + " ms; its task finished at +"
                + (done - t0) + " ms" + (waited > 0 ? ", so it waited " + waited + " ms" : ""));
    }

    private String name() { return path.substring(path.lastIndexOf('/') + 1); }
}
