package dev.canopy.engine.process;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static dev.canopy.engine.process.ProcessTestBodies.BOOM;
import static dev.canopy.engine.process.ProcessTestBodies.collector;
import static dev.canopy.engine.process.ProcessTestBodies.exitOnGo;
import static org.assertj.core.api.Assertions.assertThat;

/** Erlang process semantics, continued (SEMANTICS.md §1): monitors, names, crashes and call replies. */
class ProcessMonitorsNamesAndCallsTest {
    @Nested
    class Monitors {
        @Test
        void monitorGivesDownWithTheReasonAndWatcherSurvives() {
            var sim = new Sim();
            Pid target = sim.spawn(exitOnGo(BOOM));
            Down down = sim.run(ctx -> {
                var ref = ctx.monitor(target);
                ctx.send(target, "go");
                Down d = ctx.receive(Matcher.type(Down.class));
                assertThat(d.ref()).isEqualTo(ref);
                return d;
            });
            assertThat(down.pid()).isEqualTo(target);
            assertThat(down.reason()).isEqualTo(BOOM);
        }

        @Test
        void monitoringADeadPidGivesNoprocDownAtOnce() {
            var sim = new Sim();
            Pid dead = sim.spawn(ctx -> { });
            Optional<Down> down = sim.run(ctx -> {
                var ref = ctx.monitor(dead);
                var d = ctx.receive(Matcher.type(Down.class), 0);
                assertThat(d).hasValueSatisfying(x -> assertThat(x.ref()).isEqualTo(ref));
                return d;
            });
            assertThat(down).hasValueSatisfying(d -> {
                assertThat(d.reason()).isEqualTo(Term.NOPROC);
                assertThat(d.pid()).isEqualTo(dead);
            });
        }

        @Test
        void demonitorWithFlushRemovesAQueuedDown() {
            var sim = new Sim();
            Pid t1 = sim.spawn(exitOnGo(BOOM));
            Pid t2 = sim.spawn(exitOnGo(BOOM));
            List<Object> left = sim.run(ctx -> {
                var r1 = ctx.monitor(t1);
                var r2 = ctx.monitor(t2);
                ctx.send(t1, "go");
                ctx.send(t2, "go");
                ctx.sleep(10); // both DOWNs are now queued
                ctx.demonitor(r1, true);
                ctx.demonitor(r2, false);
                var out = new ArrayList<Object>();
                Optional<Object> m;
                while ((m = ctx.receive(Matcher.any(), 0)).isPresent()) out.add(m.get());
                return out;
            });
            assertThat(left).singleElement().isInstanceOfSatisfying(Down.class, d -> assertThat(d.pid()).isEqualTo(t2));
        }

        @Test
        void demonitorBeforeDeathMeansNoDown() {
            var sim = new Sim();
            Pid t = sim.spawn(exitOnGo(BOOM));
            Optional<Object> m = sim.run(ctx -> {
                var r = ctx.monitor(t);
                ctx.demonitor(r, false);
                ctx.send(t, "go");
                return ctx.receive(Matcher.any(), 100);
            });
            assertThat(m).isEmpty();
        }
    }

    @Nested
    class Names {
        @Test
        void registerWhereisSendByNameAndUnregisterOnExit() {
            var sim = new Sim();
            var got = new CopyOnWriteArrayList<Object>();
            Pid p = sim.spawn(ctx -> {
                assertThat(ctx.register("svc")).isTrue();
                assertThat(ctx.register("other")).as("a process has at most one name").isFalse();
                got.add(ctx.receive());
                ctx.receive(m -> "stop".equals(m) ? m : null);
            });
            assertThat(sim.node.whereis("svc")).contains(p);
            boolean taken = sim.run(ctx -> ctx.register("svc"));
            assertThat(taken).isFalse();
            boolean sent = sim.run(ctx -> ctx.send("svc", "by name"));
            assertThat(sent).isTrue();
            assertThat(got).containsExactly("by name");
            sim.node.send(p, "stop");
            sim.settle();
            assertThat(sim.node.whereis("svc")).isEmpty();
            boolean sentAfter = sim.run(ctx -> ctx.send("svc", "lost"));
            assertThat(sentAfter).isFalse();
            // the name is free again
            boolean again = sim.run(ctx -> ctx.register("svc") && ctx.whereis("svc").orElseThrow().equals(ctx.self()));
            assertThat(again).isTrue();
        }

        @Test
        void unregisterFreesTheName() {
            var sim = new Sim();
            Pid p = sim.spawn(ctx -> { ctx.register("n"); ctx.unregister("n"); ctx.receive(); });
            assertThat(sim.node.isAlive(p)).isTrue();
            assertThat(sim.node.whereis("n")).isEmpty();
        }
    }

    @Nested
    class Crashes {
        @Test
        void exceptionBecomesCrashReasonAndOthersKeepRunning() {
            var sim = new Sim(11);
            var got = new CopyOnWriteArrayList<Object>();
            Pid sink = sim.spawn(collector(got));
            Pid crasher = sim.spawn(ctx -> { throw new IllegalStateException("bad thing"); });
            Pid crasher2 = sim.spawn(ctx -> { throw new AssertionError("an error, not an exception"); });
            sim.spawn(ctx -> { for (int i = 0; i < 3; i++) ctx.send(sink, i); });
            assertThat(sim.exitReason(crasher)).hasValueSatisfying(r -> {
                assertThat(r).isInstanceOf(Term.Crash.class);
                assertThat(((Term.Crash) r).exceptionClass()).isEqualTo(IllegalStateException.class.getName());
                assertThat(((Term.Crash) r).message()).isEqualTo("bad thing");
                assertThat(r.render()).isEqualTo("error");
            });
            assertThat(sim.exitReason(crasher2)).hasValueSatisfying(r -> assertThat(r).isInstanceOf(Term.Crash.class));
            assertThat(got).containsExactly(0, 1, 2);
            String still = sim.run(ctx -> "scheduler still works");
            assertThat(still).isEqualTo("scheduler still works");
        }

        @Test
        void crashPropagatesThroughLinksAsCrashReason() {
            var sim = new Sim();
            var child = new AtomicReference<Pid>();
            Pid parent = sim.spawn(ctx -> {
                child.set(ctx.spawnLink(c -> { c.receive(); throw new RuntimeException("x"); }));
                ctx.receive();
            });
            sim.node.send(child.get(), "go");
            sim.settle();
            assertThat(sim.exitReason(parent)).hasValueSatisfying(r -> assertThat(r).isInstanceOf(Term.Crash.class));
        }
    }

    @Nested
    class CallReplies {
        static final class Slow implements GenServer<Object> {
            @Override public InitResult<Object> init(ProcessContext ctx) { return InitResult.ok("s"); }

            @Override public HandlerResult<Object> handleCall(ProcessContext ctx, Object req, From from, Object s) {
                ctx.sleep((Long) req);
                return HandlerResult.reply("late", s);
            }
        }

        @Test
        void replyArrivingAfterTheCallTimedOutIsDropped() {
            var sim = new Sim();
            var caller = new AtomicReference<Pid>();
            List<Object> leftovers = sim.run(ctx -> {
                caller.set(ctx.self());
                var started = GenServers.start(ctx, Slow::new, null, false);
                Pid srv = ((StartResult.Started) started).pid();
                var r = GenServers.call(ctx, srv, 500L, 100);
                assertThat(r).isInstanceOfSatisfying(CallResult.Exited.class,
                        e -> assertThat(Term.head(e.reason())).isEqualTo(Term.TIMEOUT));
                ctx.sleep(1000); // the server replies at 500
                assertThat(ctx.node().info(ctx.self()).orElseThrow().mailboxSize()).isZero();
                var out = new ArrayList<Object>();
                Optional<Object> m;
                while ((m = ctx.receive(Matcher.any(), 0)).isPresent()) out.add(m.get());
                return out;
            });
            assertThat(leftovers).isEmpty();
            // The reply really was sent: it was dropped on arrival, not never sent.
            assertThat(sim.events).anySatisfy(r -> assertThat(r.event()).isInstanceOfSatisfying(Event.Sent.class, s -> {
                assertThat(s.to()).isEqualTo(caller.get());
                assertThat(s.message()).isInstanceOf(CallReply.class);
            }));
        }

        @Test
        void callReplyIsDeliveredOnlyWhileItsAliasIsActive() {
            var sim = new Sim();
            List<Object> got = sim.run(ctx -> {
                var dead = ctx.makeRef();
                var live = ctx.makeRef();
                ctx.alias(live);
                ctx.send(ctx.self(), new CallReply(dead, "x"));
                ctx.send(ctx.self(), new CallReply(live, "y"));
                ctx.send(ctx.self(), "plain");
                var out = new ArrayList<Object>();
                Optional<Object> m;
                while ((m = ctx.receive(Matcher.any(), 0)).isPresent()) out.add(m.get());
                return out;
            });
            assertThat(got).hasSize(2);
            assertThat(got.get(0)).isInstanceOfSatisfying(CallReply.class, r -> assertThat(r.value()).isEqualTo("y"));
            assertThat(got.get(1)).isEqualTo("plain");
        }
    }
}
