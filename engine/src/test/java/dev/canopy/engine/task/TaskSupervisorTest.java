package dev.canopy.engine.task;

import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Matcher;
import dev.canopy.engine.runtime.Node;
import dev.canopy.engine.supervisor.ChildResult;
import dev.canopy.engine.supervisor.Reply;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class TaskSupervisorTest {
    @Test
    void asyncNolinkCrashComesBackAsAnExitValue() {
        var node = Node.deterministic(11);
        var log = new CopyOnWriteArrayList<Object>();
        node.spawn(ctx -> {
            var sup = ((StartResult.Started) TaskSupervisors.startLink(ctx)).pid();
            var ok = TaskSupervisors.asyncNolink(ctx, sup, c -> "fine");
            var bad = TaskSupervisors.<String>asyncNolink(ctx, sup, c -> {
                throw new IllegalStateException("boom");
            });
            log.add(Tasks.await(ctx, ok, 1000));
            log.add(((AwaitResult.Exit<String>) Tasks.await(ctx, bad, 1000)).cause());
            log.add(ctx.isAlive(sup));
            log.add(TaskSupervisors.children(ctx, sup));
            log.add(ctx.receive(Matcher.any(), 0).isEmpty());
        });
        node.simulation().advance(2000);

        assertThat(log).containsExactly(new AwaitResult.Ok<>("fine"),
                new Term.Crash(IllegalStateException.class.getName(), "boom"), true, java.util.List.of(), true);
    }

    @Test
    void startChildRunsATemporaryTaskAndForgetsIt() {
        var node = Node.deterministic(12);
        var log = new CopyOnWriteArrayList<Object>();
        node.spawn(ctx -> {
            ctx.register("tester");
            var sup = ((StartResult.Started) TaskSupervisors.startLink(ctx, "tasks")).pid();
            var started = TaskSupervisors.startChild(ctx, sup, c -> c.send("tester", "side effect"));
            log.add(started instanceof Reply.Ok<ChildResult>(ChildResult.Started s) && s.pid() != null);
            log.add(ctx.receive(m -> m, 1000).orElseThrow());
            TaskSupervisors.startChild(ctx, sup, c -> {
                throw new IllegalStateException("not restarted");
            });
            ctx.sleep(10);
            log.add(TaskSupervisors.children(ctx, sup));
            log.add(ctx.whereis("tasks").orElseThrow().equals(sup));
        });
        node.simulation().advance(2000);

        assertThat(log).containsExactly(true, "side effect", java.util.List.of(), true);
    }

    @Test
    void supervisedAsyncIsLinkedToTheCaller() {
        var node = Node.deterministic(13);
        var log = new CopyOnWriteArrayList<Object>();
        node.spawn(ctx -> {
            ctx.trapExit(true);
            var sup = ((StartResult.Started) TaskSupervisors.startLink(ctx)).pid();
            var task = TaskSupervisors.<String>async(ctx, sup, c -> {
                throw new IllegalStateException("boom");
            });
            log.add(Tasks.yield(ctx, task, 1000) instanceof YieldResult.Exited<String>);
            log.add(ctx.receive(m -> m instanceof dev.canopy.engine.process.ExitMessage e && e.from().equals(task.pid()) ? e : null, 0).isPresent());
        });
        node.simulation().advance(2000);

        assertThat(log).containsExactly(true, true);
    }
}
