package dev.canopy.engine.supervisor;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Sim;
import dev.canopy.engine.supervisor.Workers.Init;
import dev.canopy.engine.supervisor.Workers.Opts;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static dev.canopy.engine.term.Term.atom;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Less common supervisor paths: start functions that throw (OTP's do_start_child_i catches
 * them), supervisor children killed mid-shutdown (SEMANTICS §9.3, §2.5) and auto_shutdown (§11).
 */
class SupervisorEdgeCasesTest {
    private final Sim sim = new Sim();
    private final Workers w = new Workers();
    private final Sim.Owner owner = sim.owner();

    private static SupervisorFlags flags(Strategy s, int i, int p) { return new SupervisorFlags(s, i, p, AutoShutdown.NEVER); }

    private static SupervisorModule module(SupervisorFlags f, ChildSpec... children) {
        return ctx -> new SupervisorInit.Ok(f, List.of(children));
    }

    private StartResult start(SupervisorFlags f, ChildSpec... children) {
        return owner.ask(ctx -> Supervisors.startLink(ctx, module(f, children)));
    }

    private Pid startOk(SupervisorFlags f, ChildSpec... children) {
        var r = start(f, children);
        assertThat(r).isInstanceOf(StartResult.Started.class);
        Pid p = ((StartResult.Started) r).pid();
        sim.label(p, "top");
        return p;
    }

    private ChildResult api(Function<ProcessContext, Reply<ChildResult>> f) {
        Reply<ChildResult> r = sim.run(f::apply);
        assertThat(r).isInstanceOf(Reply.Ok.class);
        return ((Reply.Ok<ChildResult>) r).value();
    }

    private static final ChildStart THROWS = sup -> { throw new IllegalStateException("start function blew up"); };

    // ---- start functions that throw ----------------------------------------------------------------

    @Test
    void startChildWhoseStartFunctionThrowsReturnsErrorAndSupervisorSurvives() {
        Pid sup = startOk(flags(Strategy.ONE_FOR_ONE, 1, 5), w.worker("a"));
        var r = api(ctx -> Supervisors.startChild(ctx, sup, ChildSpec.worker("bad", THROWS)));
        assertThat(r).isInstanceOf(ChildResult.Error.class);
        assertThat(sim.node.isAlive(sup)).isTrue();
        assertThat(sim.exitReason(sup)).isEmpty();
    }

    @Test
    void initialStartFunctionThatThrowsIsAFailedToStartChild() {
        var r = start(flags(Strategy.ONE_FOR_ONE, 1, 5), w.worker("a", Opts.DEFAULT.trapping()), ChildSpec.worker("bad", THROWS));
        assertThat(r).isInstanceOfSatisfying(StartResult.Failed.class,
                f -> assertThat(f.reason().render()).startsWith("{shutdown,{failed_to_start_child,bad,"));
        assertThat(w.log).containsExactly("start a", "terminate a shutdown");
    }

    @Test
    void restartWhoseStartFunctionThrowsIsAFailedRestartThatIsRetried() {
        int[] calls = {0};
        var start = w.start("b", Opts.DEFAULT);
        ChildStart flaky = sup -> {
            calls[0]++;
            if (calls[0] == 2) throw new IllegalStateException("second start blew up");
            return start.start(sup);
        };
        Pid sup = startOk(flags(Strategy.ONE_FOR_ONE, 5, 5), w.worker("a"), ChildSpec.worker("b", flaky));
        Pid b1 = sim.latestChild(sup, "b");
        sim.node.exit(b1, atom("boom"));
        sim.settle();
        assertThat(sim.node.isAlive(sup)).isTrue();
        assertThat(calls[0]).isEqualTo(3);
        assertThat(sim.node.isAlive(sim.latestChild(sup, "b"))).isTrue();
    }

    // ---- killed mid-shutdown -------------------------------------------------------------------

    @Test
    void workerInSlowTerminateFinishesWhenItsSupervisorIsKilled() {
        var mid = Supervisors.childSpec("mid", module(flags(Strategy.ONE_FOR_ONE, 1, 5),
                w.worker("w", Opts.DEFAULT.slowTerminate(2000)).withShutdown(Shutdown.INFINITY)))
                .withShutdown(new Shutdown.Timeout(500));
        Pid top = startOk(flags(Strategy.ONE_FOR_ONE, 1, 5), mid);
        Pid midPid = sim.latestChild(top, "mid");
        Pid wPid = sim.latestChild(midPid, "w");
        long t0 = sim.now();
        owner.ask(ctx -> { ctx.exit(top, Term.SHUTDOWN); return null; });
        sim.advance(10_000);
        assertThat(sim.exitReason(midPid)).contains(Term.KILLED);
        assertThat(sim.exitTime(midPid)).contains(t0 + 500);
        assertThat(sim.exitTime(top)).contains(t0 + 500);
        assertThat(sim.exitReason(wPid)).as("finishes terminate, exits with its original reason").contains(Term.SHUTDOWN);
        assertThat(sim.exitTime(wPid)).contains(t0 + 2000);
        assertThat(w.lines("terminate")).containsExactly("terminate w shutdown");
    }

    @Test
    void brutalKillOfASupervisorChildSendsKilledToItsChildren() {
        var mid = Supervisors.childSpec("mid", module(flags(Strategy.ONE_FOR_ONE, 1, 5),
                w.worker("plain"), w.worker("trapper", Opts.DEFAULT.trapping()))).withShutdown(Shutdown.BRUTAL_KILL);
        Pid top = startOk(flags(Strategy.ONE_FOR_ONE, 1, 5), mid);
        Pid midPid = sim.latestChild(top, "mid");
        Pid plain = sim.latestChild(midPid, "plain");
        Pid trapper = sim.latestChild(midPid, "trapper");
        sim.run(ctx -> Supervisors.terminateChild(ctx, top, "mid"));
        sim.settle();
        assertThat(sim.exitReason(midPid)).contains(Term.KILLED);
        assertThat(sim.exitReason(plain)).contains(Term.KILLED);
        assertThat(sim.exitReason(trapper)).contains(Term.KILLED);
        assertThat(w.lines("terminate")).containsExactly("terminate trapper killed");
    }

    // ---- auto_shutdown ---------------------------------------------------------------------------

    @Test
    void anySignificantChildEndingByItselfShutsTheSupervisorDown() {
        Pid sup = startOk(flags(Strategy.ONE_FOR_ONE, 1, 5).withAutoShutdown(AutoShutdown.ANY_SIGNIFICANT),
                w.worker("a"), w.worker("s").withRestart(Restart.TRANSIENT).withSignificant(true), w.worker("z"));
        Pid s = sim.latestChild(sup, "s");
        sim.run(ctx -> { dev.canopy.engine.genserver.GenServers.cast(ctx, s, new Workers.StopWith(Term.NORMAL)); return null; });
        sim.settle();
        assertThat(sim.exitReason(sup)).contains(Term.SHUTDOWN);
        assertThat(sim.timeline("auto_shutdown", "terminated")).containsExactly(
                "auto_shutdown top s", "terminated z shutdown", "terminated a shutdown");
        assertThat(sim.count(Event.SupervisorGaveUp.class)).isZero();
    }

    @Test
    void significantTransientThatCrashesIsRestartedNotAutoShutdown() {
        Pid sup = startOk(flags(Strategy.ONE_FOR_ONE, 1, 5).withAutoShutdown(AutoShutdown.ANY_SIGNIFICANT),
                w.worker("s").withRestart(Restart.TRANSIENT).withSignificant(true));
        sim.node.exit(sim.latestChild(sup, "s"), atom("boom"));
        sim.settle();
        assertThat(sim.node.isAlive(sup)).isTrue();
        assertThat(sim.childPids(sup, "s")).hasSize(2);
    }

    @Test
    void allSignificantWaitsForTheLastSignificantChild() {
        Pid sup = startOk(flags(Strategy.ONE_FOR_ONE, 1, 5).withAutoShutdown(AutoShutdown.ALL_SIGNIFICANT),
                w.worker("s1").withRestart(Restart.TEMPORARY).withSignificant(true),
                w.worker("s2").withRestart(Restart.TEMPORARY).withSignificant(true),
                w.worker("x"));
        sim.node.exit(sim.latestChild(sup, "s1"), atom("boom"));
        sim.settle();
        assertThat(sim.node.isAlive(sup)).isTrue();
        sim.node.exit(sim.latestChild(sup, "s2"), atom("boom"));
        sim.settle();
        assertThat(sim.exitReason(sup)).contains(Term.SHUTDOWN);
    }

    @Test
    void terminateChildOfASignificantChildNeverTriggersAutoShutdown() {
        Pid sup = startOk(flags(Strategy.ONE_FOR_ONE, 1, 5).withAutoShutdown(AutoShutdown.ANY_SIGNIFICANT),
                w.worker("s").withRestart(Restart.TRANSIENT).withSignificant(true), w.worker("x"));
        assertThat(api(ctx -> Supervisors.terminateChild(ctx, sup, "s"))).isEqualTo(new ChildResult.Done());
        assertThat(sim.node.isAlive(sup)).isTrue();
    }
}
