package dev.canopy.engine.properties;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.Ref;
import dev.canopy.engine.process.Sim;
import dev.canopy.engine.properties.RandomTrees.Run;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Strategy;
import dev.canopy.engine.supervisor.SupervisorFlags;
import dev.canopy.engine.supervisor.SupervisorInit;
import dev.canopy.engine.supervisor.Supervisors;
import dev.canopy.engine.supervisor.Workers;
import dev.canopy.engine.term.Term;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the engine over random trees, faults and failure times. */
class SupervisionPropertiesTest {

    // ---- (b) determinism ------------------------------------------------------------------------

    private static List<String> eventStream(long seed) {
        var rnd = new Random(seed);
        var tree = RandomTrees.tree(rnd);
        var run = new Run(tree, seed);
        run.faults(rnd, 1 + rnd.nextInt(8), 5000);
        run.sim.advance(30_000);
        return run.sim.events.stream().map(RandomTrees::render).toList();
    }

    @Property(tries = 100)
    void sameSeedGivesTheSameFullEventStream(@ForAll long seed) {
        var first = eventStream(seed);
        var second = eventStream(seed);
        assertThat(first).isNotEmpty();
        assertThat(first).anyMatch(l -> l.contains("ExitSignalSent["));
        assertThat(second).containsExactlyElementsOf(first);
    }

    // ---- (c) restart window model -----------------------------------------------------------------

    /** OTP's add_restart/3: whole-second timestamps, keep entries >= now - period, give up when more than intensity. */
    static final class IntensityModel {
        final int intensity;
        final int period;
        final ArrayDeque<Long> restarts = new ArrayDeque<>();

        IntensityModel(int intensity, int period) {
            this.intensity = intensity;
            this.period = period;
        }

        boolean giveUp(long nowMillis) {
            long now = Math.floorDiv(nowMillis, 1000);
            var kept = new ArrayDeque<Long>();
            for (long r : restarts) if (r >= now - period) kept.add(r);
            kept.addFirst(now);
            restarts.clear();
            restarts.addAll(kept);
            return restarts.size() > intensity;
        }
    }

    @Property(tries = 200)
    void oneForOneGivesUpExactlyWhenTheModelSays(
            @ForAll @IntRange(min = 0, max = 3) int intensity,
            @ForAll @IntRange(min = 1, max = 3) int period,
            @ForAll @IntRange(min = 0, max = 2999) int start,
            @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 0, max = 2600) Integer> gaps) {
        var sim = new Sim(start);
        var owner = sim.owner();
        var w = new Workers();
        var flags = new SupervisorFlags(Strategy.ONE_FOR_ONE, intensity, period, AutoShutdown.NEVER);
        var r = owner.ask(ctx -> Supervisors.startLink(ctx, c -> new SupervisorInit.Ok(flags,
                List.of(w.worker("w"), w.worker("other")))));
        Pid sup = ((dev.canopy.engine.genserver.StartResult.Started) r).pid();
        var model = new IntensityModel(intensity, period);
        long t = start;
        for (int i = 0; i < gaps.size(); i++) {
            t += gaps.get(i);
            sim.advanceTo(t);
            assertThat(sim.node.isAlive(sup)).as("supervisor alive before failure %d", i).isTrue();
            sim.node.exit(sim.latestChild(sup, "w"), Term.atom("boom"));
            sim.settle();
            boolean expected = model.giveUp(t);
            boolean gaveUp = sim.count(Event.SupervisorGaveUp.class) > 0;
            assertThat(gaveUp).as("failure %d at %d ms (model restarts %s)", i, t, model.restarts).isEqualTo(expected);
            assertThat(sim.node.isAlive(sup)).isEqualTo(!expected);
            if (expected) {
                assertThat(owner.exits()).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo(Term.SHUTDOWN));
                return;
            }
        }
    }

    // ---- (d) random trees settle ------------------------------------------------------------------

    @Property(tries = 200)
    void randomTreesSettleUnderRandomFaults(@ForAll long seed) {
        var rnd = new Random(seed);
        var tree = RandomTrees.tree(rnd);
        var run = new Run(tree, seed);
        var sim = run.sim;
        run.faults(rnd, 1 + rnd.nextInt(20), 5000, true);
        sim.advance(60_000);

        Statistics.label("outcome").collect(sim.node.isAlive(run.root) ? "root running" : "root gone",
                sim.count(Event.SupervisorGaveUp.class) > 0 ? "some give_up" : "no give_up");

        assertThat(sim.sched.isIdle()).as("no runnable process; tree %s", tree).isTrue();
        assertThat(sim.sched.nextTimerDeadline()).as("nothing scheduled; tree %s", tree).isEmpty();

        var accounted = new HashSet<Pid>();
        accounted.add(run.owner.pid);
        var sups = run.liveSupervisors();
        accounted.addAll(sups);
        for (var sup : sups) {
            for (var c : run.which(sup)) {
                var spec = run.byId.get(c.id());
                assertThat(c.restarting()).as("%s restarting in %s", c.id(), tree).isFalse();
                if (c.pid() != null) {
                    assertThat(sim.node.isAlive(c.pid())).as("child %s of a live supervisor is alive; tree %s", c.id(), tree).isTrue();
                    accounted.add(c.pid());
                }
                if (spec.restart() == Restart.PERMANENT) {
                    assertThat(c.pid()).as("permanent child %s running; tree %s", c.id(), tree).isNotNull();
                }
            }
        }
        assertThat(new HashSet<>(sim.node.pids())).as("no orphan processes; tree %s", tree).isEqualTo(accounted);

        // And the settled tree still shuts down completely from its parent.
        if (sim.node.isAlive(run.root)) {
            run.owner.ask(ctx -> {
                Ref mon = ctx.monitor(run.root);
                ctx.exit(run.root, Term.SHUTDOWN);
                ctx.receive(m -> m instanceof Down d && d.ref().equals(mon) ? d : null);
                return null;
            });
            sim.advance(60_000);
            assertThat(sim.node.pids()).as("everything stopped; tree %s", tree).containsExactly(run.owner.pid);
        }
    }
}
