package dev.canopy.engine.application;

import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Matcher;
import dev.canopy.engine.registry.Registries;
import dev.canopy.engine.runtime.Node;
import dev.canopy.engine.supervisor.ChildSpec;
import dev.canopy.engine.supervisor.Strategy;
import dev.canopy.engine.supervisor.SupervisorFlags;
import dev.canopy.engine.supervisor.SupervisorInit;
import dev.canopy.engine.supervisor.SupervisorModule;
import dev.canopy.engine.supervisor.Supervisors;
import dev.canopy.engine.task.TaskSupervisors;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationTest {
    private static ChildSpec idleWorker(String id) {
        return ChildSpec.worker(id, sup -> GenServers.startLink(sup, () -> (GenServer<Object>) ctx -> InitResult.ok("idle")));
    }

    /** A worker that crashes 10 ms after every start. */
    private static ChildSpec crashingWorker(String id) {
        return ChildSpec.worker(id, sup -> new StartResult.Started(sup.spawnLink(c -> {
            c.sleep(10);
            throw new IllegalStateException("boom");
        })));
    }

    private static SupervisorModule top(ChildSpec... children) {
        return ctx -> new SupervisorInit.Ok(SupervisorFlags.DEFAULT.withStrategy(Strategy.ONE_FOR_ONE), List.of(children));
    }

    @Test
    void stopShutsTheWholeTreeDown() {
        var node = Node.deterministic(21);
        var log = new CopyOnWriteArrayList<Object>();
        node.spawn(ctx -> {
            int baseline = ctx.node().processCount();
            var nested = Supervisors.childSpec("nested", top(idleWorker("n1"), idleWorker("n2")));
            var started = Applications.start(ctx, "shop", top(idleWorker("w1"), Registries.childSpec("registry", "shop_registry"),
                    TaskSupervisors.childSpec("tasks", "shop_tasks"), nested));
            var app = ((ApplicationStart.Started) started).handle();
            // master, top, w1, registry, task supervisor, nested, n1, n2
            log.add(ctx.node().processCount() - baseline);
            var registry = ctx.whereis("shop_registry").orElseThrow();
            var owner = ctx.spawn(c -> {
                Registries.register(c, registry, "k", 1);
                c.receive();
            });
            log.add(Applications.stop(ctx, app));
            // The registry took its (linked) owner with it: nothing of the application is left.
            log.add(ctx.isAlive(owner));
            log.add(ctx.node().processCount() - baseline);
            log.add(Applications.stop(ctx, app));
        });
        node.simulation().runUntilIdle();

        assertThat(log).containsExactly(8, new ApplicationStop.Stopped(Term.SHUTDOWN), false, 0, new ApplicationStop.NotRunning());
    }

    @Test
    void topSupervisorGivingUpStopsTheApplicationAndIsReported() {
        var node = Node.deterministic(22);
        var log = new CopyOnWriteArrayList<Object>();
        node.spawn(ctx -> {
            int baseline = ctx.node().processCount();
            var app = ((ApplicationStart.Started) Applications.start(ctx, "flaky", top(idleWorker("steady"), crashingWorker("crashy")))).handle();
            log.add(ctx.receive(Matcher.type(ApplicationExited.class), 10_000).orElseThrow());
            ctx.sleep(1);
            log.add(ctx.node().processCount() - baseline);
            log.add(ctx.isAlive(app.master()));
            log.add(Applications.stop(ctx, app));
            log.add("starter alive");
        });
        node.simulation().advance(20_000);

        assertThat(log).containsExactly(new ApplicationExited("flaky", Term.SHUTDOWN), 0, false,
                new ApplicationStop.NotRunning(), "starter alive");
    }

    @Test
    void aTopSupervisorThatFailsToStartFailsTheApplication() {
        var node = Node.deterministic(23);
        var log = new CopyOnWriteArrayList<Object>();
        node.spawn(ctx -> {
            var bad = ChildSpec.worker("bad", sup -> new StartResult.Failed(Term.atom("nope")));
            log.add(Applications.start(ctx, "broken", top(idleWorker("ok"), bad)));
            log.add(ctx.node().processCount());
        });
        node.simulation().runUntilIdle();

        assertThat(log).hasSize(2);
        assertThat(((ApplicationStart.Failed) log.get(0)).reason().render())
                .isEqualTo("{shutdown,{failed_to_start_child,bad,nope}}");
        assertThat(log.get(1)).isEqualTo(1);
    }
}
