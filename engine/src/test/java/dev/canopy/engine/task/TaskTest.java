package dev.canopy.engine.task;

import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.Matcher;
import dev.canopy.engine.process.ProcessBody;
import dev.canopy.engine.runtime.Node;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class TaskTest {
    /** Runs body in a test process on a simulated node, for up to ms of virtual time. */
    private static Node run(long seed, long ms, ProcessBody body) {
        var node = Node.deterministic(seed);
        node.spawn(body);
        node.simulation().advance(ms);
        return node;
    }

    @Test
    void awaitReturnsTheTaskResult() {
        var log = new CopyOnWriteArrayList<Object>();
        var node = run(1, 0, ctx -> {
            var task = Tasks.async(ctx, c -> 40 + 2);
            log.add(Tasks.await(ctx, task, 5000));
            log.add(ctx.receive(Matcher.any(), 0).isEmpty());
        });
        assertThat(log).containsExactly(new AwaitResult.Ok<>(42), true);
        assertThat(node.processCount()).isZero();
    }

    @Test
    void awaitTimesOutAndTheLateReplyNeverReachesTheMailbox() {
        var log = new CopyOnWriteArrayList<Object>();
        run(2, 5000, ctx -> {
            long start = ctx.monotonicMillis();
            var task = Tasks.async(ctx, c -> {
                c.sleep(1000);
                return "late";
            });
            var result = (AwaitResult.Exit<String>) Tasks.await(ctx, task, 100);
            log.add(result.cause());
            log.add(result.reason().render());
            log.add(ctx.monotonicMillis() - start);
            ctx.sleep(2000);
            log.add(ctx.isAlive(task.pid()));
            log.add(ctx.receive(Matcher.any(), 0));
        });
        assertThat(log).containsExactly(Term.TIMEOUT, "{timeout,{Task,await,[pid,100]}}", 100L,
                false, java.util.Optional.empty());
    }

    @Test
    void aCrashingTaskTakesTheLinkedCallerDown() {
        var log = new CopyOnWriteArrayList<Object>();
        run(3, 0, ctx -> {
            var caller = ctx.spawnMonitor(c -> {
                var task = Tasks.async(c, t -> {
                    throw new IllegalStateException("boom");
                });
                Tasks.await(c, task, 5000);
                log.add("caller survived");
            });
            log.add(ctx.receive(m -> m instanceof Down d && d.ref().equals(caller.ref()) ? d.reason() : null));
        });
        assertThat(log).containsExactly(new Term.Crash(IllegalStateException.class.getName(), "boom"));
    }

    @Test
    void aTrappingCallerGetsAnExitValueAndTheExitMessage() {
        var log = new CopyOnWriteArrayList<Object>();
        var crash = new Term.Crash(IllegalStateException.class.getName(), "boom");
        run(4, 0, ctx -> {
            ctx.trapExit(true);
            var task = Tasks.<String>async(ctx, t -> {
                throw new IllegalStateException("boom");
            });
            var result = Tasks.await(ctx, task, 5000);
            log.add(result instanceof AwaitResult.Exit<String> e ? e.cause() : result);
            log.add(ctx.receive(Matcher.type(ExitMessage.class), 0).orElseThrow());
            log.add(task.pid());
        });
        assertThat(log).hasSize(3);
        assertThat(log.get(0)).isEqualTo(crash);
        assertThat(log.get(1)).isEqualTo(new ExitMessage((dev.canopy.engine.process.Pid) log.get(2), crash));
    }

    @Test
    void yieldGivesNoReplyYetThenTheValue() {
        var log = new CopyOnWriteArrayList<Object>();
        run(5, 1000, ctx -> {
            long start = ctx.monotonicMillis();
            var task = Tasks.async(ctx, c -> {
                c.sleep(100);
                return "done";
            });
            log.add(Tasks.yield(ctx, task, 10));
            log.add(Tasks.yield(ctx, task, 500));
            log.add(ctx.monotonicMillis() - start);
        });
        assertThat(log).containsExactly(new YieldResult.NoReplyYet<>(), new YieldResult.Reply<>("done"), 100L);
    }

    @Test
    void shutdownKillsATaskThatIgnoresTheShutdownSignal() {
        var log = new CopyOnWriteArrayList<Object>();
        var node = run(6, 20_000, ctx -> {
            var task = Tasks.async(ctx, c -> {
                c.trapExit(true);
                c.sleep(10_000);
                return "too late";
            });
            ctx.sleep(1);
            long start = ctx.monotonicMillis();
            log.add(Tasks.shutdown(ctx, task, new Shutdown.Timeout(100)));
            log.add(ctx.monotonicMillis() - start);
            log.add(ctx.isAlive(task.pid()));
        });
        assertThat(log).containsExactly(new ShutdownResult.Exited<>(Term.KILLED), 100L, false);
        assertThat(node.processCount()).isZero();
    }

    @Test
    void shutdownOfAnObedientTaskGivesNoReplyAndDoesNotKillTheCaller() {
        var log = new CopyOnWriteArrayList<Object>();
        run(7, 20_000, ctx -> {
            var slow = Tasks.async(ctx, c -> {
                c.sleep(10_000);
                return 1;
            });
            var brutal = Tasks.async(ctx, c -> {
                c.sleep(10_000);
                return 2;
            });
            log.add(Tasks.shutdown(ctx, slow));
            log.add(Tasks.shutdown(ctx, brutal, Shutdown.BRUTAL_KILL));
            log.add("caller alive");
        });
        assertThat(log).containsExactly(new ShutdownResult.NoReply<>(), new ShutdownResult.NoReply<>(), "caller alive");
    }

    @Test
    void shutdownWithACrowdedMailboxTakesOnlyItsOwnDownAndKeepsTheRestInOrder() {
        // Shutdown waits for its DOWN past the messages already queued (a receive marker): they
        // must stay, in order, and an older DOWN of another monitor must not be taken for it.
        var log = new CopyOnWriteArrayList<Object>();
        run(9, 20_000, ctx -> {
            var other = ctx.spawn(c -> { });
            var otherRef = ctx.monitor(other);
            ctx.sleep(1); // the other DOWN is queued now, before the task starts
            for (int i = 0; i < 500; i++) ctx.send(ctx.self(), i);
            var task = Tasks.async(ctx, c -> {
                c.trapExit(true);
                c.sleep(10_000);
                return "too late";
            });
            ctx.sleep(1);
            log.add(Tasks.shutdown(ctx, task, new Shutdown.Timeout(100)));
            var down = ctx.receive(Matcher.type(Down.class), 0);
            log.add(down.map(d -> d.ref().equals(otherRef)).orElse(false));
            var rest = new java.util.ArrayList<Object>();
            while (true) {
                var m = ctx.receive(Matcher.any(), 0);
                if (m.isEmpty()) break;
                rest.add(m.get());
            }
            log.add(rest.equals(java.util.stream.IntStream.range(0, 500).boxed().toList()));
        });
        assertThat(log).containsExactly(new ShutdownResult.Exited<>(Term.KILLED), true, true);
    }

    @Test
    void shutdownReturnsAReplyThatAlreadyArrived() {
        var log = new CopyOnWriteArrayList<Object>();
        run(8, 1000, ctx -> {
            var task = Tasks.async(ctx, c -> "quick");
            ctx.sleep(10);
            log.add(Tasks.shutdown(ctx, task));
            log.add(ctx.receive(Matcher.any(), 0).isEmpty());
        });
        assertThat(log).containsExactly(new ShutdownResult.Replied<>("quick"), true);
    }

    @Test
    void awaitManyAndYieldManyKeepTaskOrder() {
        var log = new CopyOnWriteArrayList<Object>();
        run(9, 10_000, ctx -> {
            var tasks = List.of(delayed(ctx, 30, "a"), delayed(ctx, 10, "b"), delayed(ctx, 20, "c"));
            log.add(Tasks.awaitMany(ctx, tasks, 1000));
            var mixed = List.of(delayed(ctx, 5000, "slow"), delayed(ctx, 10, "fast"));
            log.add(Tasks.yieldMany(ctx, mixed, 100));
            log.add(Tasks.shutdown(ctx, mixed.get(0), Shutdown.BRUTAL_KILL));
            var again = List.of(delayed(ctx, 10, "x"), delayed(ctx, 5000, "y"));
            var timedOut = (AwaitResult.Exit<List<String>>) Tasks.awaitMany(ctx, again, 100);
            log.add(timedOut.cause());
            ctx.sleep(6000);
            log.add(ctx.receive(Matcher.any(), 0).isEmpty());
        });
        assertThat(log).containsExactly(new AwaitResult.Ok<>(List.of("a", "b", "c")),
                List.of(new YieldResult.NoReplyYet<>(), new YieldResult.Reply<>("fast")),
                new ShutdownResult.NoReply<>(), Term.TIMEOUT, true);
    }

    private static Task<String> delayed(dev.canopy.engine.process.ProcessContext ctx, long ms, String value) {
        return Tasks.async(ctx, c -> {
            c.sleep(ms);
            return value;
        });
    }
}
