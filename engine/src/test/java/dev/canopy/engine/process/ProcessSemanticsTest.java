package dev.canopy.engine.process;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.runtime.Node;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static dev.canopy.engine.term.Term.atom;
import static org.assertj.core.api.Assertions.assertThat;

/** Erlang process semantics (SEMANTICS.md §1): mailboxes, links, exit signals, monitors, names. */
class ProcessSemanticsTest {
    private static final Term BOOM = atom("boom");

    /** A process that waits for "go" and then exits with the given reason. */
    private static ProcessBody exitOnGo(Term reason) {
        return ctx -> {
            ctx.receive(m -> "go".equals(m) ? m : null);
            throw ctx.exit(reason);
        };
    }

    /** A process that records every message it receives, forever. */
    private static ProcessBody collector(List<Object> into) {
        return ctx -> {
            while (true) into.add(ctx.receive());
        };
    }

    @Nested
    class Mailbox {
        @Test
        void messagesFromOneSenderArriveInSendOrder() {
            var sim = new Sim(7);
            var got = new CopyOnWriteArrayList<Object>();
            Pid sink = sim.spawn(collector(got));
            sim.spawn(ctx -> { for (int i = 0; i < 50; i++) ctx.send(sink, "a" + i); });
            sim.spawn(ctx -> { for (int i = 0; i < 50; i++) ctx.send(sink, "b" + i); });
            sim.settle();
            assertThat(got).hasSize(100);
            var fromA = got.stream().filter(m -> ((String) m).startsWith("a")).toList();
            var fromB = got.stream().filter(m -> ((String) m).startsWith("b")).toList();
            for (int i = 0; i < 50; i++) {
                assertThat(fromA.get(i)).isEqualTo("a" + i);
                assertThat(fromB.get(i)).isEqualTo("b" + i);
            }
        }

        @Test
        void selectiveReceiveTakesTheMatchAndLeavesTheRestInOrder() {
            var sim = new Sim();
            List<Object> order = sim.run(ctx -> {
                for (var m : List.of("a", "b", 3, "c", 5)) ctx.send(ctx.self(), m);
                var out = new ArrayList<Object>();
                out.add(ctx.receive(Matcher.type(Integer.class)));
                out.add(ctx.receive(m -> m instanceof Integer i && i == 5 ? i : null));
                out.add(ctx.receive(m -> "c".equals(m) ? m : null));
                // Nothing else matches: the remaining messages keep their original order.
                assertThat(ctx.receive(m -> "zzz".equals(m) ? m : null, 0)).isEmpty();
                out.add(ctx.receive());
                out.add(ctx.receive());
                assertThat(ctx.receive(Matcher.any(), 0)).isEmpty();
                return out;
            });
            assertThat(order).containsExactly(3, 5, "c", "a", "b");
        }

        @Test
        void receiveTimeoutReturnsEmptyAfterExactlyTheVirtualTime() {
            var sim = new Sim();
            sim.advance(1234);
            long[] times = sim.run(ctx -> {
                long t0 = ctx.monotonicMillis();
                var r = ctx.receive(Matcher.any(), 250);
                assertThat(r).isEmpty();
                return new long[]{t0, ctx.monotonicMillis()};
            });
            assertThat(times[1] - times[0]).isEqualTo(250);
            assertThat(sim.node.clock().monotonicMillis()).isEqualTo(1234 + 250);
        }

        @Test
        void nonMatchingMessagesDoNotEndOrExtendTheWait() {
            var sim = new Sim();
            long elapsed = sim.run(ctx -> {
                long t0 = ctx.monotonicMillis();
                ctx.sendAfter(100, ctx.self(), "noise");
                ctx.sendAfter(200, ctx.self(), "noise2");
                var r = ctx.receive(m -> "wanted".equals(m) ? m : null, 250);
                assertThat(r).isEmpty();
                long el = ctx.monotonicMillis() - t0;
                assertThat(ctx.receive()).isEqualTo("noise");
                assertThat(ctx.receive()).isEqualTo("noise2");
                return el;
            });
            assertThat(elapsed).isEqualTo(250);
        }

        @Test
        void messageArrivingBeforeTheTimeoutIsReturnedAtItsArrivalTime() {
            var sim = new Sim();
            long elapsed = sim.run(ctx -> {
                long t0 = ctx.monotonicMillis();
                ctx.sendAfter(80, ctx.self(), "hi");
                assertThat(ctx.receive(Matcher.any(), 1000)).contains("hi");
                return ctx.monotonicMillis() - t0;
            });
            assertThat(elapsed).isEqualTo(80);
        }

        @Test
        void sendAndExitToDeadPidLeaveTheSenderRunning() {
            var sim = new Sim();
            Pid dead = sim.spawn(ctx -> { });
            String r = sim.run(ctx -> {
                ctx.send(dead, "hello");
                ctx.exit(dead, BOOM);
                ctx.exit(dead, Term.KILL);
                return "alive";
            });
            assertThat(r).isEqualTo("alive");
            sim.node.send(dead, "x");
            sim.node.exit(dead, BOOM);
            sim.settle();
            assertThat(sim.node.processCount()).isZero();
        }

        @Test
        void messagesAndExitSignalFromOneSenderKeepTheirOrder() {
            var sim = new Sim(3);
            var got = new CopyOnWriteArrayList<Object>();
            Pid sink = sim.spawn(ctx -> { ctx.trapExit(true); while (true) got.add(ctx.receive()); });
            sim.spawn(ctx -> {
                ctx.send(sink, "m1");
                ctx.exit(sink, BOOM);
                ctx.send(sink, "m2");
            });
            sim.settle();
            assertThat(got).hasSize(3);
            assertThat(got.get(0)).isEqualTo("m1");
            assertThat(got.get(1)).isInstanceOfSatisfying(ExitMessage.class, e -> assertThat(e.reason()).isEqualTo(BOOM));
            assertThat(got.get(2)).isEqualTo("m2");
        }
    }

    @Nested
    class LinksAndExitSignals {
        @Test
        void linkedChildDeathKillsTheParent() {
            var sim = new Sim();
            var child = new AtomicReference<Pid>();
            Pid parent = sim.spawn(ctx -> {
                child.set(ctx.spawnLink(exitOnGo(BOOM)));
                ctx.receive();
            });
            sim.node.send(child.get(), "go");
            sim.settle();
            assertThat(sim.exitReason(child.get())).contains(BOOM);
            assertThat(sim.exitReason(parent)).contains(BOOM);
        }

        @Test
        void linkIsBidirectionalWhenCreatedByLink() {
            var sim = new Sim();
            Pid a = sim.spawn(exitOnGo(BOOM));
            Pid b = sim.spawn(ctx -> { ctx.link(a); ctx.receive(); });
            sim.node.send(a, "go");
            sim.settle();
            assertThat(sim.exitReason(b)).contains(BOOM);

            // and the other way round: the process that called link dies, the target follows
            Pid c = sim.spawn(ctx -> ctx.receive());
            Pid d = sim.spawn(ctx -> { ctx.link(c); ctx.receive(m -> "go".equals(m) ? m : null); throw ctx.exit(atom("bye")); });
            sim.node.send(d, "go");
            sim.settle();
            assertThat(sim.exitReason(c)).contains(atom("bye"));
        }

        @Test
        void unlinkStopsPropagation() {
            var sim = new Sim();
            Pid a = sim.spawn(exitOnGo(BOOM));
            Pid b = sim.spawn(ctx -> { ctx.link(a); ctx.unlink(a); ctx.receive(); });
            sim.node.send(a, "go");
            sim.settle();
            assertThat(sim.node.isAlive(b)).isTrue();
        }

        @Test
        void normalExitSignalIsIgnoredWhenNotTrapping() {
            var sim = new Sim();
            var got = new CopyOnWriteArrayList<Object>();
            Pid p = sim.spawn(collector(got));
            sim.node.exit(p, Term.NORMAL);
            sim.node.send(p, "after");
            sim.settle();
            assertThat(sim.node.isAlive(p)).isTrue();
            assertThat(got).containsExactly("after");

            // a linked process exiting normally does not take a non-trapping partner down
            Pid q = sim.spawn(ctx -> { ctx.spawnLink(ctx2 -> { }); ctx.receive(); });
            assertThat(sim.node.isAlive(q)).isTrue();
        }

        @Test
        void abnormalExitSignalKillsWithTheSameReason() {
            var sim = new Sim();
            Pid p = sim.spawn(ctx -> ctx.receive());
            Pid q = sim.spawn(ctx -> ctx.receive());
            sim.node.exit(p, BOOM);
            sim.node.exit(q, Term.SHUTDOWN);
            sim.settle();
            assertThat(sim.exitReason(p)).contains(BOOM);
            assertThat(sim.exitReason(q)).contains(Term.SHUTDOWN);
        }

        @Test
        void trapExitTurnsSignalsIntoMessages() {
            var sim = new Sim();
            var got = new CopyOnWriteArrayList<Object>();
            var linked = new AtomicReference<Pid>();
            Pid p = sim.spawn(ctx -> {
                ctx.trapExit(true);
                linked.set(ctx.spawnLink(exitOnGo(BOOM)));
                while (true) got.add(ctx.receive());
            });
            sim.node.exit(p, Term.NORMAL);
            sim.node.exit(p, Term.SHUTDOWN);
            sim.node.exit(p, BOOM);
            sim.node.send(linked.get(), "go");
            sim.settle();
            assertThat(sim.node.isAlive(p)).isTrue();
            assertThat(got).containsExactly(
                    new ExitMessage(Node.OUTSIDE, Term.NORMAL),
                    new ExitMessage(Node.OUTSIDE, Term.SHUTDOWN),
                    new ExitMessage(Node.OUTSIDE, BOOM),
                    new ExitMessage(linked.get(), BOOM));
        }

        @Test
        void killIsUntrappableAndSeenAsKilledByLinksAndMonitors() {
            var sim = new Sim();
            var trapperGot = new CopyOnWriteArrayList<Object>();
            var watcherGot = new CopyOnWriteArrayList<Object>();
            Pid victim = sim.spawn(ctx -> { ctx.trapExit(true); ctx.receive(m -> "never".equals(m) ? m : null); });
            Pid trapper = sim.spawn(ctx -> { ctx.trapExit(true); ctx.link(victim); while (true) trapperGot.add(ctx.receive()); });
            Pid plain = sim.spawn(ctx -> { ctx.link(victim); ctx.receive(); });
            Pid watcher = sim.spawn(ctx -> { ctx.monitor(victim); while (true) watcherGot.add(ctx.receive()); });
            sim.node.exit(victim, Term.KILL);
            sim.settle();
            assertThat(sim.exitReason(victim)).contains(Term.KILLED);
            assertThat(sim.exitReason(plain)).contains(Term.KILLED);
            assertThat(trapperGot).containsExactly(new ExitMessage(victim, Term.KILLED));
            assertThat(sim.node.isAlive(trapper)).isTrue();
            assertThat(watcherGot).singleElement().isInstanceOfSatisfying(Down.class, d -> {
                assertThat(d.pid()).isEqualTo(victim);
                assertThat(d.reason()).isEqualTo(Term.KILLED);
            });
            assertThat(sim.node.isAlive(watcher)).isTrue();
        }

        @Test
        void exitKillOnSelfViaExit1SendsTrappableKillThroughLinks() {
            var sim = new Sim();
            var trapperGot = new CopyOnWriteArrayList<Object>();
            Pid suicide = sim.spawn(exitOnGo(Term.KILL));
            Pid plain = sim.spawn(ctx -> { ctx.link(suicide); ctx.receive(); });
            Pid trapper = sim.spawn(ctx -> { ctx.trapExit(true); ctx.link(suicide); while (true) trapperGot.add(ctx.receive()); });
            sim.node.send(suicide, "go");
            sim.settle();
            assertThat(sim.exitReason(suicide)).contains(Term.KILL);
            assertThat(sim.exitReason(plain)).as("non-trapping linked process dies with kill, not killed").contains(Term.KILL);
            assertThat(sim.node.isAlive(trapper)).isTrue();
            assertThat(trapperGot).containsExactly(new ExitMessage(suicide, Term.KILL));
        }

        @Test
        void exitSelfNormalTerminatesEvenWhenNotTrapping() {
            var sim = new Sim();
            var after = new CopyOnWriteArrayList<String>();
            Pid p = sim.spawn(ctx -> {
                ctx.exit(ctx.self(), Term.NORMAL);
                after.add("ran on");
                ctx.receive();
            });
            assertThat(sim.exitReason(p)).contains(Term.NORMAL);
            assertThat(after).isEmpty();
        }

        @Test
        void exitSelfNormalIsAMessageWhenTrapping() {
            var sim = new Sim();
            Object m = sim.run(ctx -> {
                ctx.trapExit(true);
                ctx.exit(ctx.self(), Term.NORMAL);
                return ctx.receive(Matcher.any(), 0).orElse(null);
            });
            assertThat(m).isInstanceOfSatisfying(ExitMessage.class, e -> assertThat(e.reason()).isEqualTo(Term.NORMAL));
        }

        @Test
        void exitSelfKillViaExit2GivesKilled() {
            var sim = new Sim();
            Pid p = sim.spawn(ctx -> { ctx.trapExit(true); ctx.exit(ctx.self(), Term.KILL); ctx.receive(); });
            assertThat(sim.exitReason(p)).contains(Term.KILLED);
        }

        @Test
        void linkToDeadProcessGivesNoprocExit() {
            var sim = new Sim();
            Pid dead = sim.spawn(ctx -> { });
            Object m = sim.run(ctx -> {
                ctx.trapExit(true);
                ctx.link(dead);
                return ctx.receive(Matcher.any(), 0).orElse(null);
            });
            assertThat(m).isEqualTo(new ExitMessage(dead, Term.NOPROC));
        }
    }

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
