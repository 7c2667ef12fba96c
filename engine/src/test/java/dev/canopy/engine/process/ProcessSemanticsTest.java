package dev.canopy.engine.process;

import dev.canopy.engine.runtime.Node;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static dev.canopy.engine.term.Term.atom;
import static dev.canopy.engine.process.ProcessTestBodies.BOOM;
import static dev.canopy.engine.process.ProcessTestBodies.collector;
import static dev.canopy.engine.process.ProcessTestBodies.exitOnGo;
import static org.assertj.core.api.Assertions.assertThat;

/** Erlang process semantics (SEMANTICS.md §1): mailboxes, links and exit signals. */
class ProcessSemanticsTest {
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
}
