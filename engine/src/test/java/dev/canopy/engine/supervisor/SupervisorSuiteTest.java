package dev.canopy.engine.supervisor;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Sim;
import dev.canopy.engine.supervisor.Workers.Init;
import dev.canopy.engine.supervisor.Workers.Opts;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.canopy.engine.term.Term.atom;
import static org.assertj.core.api.Assertions.assertThat;

/** Static supervisors, grouped like OTP's supervisor_SUITE (SEMANTICS.md §4–§9). */
class SupervisorSuiteTest {
    private static final Term BOOM = atom("boom");

    // ---- fixture -------------------------------------------------------------------------------

    static final class Fx {
        final Sim sim;
        final Workers w = new Workers();
        final Sim.Owner owner;

        Fx() { this(1); }

        Fx(long seed) {
            sim = new Sim(seed);
            owner = sim.owner();
            sim.label(owner.pid, "owner");
        }

        StartResult start(SupervisorFlags flags, ChildSpec... children) {
            return owner.ask(ctx -> Supervisors.startLink(ctx, module(flags, children)));
        }

        Pid startOk(SupervisorFlags flags, ChildSpec... children) {
            var r = start(flags, children);
            assertThat(r).isInstanceOf(StartResult.Started.class);
            var pid = ((StartResult.Started) r).pid();
            sim.label(pid, "top");
            return pid;
        }

        <T> T call(Function<ProcessContext, Reply<T>> f) {
            Reply<T> r = sim.run(f::apply);
            assertThat(r).isInstanceOf(Reply.Ok.class);
            return ((Reply.Ok<T>) r).value();
        }

        ChildResult api(Function<ProcessContext, Reply<ChildResult>> f) { return call(f); }

        List<ChildInfo> which(Pid sup) { return call(ctx -> Supervisors.whichChildren(ctx, sup)); }

        List<String> ids(Pid sup) { return which(sup).stream().map(ChildInfo::id).toList(); }

        Pid pidOf(Pid sup, String id) {
            return which(sup).stream().filter(c -> c.id().equals(id)).findFirst().map(ChildInfo::pid).orElse(null);
        }

        ChildCounts count(Pid sup) { return call(ctx -> Supervisors.countChildren(ctx, sup)); }

        void cast(Pid to, Object msg) {
            sim.run(ctx -> { GenServers.cast(ctx, to, msg); return null; });
            sim.settle();
        }

        void exit(Pid to, Term reason) {
            sim.node.exit(to, reason);
            sim.settle();
        }

        /** Stops the supervisor the way its parent does, and waits for it to be gone. */
        void stopFromParent(Pid sup) {
            owner.ask(ctx -> {
                var mon = ctx.monitor(sup);
                ctx.exit(sup, Term.SHUTDOWN);
                ctx.receive(m -> m instanceof dev.canopy.engine.process.Down d && d.ref().equals(mon) ? d : null);
                return null;
            });
        }
    }

    static SupervisorModule module(SupervisorFlags flags, ChildSpec... children) {
        return ctx -> new SupervisorInit.Ok(flags, List.of(children));
    }

    static SupervisorFlags flags(Strategy s, int intensity, int period) {
        return new SupervisorFlags(s, intensity, period, AutoShutdown.NEVER);
    }

    static final SupervisorFlags ONE_FOR_ONE_10 = flags(Strategy.ONE_FOR_ONE, 10, 5);

    // ---- start ---------------------------------------------------------------------------------

    @Nested
    class Start {
        @Test
        void childrenStartInListOrder() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a"), fx.w.worker("b"), fx.w.worker("c"));
            assertThat(fx.w.log).containsExactly("start a", "start b", "start c");
            var which = fx.which(sup);
            assertThat(which).extracting(ChildInfo::id).containsExactly("a", "b", "c");
            assertThat(which).allSatisfy(c -> {
                assertThat(c.pid()).isNotNull();
                assertThat(fx.sim.node.isAlive(c.pid())).isTrue();
                assertThat(c.type()).isEqualTo(ChildType.WORKER);
                assertThat(c.restarting()).isFalse();
            });
            assertThat(fx.sim.node.info(sup).orElseThrow().trapsExits()).isTrue();
        }

        @Test
        void ignoredChildIsKeptNotRunningAndTemporaryIgnoredIsDropped() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10,
                    fx.w.worker("a"),
                    fx.w.worker("b", Opts.DEFAULT.init(Init.IGNORE)),
                    fx.w.worker("t", Opts.DEFAULT.init(Init.IGNORE)).withRestart(Restart.TEMPORARY),
                    fx.w.worker("c"));
            var which = fx.which(sup);
            assertThat(which).extracting(ChildInfo::id).containsExactly("a", "b", "c");
            assertThat(which.get(1).pid()).isNull();
            assertThat(fx.count(sup)).isEqualTo(new ChildCounts(3, 2, 0, 3));
            // restart_child can start it later (init now says ignore again: ok undefined)
            var r = fx.api(ctx -> Supervisors.restartChild(ctx, sup, "b"));
            assertThat(r).isEqualTo(new ChildResult.NotStarted());
        }

        @Test
        void startFailureStopsStartedChildrenInReverseOrder() {
            var fx = new Fx();
            var r = fx.start(ONE_FOR_ONE_10,
                    fx.w.worker("a", Opts.DEFAULT.trapping()),
                    fx.w.worker("b", Opts.DEFAULT.trapping()),
                    fx.w.worker("c", Opts.DEFAULT.init(Init.STOP)),
                    fx.w.worker("d"));
            assertThat(r).isInstanceOfSatisfying(StartResult.Failed.class,
                    f -> assertThat(f.reason().render()).isEqualTo("{shutdown,{failed_to_start_child,c,boom}}"));
            assertThat(fx.w.log).containsExactly("start a", "start b", "init_failed c", "terminate b shutdown", "terminate a shutdown");
            assertThat(fx.w.incarnations("d")).isZero();
            fx.sim.settle();
            assertThat(fx.owner.exits()).singleElement()
                    .satisfies(e -> assertThat(e.reason().render()).isEqualTo("{shutdown,{failed_to_start_child,c,boom}}"));
            assertThat(fx.sim.node.processCount()).isEqualTo(1); // only the owner is left
        }

        @Test
        void startCrashIsReportedAsError() {
            var fx = new Fx();
            var r = fx.start(ONE_FOR_ONE_10, fx.w.worker("a"), fx.w.worker("c", Opts.DEFAULT.init(Init.CRASH)));
            assertThat(r).isInstanceOfSatisfying(StartResult.Failed.class,
                    f -> assertThat(f.reason().render()).isEqualTo("{shutdown,{failed_to_start_child,c,error}}"));
        }

        @Test
        void nestedStartFailuresWrap() {
            var fx = new Fx();
            var sub = Supervisors.childSpec("sub", module(ONE_FOR_ONE_10, fx.w.worker("x"), fx.w.worker("y", Opts.DEFAULT.init(Init.CRASH))));
            var r = fx.start(ONE_FOR_ONE_10, fx.w.worker("a"), sub, fx.w.worker("z"));
            assertThat(r).isInstanceOfSatisfying(StartResult.Failed.class, f -> assertThat(f.reason().render())
                    .isEqualTo("{shutdown,{failed_to_start_child,sub,{shutdown,{failed_to_start_child,y,error}}}}"));
            assertThat(fx.w.incarnations("z")).isZero();
            assertThat(fx.sim.node.processCount()).isEqualTo(1);
        }

        @Test
        void significantPermanentChildIsABadCombination() {
            var fx = new Fx();
            var r = fx.start(ONE_FOR_ONE_10.withAutoShutdown(AutoShutdown.ANY_SIGNIFICANT),
                    fx.w.worker("a").withSignificant(true));
            assertThat(r).isInstanceOfSatisfying(StartResult.Failed.class,
                    f -> assertThat(f.reason().render()).startsWith("{start_spec,{bad_combination,"));
            var r2 = fx.start(ONE_FOR_ONE_10, fx.w.worker("b").withRestart(Restart.TRANSIENT).withSignificant(true));
            assertThat(r2).isInstanceOfSatisfying(StartResult.Failed.class,
                    f -> assertThat(f.reason().render()).startsWith("{start_spec,{bad_combination,"));
            assertThat(fx.w.log).isEmpty();
            var ok = fx.start(ONE_FOR_ONE_10.withAutoShutdown(AutoShutdown.ANY_SIGNIFICANT),
                    fx.w.worker("c").withRestart(Restart.TRANSIENT).withSignificant(true));
            assertThat(ok).isInstanceOf(StartResult.Started.class);
        }

        @Test
        void initIgnoreOfTheSupervisorGivesIgnored() {
            var fx = new Fx();
            var r = fx.owner.ask(ctx -> Supervisors.startLink(ctx, c -> new SupervisorInit.Ignore()));
            assertThat(r).isInstanceOf(StartResult.Ignored.class);
        }

        @Test
        void duplicateChildIdIsRejected() {
            var fx = new Fx();
            var r = fx.start(ONE_FOR_ONE_10, fx.w.worker("a"), fx.w.worker("a"));
            assertThat(r).isInstanceOfSatisfying(StartResult.Failed.class,
                    f -> assertThat(f.reason().render()).isEqualTo("{start_spec,{duplicate_child_name,a}}"));
        }
    }

    // ---- stop modes ----------------------------------------------------------------------------

    @Nested
    class StopModes {
        /** terminate_child from a probe: returns the virtual time it took. */
        private long terminate(Fx fx, Pid sup, String id) {
            long t0 = fx.sim.now();
            var r = fx.api(ctx -> Supervisors.terminateChild(ctx, sup, id));
            assertThat(r).isEqualTo(new ChildResult.Done());
            return fx.sim.now() - t0;
        }

        @Test
        void brutalKillKillsAtOnceWithoutTerminate() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a", Opts.DEFAULT.slowTerminate(1000)).withShutdown(Shutdown.BRUTAL_KILL));
            Pid a = fx.pidOf(sup, "a");
            assertThat(terminate(fx, sup, "a")).isZero();
            assertThat(fx.sim.exitReason(a)).contains(Term.KILLED);
            assertThat(fx.w.lines("terminate")).isEmpty();
            assertThat(fx.sim.timeline("terminated")).containsExactly("terminated a killed");
        }

        @Test
        void timeoutSendsShutdownThenKillsWhenTimeRunsOut() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a", Opts.DEFAULT.slowTerminate(2000)).withShutdown(new Shutdown.Timeout(500)));
            Pid a = fx.pidOf(sup, "a");
            assertThat(terminate(fx, sup, "a")).isEqualTo(500);
            assertThat(fx.w.lines("terminate")).containsExactly("terminate a shutdown");
            assertThat(fx.sim.exitReason(a)).contains(Term.KILLED);
        }

        @Test
        void timeoutChildThatStopsInTimeExitsShutdown() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a", Opts.DEFAULT.slowTerminate(100)).withShutdown(new Shutdown.Timeout(500)));
            Pid a = fx.pidOf(sup, "a");
            assertThat(terminate(fx, sup, "a")).isEqualTo(100);
            assertThat(fx.sim.exitReason(a)).contains(Term.SHUTDOWN);
        }

        @Test
        void infinityWaitsAsLongAsItTakes() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a", Opts.DEFAULT.slowTerminate(10_000)).withShutdown(Shutdown.INFINITY));
            Pid a = fx.pidOf(sup, "a");
            assertThat(terminate(fx, sup, "a")).isEqualTo(10_000);
            assertThat(fx.sim.exitReason(a)).contains(Term.SHUTDOWN);
        }

        @Test
        void nonTrappingChildDiesWithShutdownAtOnce() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a"));
            Pid a = fx.pidOf(sup, "a");
            assertThat(terminate(fx, sup, "a")).isZero();
            assertThat(fx.sim.exitReason(a)).contains(Term.SHUTDOWN);
            assertThat(fx.w.lines("terminate")).isEmpty();
        }

        @Test
        void supervisorShutdownStopsChildrenOneAtATimeInReverseOrder() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10,
                    fx.w.worker("a", Opts.DEFAULT.slowTerminate(100)),
                    fx.w.worker("b", Opts.DEFAULT.slowTerminate(200)),
                    fx.w.worker("c", Opts.DEFAULT.slowTerminate(300)));
            long t0 = fx.sim.now();
            fx.stopFromParent(sup);
            assertThat(fx.sim.now() - t0).isEqualTo(600);
            assertThat(fx.w.timed).containsSubsequence(
                    t0 + " terminate c shutdown", (t0 + 300) + " terminate b shutdown", (t0 + 500) + " terminate a shutdown");
            assertThat(fx.sim.exitReason(sup)).contains(Term.SHUTDOWN);
        }

        @Test
        void exitSignalsFromNonParentsAreIgnoredButKillWorks() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a"));
            Pid a = fx.pidOf(sup, "a");
            fx.exit(sup, Term.SHUTDOWN);
            fx.exit(sup, Term.NORMAL);
            fx.exit(sup, BOOM);
            assertThat(fx.sim.node.isAlive(sup)).isTrue();
            assertThat(fx.pidOf(sup, "a")).isEqualTo(a);
            fx.exit(sup, Term.KILL);
            assertThat(fx.sim.exitReason(sup)).contains(Term.KILLED);
            assertThat(fx.sim.exitReason(a)).contains(Term.KILLED);
        }
    }

    // ---- restart type x exit reason --------------------------------------------------------------

    enum Outcome { RESTARTED, KEPT_NOT_RUNNING, REMOVED }

    static Stream<Arguments> restartTable() {
        var reasons = List.<Term>of(Term.NORMAL, Term.SHUTDOWN, Term.tuple(Term.SHUTDOWN, atom("x")), BOOM, Term.KILLED);
        var out = new ArrayList<Arguments>();
        for (var restart : Restart.values()) {
            for (var reason : reasons) {
                Outcome expected = switch (restart) {
                    case PERMANENT -> Outcome.RESTARTED;
                    case TRANSIENT -> Term.isNormalStop(reason) ? Outcome.KEPT_NOT_RUNNING : Outcome.RESTARTED;
                    case TEMPORARY -> Outcome.REMOVED;
                };
                out.add(Arguments.of(restart, reason.render(), reason, expected));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} child exiting {1}")
    @MethodSource("restartTable")
    void restartTypeTimesExitReason(Restart restart, String label, Term reason, Outcome expected) {
        var fx = new Fx();
        Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a"), fx.w.worker("w").withRestart(restart), fx.w.worker("z"));
        Pid w = fx.pidOf(sup, "w");
        if (reason.equals(Term.KILLED)) fx.exit(w, Term.KILL);
        else fx.cast(w, new Workers.StopWith(reason));
        assertThat(fx.sim.exitReason(w)).contains(reason);
        var which = fx.which(sup);
        switch (expected) {
            case RESTARTED -> {
                assertThat(which).extracting(ChildInfo::id).containsExactly("a", "w", "z");
                assertThat(which.get(1).pid()).isNotNull().isNotEqualTo(w);
                assertThat(fx.sim.node.isAlive(which.get(1).pid())).isTrue();
            }
            case KEPT_NOT_RUNNING -> {
                assertThat(which).extracting(ChildInfo::id).containsExactly("a", "w", "z");
                assertThat(which.get(1).pid()).isNull();
                assertThat(fx.api(ctx -> Supervisors.restartChild(ctx, sup, "w"))).isInstanceOf(ChildResult.Started.class);
            }
            case REMOVED -> assertThat(which).extracting(ChildInfo::id).containsExactly("a", "z");
        }
        assertThat(fx.sim.node.isAlive(sup)).isTrue();
        assertThat(fx.w.incarnations("a")).isEqualTo(1);
        assertThat(fx.w.incarnations("z")).isEqualTo(1);
    }

    // ---- strategies ----------------------------------------------------------------------------

    @Nested
    class Strategies {
        @Test
        void oneForOneRestartsOnlyTheFailedChild() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a"), fx.w.worker("b"), fx.w.worker("c"));
            var before = fx.which(sup);
            fx.cast(before.get(1).pid(), new Workers.Crash());
            var after = fx.which(sup);
            assertThat(after.get(0).pid()).isEqualTo(before.get(0).pid());
            assertThat(after.get(1).pid()).isNotEqualTo(before.get(1).pid());
            assertThat(after.get(2).pid()).isEqualTo(before.get(2).pid());
            assertThat(fx.sim.timeline("terminated", "restart")).containsExactly("restart b");
        }

        @Test
        void oneForAllStopsOthersInReverseOrderThenStartsAllInOrder() {
            var fx = new Fx();
            Pid sup = fx.startOk(flags(Strategy.ONE_FOR_ALL, 10, 5),
                    fx.w.worker("a"), fx.w.worker("b"), fx.w.worker("c", Opts.DEFAULT.trapping()), fx.w.worker("d"));
            var before = fx.which(sup);
            fx.cast(before.get(1).pid(), new Workers.Crash());
            assertThat(fx.sim.timeline("terminated", "restart")).containsExactly(
                    "terminated d shutdown", "terminated c shutdown", "terminated a shutdown",
                    "restart a", "restart b", "restart c", "restart d");
            assertThat(fx.w.log).containsSubsequence("terminate b error", "terminate c shutdown",
                    "start a", "start b", "start c", "start d");
            var after = fx.which(sup);
            for (int i = 0; i < 4; i++) assertThat(after.get(i).pid()).isNotEqualTo(before.get(i).pid());
        }

        @Test
        void oneForAllRestartsStoppedAndNormallyExitedChildrenAndDropsTemporaries() {
            var fx = new Fx();
            Pid sup = fx.startOk(flags(Strategy.ONE_FOR_ALL, 10, 5),
                    fx.w.worker("a"),
                    fx.w.worker("s"),
                    fx.w.worker("t").withRestart(Restart.TRANSIENT),
                    fx.w.worker("tmp").withRestart(Restart.TEMPORARY),
                    fx.w.worker("i", Opts.DEFAULT.init((c, n) -> n == 1 ? Init.IGNORE : Init.OK)),
                    fx.w.worker("b"));
            fx.api(ctx -> Supervisors.terminateChild(ctx, sup, "s"));
            fx.cast(fx.pidOf(sup, "t"), new Workers.StopWith(Term.NORMAL));
            assertThat(fx.which(sup)).extracting(ChildInfo::id).containsExactly("a", "s", "t", "tmp", "i", "b");
            fx.cast(fx.pidOf(sup, "b"), new Workers.Crash());
            var which = fx.which(sup);
            assertThat(which).extracting(ChildInfo::id).containsExactly("a", "s", "t", "i", "b");
            assertThat(which).allSatisfy(c -> assertThat(c.pid()).isNotNull());
            assertThat(fx.sim.timeline("terminated", "restart")).containsExactly(
                    "terminated s shutdown",
                    "terminated tmp shutdown", "terminated a shutdown",
                    "restart a", "restart s", "restart t", "restart i", "restart b");
        }

        @Test
        void restForOneRestartsTheFailedChildAndLaterOnes() {
            var fx = new Fx();
            Pid sup = fx.startOk(flags(Strategy.REST_FOR_ONE, 10, 5),
                    fx.w.worker("a"), fx.w.worker("b"), fx.w.worker("c"), fx.w.worker("d"));
            var before = fx.which(sup);
            fx.cast(before.get(1).pid(), new Workers.Crash());
            assertThat(fx.sim.timeline("terminated", "restart")).containsExactly(
                    "terminated d shutdown", "terminated c shutdown", "restart b", "restart c", "restart d");
            var after = fx.which(sup);
            assertThat(after.get(0).pid()).isEqualTo(before.get(0).pid());
            // failing the last child restarts only it
            fx.exit(after.get(3).pid(), BOOM);
            assertThat(fx.sim.timeline("terminated", "restart")).endsWith("restart d");
            assertThat(fx.sim.timeline("terminated", "restart")).hasSize(6);
        }
    }

    // ---- escalation and intensity ------------------------------------------------------------------

    @Nested
    class Intensity {
        @Test
        void innerGivesUpParentRestartsItThenTopGivesUp() {
            var fx = new Fx();
            var inner = Supervisors.childSpec("inner", module(flags(Strategy.ONE_FOR_ONE, 0, 5), fx.w.worker("w")));
            Pid top = fx.startOk(flags(Strategy.ONE_FOR_ONE, 1, 5), inner, fx.w.worker("z"));
            fx.sim.advance(100);
            fx.exit(fx.sim.pidsOfChild("w").getLast(), BOOM);
            assertThat(fx.sim.node.isAlive(top)).isTrue();
            assertThat(fx.sim.timeline("give_up", "restart", "exit inner")).containsExactly(
                    "give_up inner w", "exit inner shutdown", "restart inner");
            fx.sim.advance(200);
            fx.exit(fx.sim.pidsOfChild("w").getLast(), BOOM);
            assertThat(fx.sim.timeline("give_up", "restart", "exit inner", "exit top", "exit z")).containsExactly(
                    "give_up inner w", "exit inner shutdown", "restart inner",
                    "give_up inner w", "exit inner shutdown", "give_up top inner", "exit z shutdown", "exit top shutdown");
            assertThat(fx.owner.exits()).containsExactly(new ExitMessage(top, Term.SHUTDOWN));
            assertThat(fx.sim.node.processCount()).isEqualTo(1);
        }

        @Test
        void transientSupervisorChildStopsEscalation() {
            var fx = new Fx();
            var inner = Supervisors.childSpec("inner", module(flags(Strategy.ONE_FOR_ONE, 0, 5), fx.w.worker("w")))
                    .withRestart(Restart.TRANSIENT);
            Pid top = fx.startOk(flags(Strategy.ONE_FOR_ONE, 0, 5), inner, fx.w.worker("z"));
            fx.exit(fx.sim.pidsOfChild("w").getLast(), BOOM);
            assertThat(fx.sim.node.isAlive(top)).isTrue();
            var which = fx.which(top);
            assertThat(which).extracting(ChildInfo::id).containsExactly("inner", "z");
            assertThat(which.get(0).pid()).isNull();
            assertThat(which.get(0).type()).isEqualTo(ChildType.SUPERVISOR);
        }

        /** intensity 1 period 1, one permanent worker killed at each absolute time; true if the supervisor gave up. */
        private boolean gaveUp(long... killTimes) {
            var fx = new Fx();
            Pid sup = fx.startOk(flags(Strategy.ONE_FOR_ONE, 1, 1), fx.w.worker("w"));
            for (long t : killTimes) {
                fx.sim.advanceTo(t);
                if (!fx.sim.node.isAlive(sup)) break;
                fx.exit(fx.sim.latestChild(sup, "w"), BOOM);
            }
            return fx.sim.count(Event.SupervisorGaveUp.class) > 0;
        }

        @Test
        void twoFailuresThreeHundredMsApartGiveUpAtAnyPhase() {
            assertThat(gaveUp(100, 400)).isTrue();
            assertThat(gaveUp(800, 1100)).isTrue();
            assertThat(gaveUp(1999, 2299)).isTrue();
        }

        @Test
        void twoFailures2400MsApartNeverGiveUp() {
            assertThat(gaveUp(100, 2500)).isFalse();
            assertThat(gaveUp(999, 3399)).isFalse();
        }

        @Test
        void restartTimesAreCountedInWholeSeconds() {
            // 1500 ms apart: same answer as OTP only with whole-second timestamps
            assertThat(gaveUp(100, 1600)).as("seconds 0 and 1: within period").isTrue();
            assertThat(gaveUp(600, 2100)).as("seconds 0 and 2: outside period").isFalse();
            // exactly period seconds old is still kept
            assertThat(gaveUp(0, 1999)).isTrue();
            assertThat(gaveUp(999, 2000)).isFalse();
        }

        @Test
        void counterIsSharedByAllChildrenAndExitsNeedingNoRestartDoNotCount() {
            var fx = new Fx();
            Pid sup = fx.startOk(flags(Strategy.ONE_FOR_ONE, 2, 5),
                    fx.w.worker("a"), fx.w.worker("b"), fx.w.worker("t").withRestart(Restart.TRANSIENT));
            fx.cast(fx.pidOf(sup, "t"), new Workers.StopWith(Term.NORMAL)); // no restart, not counted
            fx.exit(fx.pidOf(sup, "a"), BOOM);
            fx.exit(fx.pidOf(sup, "b"), BOOM);
            assertThat(fx.sim.node.isAlive(sup)).isTrue();
            fx.exit(fx.pidOf(sup, "a"), BOOM);
            assertThat(fx.sim.node.isAlive(sup)).isFalse();
            assertThat(fx.sim.timeline("give_up")).containsExactly("give_up top a");
        }

        @Test
        void failedRestartsAreRetriedAndEachRetryCounts() {
            var fx = new Fx();
            Pid sup = fx.startOk(flags(Strategy.ONE_FOR_ONE, 3, 5),
                    fx.w.worker("a"),
                    fx.w.worker("b", Opts.DEFAULT.init((ctx, n) -> {
                        if (n == 1) return Init.OK;
                        ctx.sleep(100);
                        return Init.CRASH;
                    })),
                    fx.w.worker("c"));
            fx.sim.advanceTo(1000);
            fx.sim.node.exit(fx.pidOf(sup, "b"), BOOM);
            fx.sim.advanceTo(1050);
            // These calls arrive while the supervisor is restarting b.
            List<Object> answers = fx.sim.run(ctx -> List.of(
                    Supervisors.restartChild(ctx, sup, "b"),
                    Supervisors.deleteChild(ctx, sup, "b"),
                    Supervisors.whichChildren(ctx, sup)));
            assertThat(answers.get(0)).isEqualTo(new Reply.Ok<>(new ChildResult.Error(atom("restarting"))));
            assertThat(answers.get(1)).isEqualTo(new Reply.Ok<>(new ChildResult.Error(atom("restarting"))));
            assertThat(answers.get(2)).isInstanceOfSatisfying(Reply.Ok.class, ok -> {
                @SuppressWarnings("unchecked") var which = (List<ChildInfo>) ok.value();
                assertThat(which.get(1).id()).isEqualTo("b");
                assertThat(which.get(1).restarting()).isTrue();
                assertThat(which.get(1).pid()).isNull();
            });
            fx.sim.advance(10_000);
            assertThat(fx.sim.timeline("start_failed", "give_up")).containsExactly(
                    "start_failed b error", "start_failed b error", "start_failed b error", "give_up top b");
            assertThat(fx.w.incarnations("b")).isEqualTo(4);
            assertThat(fx.sim.node.isAlive(sup)).isFalse();
        }

        @Test
        void failedRestartRecoversWhenALaterAttemptSucceeds() {
            var fx = new Fx();
            Pid sup = fx.startOk(flags(Strategy.ONE_FOR_ONE, 3, 5),
                    fx.w.worker("b", Opts.DEFAULT.init((ctx, n) -> n == 2 || n == 3 ? Init.CRASH : Init.OK)));
            fx.exit(fx.pidOf(sup, "b"), BOOM);
            assertThat(fx.sim.node.isAlive(sup)).isTrue();
            var b = fx.which(sup).getFirst();
            assertThat(b.pid()).isNotNull();
            assertThat(b.restarting()).isFalse();
            assertThat(fx.w.incarnations("b")).isEqualTo(4);
        }
    }

    // ---- child management API --------------------------------------------------------------------

    @Nested
    class ChildApi {
        @Test
        void startChildAppendsAndIsStoppedFirst() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a"), fx.w.worker("b"));
            var r = fx.api(ctx -> Supervisors.startChild(ctx, sup, fx.w.worker("x")));
            assertThat(r).isInstanceOf(ChildResult.Started.class);
            assertThat(fx.ids(sup)).containsExactly("a", "b", "x");
            fx.stopFromParent(sup);
            assertThat(fx.sim.timeline("terminated")).containsExactly(
                    "terminated x shutdown", "terminated b shutdown", "terminated a shutdown");
        }

        @Test
        void alreadyStartedAndAlreadyPresent() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a"));
            Pid a = fx.pidOf(sup, "a");
            var r = fx.api(ctx -> Supervisors.startChild(ctx, sup, fx.w.worker("a")));
            assertThat(r).isEqualTo(new ChildResult.Error(Term.tuple(atom("already_started"), new Term.PidTerm(a))));
            assertThat(fx.api(ctx -> Supervisors.terminateChild(ctx, sup, "a"))).isEqualTo(new ChildResult.Done());
            var r2 = fx.api(ctx -> Supervisors.startChild(ctx, sup, fx.w.worker("a")));
            assertThat(r2).isEqualTo(new ChildResult.Error(atom("already_present")));
            assertThat(fx.w.incarnations("a")).isEqualTo(1);
        }

        @Test
        void terminateKeepsSpecRestartAndDeleteFollowTheRules() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a"), fx.w.worker("b"));
            Pid a1 = fx.pidOf(sup, "a");
            assertThat(fx.api(ctx -> Supervisors.restartChild(ctx, sup, "a"))).isEqualTo(new ChildResult.Error(atom("running")));
            assertThat(fx.api(ctx -> Supervisors.deleteChild(ctx, sup, "a"))).isEqualTo(new ChildResult.Error(atom("running")));
            assertThat(fx.api(ctx -> Supervisors.terminateChild(ctx, sup, "a"))).isEqualTo(new ChildResult.Done());
            assertThat(fx.sim.exitReason(a1)).contains(Term.SHUTDOWN);
            fx.sim.advance(10_000);
            assertThat(fx.which(sup).getFirst()).satisfies(c -> {
                assertThat(c.id()).isEqualTo("a");
                assertThat(c.pid()).as("terminate_child never triggers a restart").isNull();
            });
            assertThat(fx.api(ctx -> Supervisors.restartChild(ctx, sup, "a"))).isInstanceOfSatisfying(ChildResult.Started.class,
                    s -> assertThat(s.pid()).isNotEqualTo(a1));
            assertThat(fx.api(ctx -> Supervisors.terminateChild(ctx, sup, "a"))).isEqualTo(new ChildResult.Done());
            assertThat(fx.api(ctx -> Supervisors.deleteChild(ctx, sup, "a"))).isEqualTo(new ChildResult.Done());
            assertThat(fx.ids(sup)).containsExactly("b");
            assertThat(fx.api(ctx -> Supervisors.restartChild(ctx, sup, "a"))).isEqualTo(new ChildResult.Error(atom("not_found")));
            assertThat(fx.api(ctx -> Supervisors.deleteChild(ctx, sup, "a"))).isEqualTo(new ChildResult.Error(atom("not_found")));
            assertThat(fx.api(ctx -> Supervisors.terminateChild(ctx, sup, "a"))).isEqualTo(new ChildResult.Error(atom("not_found")));
            assertThat(fx.sim.count(Event.SupervisorGaveUp.class)).isZero();
        }

        @Test
        void terminateChildDropsATemporarySpec() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a"), fx.w.worker("t").withRestart(Restart.TEMPORARY));
            assertThat(fx.api(ctx -> Supervisors.terminateChild(ctx, sup, "t"))).isEqualTo(new ChildResult.Done());
            assertThat(fx.ids(sup)).containsExactly("a");
        }

        @Test
        void startChildErrorsAndIgnore() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a"));
            var stop = fx.api(ctx -> Supervisors.startChild(ctx, sup, fx.w.worker("s", Opts.DEFAULT.init(Init.STOP))));
            assertThat(stop).isInstanceOfSatisfying(ChildResult.Error.class, e -> assertThat(e.render()).contains("boom"));
            var ign = fx.api(ctx -> Supervisors.startChild(ctx, sup, fx.w.worker("i", Opts.DEFAULT.init(Init.IGNORE))));
            assertThat(ign).isEqualTo(new ChildResult.NotStarted());
            var tign = fx.api(ctx -> Supervisors.startChild(ctx, sup,
                    fx.w.worker("ti", Opts.DEFAULT.init(Init.IGNORE)).withRestart(Restart.TEMPORARY)));
            assertThat(tign).isEqualTo(new ChildResult.NotStarted());
            var bad = fx.api(ctx -> Supervisors.startChild(ctx, sup, fx.w.worker("sig").withSignificant(true)));
            assertThat(bad).isInstanceOfSatisfying(ChildResult.Error.class,
                    e -> assertThat(e.reason().render()).startsWith("{bad_combination,"));
            assertThat(fx.ids(sup)).containsExactly("a", "i");
            assertThat(fx.sim.node.isAlive(sup)).isTrue();
        }

        @Test
        void countAndWhichChildren() {
            var fx = new Fx();
            var sub = Supervisors.childSpec("sub", module(ONE_FOR_ONE_10, fx.w.worker("x")));
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a"), sub,
                    fx.w.worker("i", Opts.DEFAULT.init(Init.IGNORE)), fx.w.worker("b"));
            assertThat(fx.count(sup)).isEqualTo(new ChildCounts(4, 3, 1, 3));
            var which = fx.which(sup);
            assertThat(which).extracting(ChildInfo::id).containsExactly("a", "sub", "i", "b");
            assertThat(which).extracting(ChildInfo::type)
                    .containsExactly(ChildType.WORKER, ChildType.SUPERVISOR, ChildType.WORKER, ChildType.WORKER);
            Pid subPid = which.get(1).pid();
            assertThat(fx.ids(subPid)).containsExactly("x");
            fx.api(ctx -> Supervisors.terminateChild(ctx, sup, "b"));
            assertThat(fx.count(sup)).isEqualTo(new ChildCounts(4, 2, 1, 3));
        }

        @Test
        void callsToADeadSupervisorExitWithNoproc() {
            var fx = new Fx();
            Pid sup = fx.startOk(ONE_FOR_ONE_10, fx.w.worker("a"));
            fx.exit(sup, Term.KILL);
            Reply<List<ChildInfo>> r = fx.sim.run(ctx -> Supervisors.whichChildren(ctx, sup));
            assertThat(r).isInstanceOfSatisfying(Reply.Exited.class, e -> assertThat(Term.head(e.reason())).isEqualTo(Term.NOPROC));
        }
    }
}
