package dev.canopy.engine.supervisor;

import dev.canopy.engine.supervisor.SupervisorFixture.Fx;
import dev.canopy.engine.event.Event;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.supervisor.Workers.Init;
import dev.canopy.engine.supervisor.Workers.Opts;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.canopy.engine.term.Term.atom;
import static dev.canopy.engine.supervisor.SupervisorFixture.BOOM;
import static dev.canopy.engine.supervisor.SupervisorFixture.ONE_FOR_ONE_10;
import static dev.canopy.engine.supervisor.SupervisorFixture.flags;
import static dev.canopy.engine.supervisor.SupervisorFixture.module;
import static org.assertj.core.api.Assertions.assertThat;

/** Static supervisors, continued (SEMANTICS.md §4–§9): escalation and restart intensity, and the child management API. */
class SupervisorIntensityAndApiTest {
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
