package dev.canopy.engine.supervisor;

import dev.canopy.engine.supervisor.SupervisorFixture.Fx;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Pid;
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
import java.util.stream.Stream;

import static dev.canopy.engine.term.Term.atom;
import static dev.canopy.engine.supervisor.SupervisorFixture.BOOM;
import static dev.canopy.engine.supervisor.SupervisorFixture.ONE_FOR_ONE_10;
import static dev.canopy.engine.supervisor.SupervisorFixture.flags;
import static dev.canopy.engine.supervisor.SupervisorFixture.module;
import static org.assertj.core.api.Assertions.assertThat;

/** Static supervisors, grouped like OTP's supervisor_SUITE (SEMANTICS.md §4–§9): start, stop modes, restart types, strategies. */
class SupervisorSuiteTest {
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
}
