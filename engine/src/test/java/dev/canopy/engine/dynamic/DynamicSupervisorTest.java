package dev.canopy.engine.dynamic;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Sim;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.ChildCounts;
import dev.canopy.engine.supervisor.ChildInfo;
import dev.canopy.engine.supervisor.ChildResult;
import dev.canopy.engine.supervisor.ChildSpec;
import dev.canopy.engine.supervisor.Reply;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.Strategy;
import dev.canopy.engine.supervisor.SupervisorFlags;
import dev.canopy.engine.supervisor.SupervisorInit;
import dev.canopy.engine.supervisor.Supervisors;
import dev.canopy.engine.supervisor.Workers;
import dev.canopy.engine.supervisor.Workers.Init;
import dev.canopy.engine.supervisor.Workers.Opts;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static dev.canopy.engine.term.Term.atom;
import static org.assertj.core.api.Assertions.assertThat;

/** Elixir's DynamicSupervisor (SEMANTICS.md §10). */
class DynamicSupervisorTest {
    private static final Term BOOM = atom("boom");

    private final Sim sim = new Sim();
    private final Workers w = new Workers();
    private final Sim.Owner owner = sim.owner();

    private Pid startDyn(DynamicSupervisorFlags flags) {
        var r = owner.ask(ctx -> DynamicSupervisors.startLink(ctx, DynamicSupervisorModule.of(flags)));
        assertThat(r).isInstanceOf(StartResult.Started.class);
        return ((StartResult.Started) r).pid();
    }

    private <T> T call(Function<ProcessContext, Reply<T>> f) {
        Reply<T> r = sim.run(f::apply);
        assertThat(r).isInstanceOf(Reply.Ok.class);
        return ((Reply.Ok<T>) r).value();
    }

    private ChildResult start(Pid sup, ChildSpec spec) { return call(ctx -> DynamicSupervisors.startChild(ctx, sup, spec)); }

    private Pid startOk(Pid sup, ChildSpec spec) {
        var r = start(sup, spec);
        assertThat(r).isInstanceOf(ChildResult.Started.class);
        return ((ChildResult.Started) r).pid();
    }

    private List<ChildInfo> which(Pid sup) { return call(ctx -> DynamicSupervisors.whichChildren(ctx, sup)); }

    private ChildCounts count(Pid sup) { return call(ctx -> DynamicSupervisors.countChildren(ctx, sup)); }

    private ChildResult terminate(Pid sup, Pid child) { return call(ctx -> DynamicSupervisors.terminateChild(ctx, sup, child)); }

    @Test
    void maxChildrenLimitsStartChild() {
        Pid sup = startDyn(DynamicSupervisorFlags.DEFAULT.withMaxChildren(2));
        Pid w1 = startOk(sup, w.worker("w1"));
        startOk(sup, w.worker("w2"));
        assertThat(start(sup, w.worker("w3"))).isEqualTo(new ChildResult.Error(atom("max_children")));
        assertThat(w.incarnations("w3")).isZero();
        assertThat(terminate(sup, w1)).isEqualTo(new ChildResult.Done());
        startOk(sup, w.worker("w3"));
        assertThat(start(sup, w.worker("w4"))).isEqualTo(new ChildResult.Error(atom("max_children")));
        assertThat(which(sup)).extracting(ChildInfo::id).containsExactly("w2", "w3");
    }

    @Test
    void startChildErrorAndIgnoreStoreNothingAndCountNoRestart() {
        Pid sup = startDyn(DynamicSupervisorFlags.DEFAULT.withIntensity(0, 5));
        assertThat(start(sup, w.worker("s", Opts.DEFAULT.init(Init.STOP)))).isEqualTo(new ChildResult.Error(BOOM));
        assertThat(start(sup, w.worker("c", Opts.DEFAULT.init(Init.CRASH)))).isInstanceOfSatisfying(ChildResult.Error.class,
                e -> assertThat(e.reason()).isInstanceOf(Term.Crash.class));
        assertThat(start(sup, w.worker("i", Opts.DEFAULT.init(Init.IGNORE)))).isEqualTo(new ChildResult.Ignored());
        assertThat(count(sup)).isEqualTo(new ChildCounts(0, 0, 0, 0));
        assertThat(which(sup)).isEmpty();
        assertThat(sim.node.isAlive(sup)).as("failed starts are not restarts").isTrue();
    }

    @Test
    void permanentChildIsRestartedWithANewPid() {
        Pid sup = startDyn(DynamicSupervisorFlags.DEFAULT);
        Pid a = startOk(sup, w.worker("a"));
        Pid b = startOk(sup, w.worker("b"));
        sim.node.exit(a, BOOM);
        sim.settle();
        var which = which(sup);
        assertThat(which).hasSize(2);
        assertThat(which).extracting(ChildInfo::pid).contains(b).doesNotContain(a);
        Pid a2 = which.stream().filter(c -> c.id().equals("a")).findFirst().orElseThrow().pid();
        assertThat(sim.node.isAlive(a2)).isTrue();
        assertThat(w.incarnations("a")).isEqualTo(2);
    }

    @Test
    void transientNormalAndTemporaryChildrenAreDropped() {
        Pid sup = startDyn(DynamicSupervisorFlags.DEFAULT);
        Pid t = startOk(sup, w.worker("t").withRestart(Restart.TRANSIENT));
        Pid tmp = startOk(sup, w.worker("tmp").withRestart(Restart.TEMPORARY));
        Pid tc = startOk(sup, w.worker("tc").withRestart(Restart.TRANSIENT));
        sim.run(ctx -> { dev.canopy.engine.genserver.GenServers.cast(ctx, t, new Workers.StopWith(Term.SHUTDOWN)); return null; });
        sim.node.exit(tmp, BOOM);
        sim.node.exit(tc, BOOM);
        sim.settle();
        var which = which(sup);
        assertThat(which).extracting(ChildInfo::id).containsExactly("tc");
        assertThat(which.getFirst().pid()).isNotEqualTo(tc);
    }

    @Test
    void terminateChildOfUnknownPidIsNotFound() {
        Pid sup = startDyn(DynamicSupervisorFlags.DEFAULT);
        Pid a = startOk(sup, w.worker("a"));
        assertThat(terminate(sup, owner.pid)).isEqualTo(new ChildResult.Error(atom("not_found")));
        assertThat(terminate(sup, a)).isEqualTo(new ChildResult.Done());
        assertThat(sim.exitReason(a)).contains(Term.SHUTDOWN);
        assertThat(terminate(sup, a)).isEqualTo(new ChildResult.Error(atom("not_found")));
        assertThat(sim.count(Event.ChildStarted.class)).as("terminate_child never restarts").isEqualTo(1);
    }

    @Test
    void givingUpEscalatesAndTheNewIncarnationIsEmpty() {
        var dynFlags = DynamicSupervisorFlags.DEFAULT.withIntensity(1, 5);
        var topFlags = new SupervisorFlags(Strategy.ONE_FOR_ONE, 3, 5, AutoShutdown.NEVER);
        var r = owner.ask(ctx -> Supervisors.startLink(ctx, c -> new SupervisorInit.Ok(topFlags,
                List.of(DynamicSupervisors.childSpec("dyn", DynamicSupervisorModule.of(dynFlags)), w.worker("z")))));
        Pid top = ((StartResult.Started) r).pid();
        Pid dyn = sim.latestChild(top, "dyn");
        startOk(dyn, w.worker("a"));
        startOk(dyn, w.worker("b"));
        sim.node.exit(sim.latestChild(dyn, "a"), BOOM);
        sim.settle();
        assertThat(sim.node.isAlive(dyn)).isTrue();
        sim.node.exit(sim.latestChild(dyn, "a"), BOOM);
        sim.settle();
        assertThat(sim.timeline("give_up")).containsExactly("give_up dyn a");
        assertThat(sim.exitReason(dyn)).contains(Term.SHUTDOWN);
        Pid dyn2 = sim.latestChild(top, "dyn");
        assertThat(dyn2).isNotEqualTo(dyn);
        assertThat(sim.node.isAlive(dyn2)).isTrue();
        assertThat(count(dyn2)).isEqualTo(new ChildCounts(0, 0, 0, 0));
        assertThat(sim.node.isAlive(top)).isTrue();
        // the dynamic supervisor's children were all stopped when it gave up
        assertThat(sim.pidsOfChild("b")).allSatisfy(p -> assertThat(sim.node.isAlive(p)).isFalse());
    }

    @Test
    void shutdownStopsAllChildrenAtOnce() {
        Pid sup = startDyn(DynamicSupervisorFlags.DEFAULT);
        startOk(sup, w.worker("a", Opts.DEFAULT.slowTerminate(1000)));
        startOk(sup, w.worker("b", Opts.DEFAULT.slowTerminate(3000)));
        startOk(sup, w.worker("c", Opts.DEFAULT.slowTerminate(2000)));
        long t0 = sim.now();
        long took = owner.ask(ctx -> {
            var mon = ctx.monitor(sup);
            ctx.exit(sup, Term.SHUTDOWN);
            ctx.receive(m -> m instanceof Down d && d.ref().equals(mon) ? d : null);
            return ctx.monotonicMillis() - t0;
        });
        assertThat(w.timed).containsExactlyInAnyOrder(
                t0 + " start a", t0 + " start b", t0 + " start c",
                t0 + " terminate a shutdown", t0 + " terminate b shutdown", t0 + " terminate c shutdown");
        assertThat(took).as("parallel: the slowest child, not the sum").isEqualTo(3000);
        assertThat(sim.exitReason(sup)).contains(Term.SHUTDOWN);
    }

    @Test
    void shutdownKillsEachChildWhenItsOwnTimeRunsOut() {
        Pid sup = startDyn(DynamicSupervisorFlags.DEFAULT);
        Pid slow = startOk(sup, w.worker("slow", Opts.DEFAULT.slowTerminate(10_000)).withShutdown(new Shutdown.Timeout(500)));
        Pid quick = startOk(sup, w.worker("quick", Opts.DEFAULT.slowTerminate(200)).withShutdown(new Shutdown.Timeout(1000)));
        Pid brutal = startOk(sup, w.worker("brutal", Opts.DEFAULT.slowTerminate(200)).withShutdown(Shutdown.BRUTAL_KILL));
        long t0 = sim.now();
        owner.ask(ctx -> { ctx.exit(sup, Term.SHUTDOWN); return null; });
        sim.advance(20_000);
        assertThat(sim.exitReason(slow)).contains(Term.KILLED);
        assertThat(sim.exitTime(slow)).contains(t0 + 500);
        assertThat(sim.exitReason(quick)).contains(Term.SHUTDOWN);
        assertThat(sim.exitTime(quick)).contains(t0 + 200);
        assertThat(sim.exitReason(brutal)).contains(Term.KILLED);
        assertThat(sim.exitTime(brutal)).contains(t0);
        assertThat(sim.exitTime(sup)).contains(t0 + 500);
    }

    @Test
    void staticSupervisorForContrastStopsOneAtATime() {
        var flags = new SupervisorFlags(Strategy.ONE_FOR_ONE, 1, 5, AutoShutdown.NEVER);
        var r = owner.ask(ctx -> Supervisors.startLink(ctx, c -> new SupervisorInit.Ok(flags, List.of(
                w.worker("a", Opts.DEFAULT.slowTerminate(1000)),
                w.worker("b", Opts.DEFAULT.slowTerminate(3000)),
                w.worker("c", Opts.DEFAULT.slowTerminate(2000))))));
        Pid sup = ((StartResult.Started) r).pid();
        long t0 = sim.now();
        owner.ask(ctx -> { ctx.exit(sup, Term.SHUTDOWN); return null; });
        sim.advance(20_000);
        assertThat(sim.exitTime(sup)).contains(t0 + 6000);
    }

    @Test
    void failedRestartIsRetriedAndCounted() {
        Pid sup = startDyn(DynamicSupervisorFlags.DEFAULT.withIntensity(2, 5));
        Pid a = startOk(sup, w.worker("a", Opts.DEFAULT.init((ctx, n) -> n == 1 ? Init.OK : Init.CRASH)));
        sim.node.exit(a, BOOM);
        sim.settle();
        assertThat(sim.timeline("start_failed", "give_up")).containsExactly(
                "start_failed a error", "start_failed a error", "give_up " + sup + " a");
        assertThat(sim.node.isAlive(sup)).isFalse();
    }

    @Test
    void startChildWhoseStartFunctionThrowsReturnsErrorAndSupervisorSurvives() {
        Pid sup = startDyn(DynamicSupervisorFlags.DEFAULT);
        var r = start(sup, ChildSpec.worker("bad", s -> { throw new IllegalStateException("start function blew up"); }));
        assertThat(r).isInstanceOf(ChildResult.Error.class);
        assertThat(sim.node.isAlive(sup)).isTrue();
    }

    @Test
    void childrenBeingRestartedCountTowardsMaxChildren() {
        Pid sup = startDyn(DynamicSupervisorFlags.DEFAULT.withMaxChildren(1).withIntensity(10, 5));
        Pid a = startOk(sup, w.worker("a", Opts.DEFAULT.init((ctx, n) -> {
            if (n == 1) return Init.OK;
            ctx.sleep(100);
            return n < 4 ? Init.CRASH : Init.OK;
        })));
        sim.node.exit(a, BOOM);
        sim.advance(50);
        // queued while the first restart attempt is in progress; answered while a is "restarting"
        var answers = sim.run(ctx -> List.of(DynamicSupervisors.startChild(ctx, sup, w.worker("b")),
                DynamicSupervisors.whichChildren(ctx, sup)));
        assertThat(answers.get(0)).isEqualTo(new Reply.Ok<>(new ChildResult.Error(atom("max_children"))));
        assertThat(answers.get(1)).isInstanceOfSatisfying(Reply.Ok.class, ok -> {
            @SuppressWarnings("unchecked") var which = (List<ChildInfo>) ok.value();
            assertThat(which).singleElement().satisfies(c -> {
                assertThat(c.restarting()).isTrue();
                assertThat(c.pid()).isNull();
            });
        });
        sim.advance(1000);
        assertThat(which(sup)).singleElement().satisfies(c -> assertThat(sim.node.isAlive(c.pid())).isTrue());
        assertThat(w.incarnations("a")).isEqualTo(4);
    }
}
