package dev.canopy.engine.genserver;

import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Sim;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static dev.canopy.engine.term.Term.atom;
import static org.assertj.core.api.Assertions.assertThat;

/** gen_server semantics (SEMANTICS.md §2, §3). */
class GenServerBehaviourTest {
    private static final Term BOOM = atom("boom");

    /** A server built from lambdas; everything it does is logged. */
    static class Probe implements GenServer<Integer> {
        final List<String> log;

        Probe(List<String> log) { this.log = log; }

        @Override public InitResult<Integer> init(ProcessContext ctx) throws Exception { return InitResult.ok(0); }

        @Override public HandlerResult<Integer> handleCall(ProcessContext ctx, Object request, From from, Integer s) throws Exception {
            log.add("call " + request);
            if (request instanceof Long ms) { ctx.sleep(ms); return HandlerResult.reply("slept", s); }
            return switch ((String) request) {
                case "get" -> HandlerResult.reply(s, s);
                case "inc" -> HandlerResult.reply(s + 1, s + 1);
                case "die" -> throw ctx.exit(BOOM);
                case "stop_no_reply" -> HandlerResult.stop(atom("bye"), s);
                case "stop_reply" -> new HandlerResult.StopReply<>(Term.NORMAL, "bye", s);
                case "throw" -> throw new IllegalStateException("handler exception");
                default -> HandlerResult.reply("?", s);
            };
        }

        @Override public HandlerResult<Integer> handleCast(ProcessContext ctx, Object request, Integer s) throws Exception {
            log.add("cast " + request);
            return switch ((String) request) {
                case "add" -> HandlerResult.noreply(s + 10);
                case "stop" -> HandlerResult.stop(atom("bye"), s);
                case "throw" -> throw new IllegalArgumentException("cast exception");
                default -> HandlerResult.noreply(s);
            };
        }

        @Override public HandlerResult<Integer> handleInfo(ProcessContext ctx, Object message, Integer s) {
            log.add("info " + (message instanceof ExitMessage e ? "EXIT " + e.reason().render() : message));
            return HandlerResult.noreply(s);
        }

        @Override public void terminate(ProcessContext ctx, Term reason, Integer s) {
            log.add("terminate " + reason.render());
        }
    }

    private static StartResult startUnlinked(ProcessContext ctx, Supplier<? extends GenServer<Integer>> f) {
        return GenServers.start(ctx, f, null, false);
    }

    private static Pid pid(StartResult r) {
        assertThat(r).isInstanceOf(StartResult.Started.class);
        return ((StartResult.Started) r).pid();
    }

    @Nested
    class Init {
        @Test
        void okStartsTheServer() {
            var sim = new Sim();
            var log = new CopyOnWriteArrayList<String>();
            var owner = sim.owner();
            Pid p = pid(owner.ask(ctx -> GenServers.startLink(ctx, () -> new Probe(log))));
            assertThat(sim.node.isAlive(p)).isTrue();
            assertThat(sim.node.info(p).orElseThrow().links()).contains(owner.pid);
        }

        @Test
        void ignoreReturnsIgnoredAndTheProcessExitsNormal() {
            var sim = new Sim();
            var owner = sim.owner();
            var r = owner.ask(ctx -> GenServers.startLink(ctx, () -> new Probe(List.of()) {
                @Override public InitResult<Integer> init(ProcessContext c) { return InitResult.ignore(); }
            }));
            assertThat(r).isInstanceOf(StartResult.Ignored.class);
            sim.settle();
            assertThat(owner.exits()).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo(Term.NORMAL));
        }

        @Test
        void stopReturnsTheErrorAndTheProcessExitsWithIt() {
            var sim = new Sim();
            var owner = sim.owner();
            var r = owner.ask(ctx -> GenServers.startLink(ctx, () -> new Probe(List.of()) {
                @Override public InitResult<Integer> init(ProcessContext c) { return InitResult.stop(BOOM); }
            }));
            assertThat(r).isEqualTo(new StartResult.Failed(BOOM));
            sim.settle();
            assertThat(owner.exits()).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo(BOOM));
        }

        @Test
        void exceptionReturnsACrashErrorAndTheProcessExitsWithIt() {
            var sim = new Sim();
            var owner = sim.owner();
            var r = owner.ask(ctx -> GenServers.startLink(ctx, () -> new Probe(List.of()) {
                @Override public InitResult<Integer> init(ProcessContext c) { throw new IllegalStateException("init bad"); }
            }));
            assertThat(r).isInstanceOfSatisfying(StartResult.Failed.class, f -> {
                assertThat(f.reason()).isInstanceOf(Term.Crash.class);
                assertThat(((Term.Crash) f.reason()).message()).isEqualTo("init bad");
            });
            sim.settle();
            assertThat(owner.exits()).singleElement().satisfies(e -> assertThat(e.reason()).isInstanceOf(Term.Crash.class));
        }

        @Test
        void exit1InInitIsTheFailureReason() {
            var sim = new Sim();
            var owner = sim.owner();
            var r = owner.ask(ctx -> GenServers.startLink(ctx, () -> new Probe(List.of()) {
                @Override public InitResult<Integer> init(ProcessContext c) { throw c.exit(atom("nope")); }
            }));
            assertThat(r).isEqualTo(new StartResult.Failed(atom("nope")));
        }

        @Test
        void startLinkWaitsForInit() {
            var sim = new Sim();
            var owner = sim.owner();
            long elapsed = owner.ask(ctx -> {
                long t0 = ctx.monotonicMillis();
                GenServers.startLink(ctx, () -> new Probe(List.of()) {
                    @Override public InitResult<Integer> init(ProcessContext c) { c.sleep(700); return InitResult.ok(0); }
                });
                return ctx.monotonicMillis() - t0;
            });
            assertThat(elapsed).isEqualTo(700);
        }

        @Test
        void registeredNameTakenGivesAlreadyStarted() {
            var sim = new Sim();
            var owner = sim.owner();
            var first = owner.ask(ctx -> GenServers.startLink(ctx, () -> new Probe(List.of()), "srv"));
            var second = owner.ask(ctx -> GenServers.startLink(ctx, () -> new Probe(List.of()), "srv"));
            assertThat(sim.node.whereis("srv")).contains(pid(first));
            assertThat(second).isInstanceOfSatisfying(StartResult.Failed.class,
                    f -> assertThat(f.reason().render()).isEqualTo("{already_started,pid}"));
        }
    }

    @Nested
    class Handlers {
        @Test
        void callCastAndInfoReachTheirCallbacksWithState() {
            var sim = new Sim();
            var log = new CopyOnWriteArrayList<String>();
            var owner = sim.owner();
            List<Object> replies = owner.ask(ctx -> {
                Pid p = pid(GenServers.startLink(ctx, () -> new Probe(log)));
                var out = new java.util.ArrayList<Object>();
                out.add(GenServers.call(ctx, p, "inc"));
                GenServers.cast(ctx, p, "add");
                ctx.send(p, "hello");
                out.add(GenServers.call(ctx, p, "get"));
                return out;
            });
            assertThat(replies).containsExactly(new CallResult.Replied(1), new CallResult.Replied(11));
            assertThat(log).containsExactly("call inc", "cast add", "info hello", "call get");
        }

        @Test
        void handleContinueRunsBeforeAnyQueuedMessage() {
            var sim = new Sim();
            var log = new CopyOnWriteArrayList<String>();
            var owner = sim.owner();
            owner.ask(ctx -> {
                Pid p = pid(GenServers.startLink(ctx, () -> new Probe(log) {
                    @Override public InitResult<Integer> init(ProcessContext c) {
                        c.send(c.self(), "early");
                        return InitResult.ok(0, new Next.Continue("c1"));
                    }

                    @Override public HandlerResult<Integer> handleContinue(ProcessContext c, Object arg, Integer s) {
                        log.add("continue " + arg);
                        c.send(c.self(), "from continue");
                        return "c1".equals(arg) ? HandlerResult.noreply(s, new Next.Continue("c2")) : HandlerResult.noreply(s);
                    }

                    @Override public HandlerResult<Integer> handleCall(ProcessContext c, Object r, From f, Integer s) {
                        log.add("call " + r);
                        c.send(c.self(), "after call");
                        return new HandlerResult.Reply<>("ok", s, new Next.Continue("c3"));
                    }
                }));
                return GenServers.call(ctx, p, "x");
            });
            sim.settle();
            assertThat(log).containsExactly("continue c1", "continue c2", "info early", "info from continue",
                    "info from continue", "call x", "continue c3", "info after call", "info from continue");
        }

        @Test
        void timeoutNextCallsHandleInfoTimeoutAfterTheIdleTime() {
            var sim = new Sim();
            var times = new CopyOnWriteArrayList<Long>();
            var owner = sim.owner();
            long t0 = owner.ask(ctx -> {
                GenServers.startLink(ctx, () -> new Probe(List.of()) {
                    @Override public InitResult<Integer> init(ProcessContext c) { return InitResult.ok(0, new Next.Timeout(300)); }

                    @Override public HandlerResult<Integer> handleInfo(ProcessContext c, Object m, Integer s) {
                        if (m.equals(Term.TIMEOUT)) times.add(c.monotonicMillis());
                        return HandlerResult.noreply(s);
                    }
                });
                return ctx.monotonicMillis();
            });
            sim.advance(5000);
            assertThat(times).containsExactly(t0 + 300);
        }

        @Test
        void aMessageBeforeTheTimeoutCancelsIt() {
            var sim = new Sim();
            var log = new CopyOnWriteArrayList<String>();
            var owner = sim.owner();
            Pid p = owner.ask(ctx -> pid(GenServers.startLink(ctx, () -> new Probe(log) {
                @Override public InitResult<Integer> init(ProcessContext c) { return InitResult.ok(0, new Next.Timeout(300)); }
            })));
            sim.advance(100);
            sim.node.send(p, "hi");
            sim.advance(5000);
            assertThat(log).containsExactly("info hi");
        }
    }

    @Nested
    class Terminate {
        @Test
        void runsOnStopTupleAndTheServerExitsWithTheReason() {
            var sim = new Sim();
            var log = new CopyOnWriteArrayList<String>();
            var owner = sim.owner();
            Pid p = owner.ask(ctx -> pid(GenServers.startLink(ctx, () -> new Probe(log))));
            owner.ask(ctx -> { GenServers.cast(ctx, p, "stop"); return null; });
            sim.settle();
            assertThat(log).containsExactly("cast stop", "terminate bye");
            assertThat(sim.exitReason(p)).contains(atom("bye"));
        }

        @Test
        void runsOnExceptionAndTheServerExitsWithTheCrash() {
            var sim = new Sim();
            var log = new CopyOnWriteArrayList<String>();
            var owner = sim.owner();
            Pid p = owner.ask(ctx -> pid(GenServers.startLink(ctx, () -> new Probe(log))));
            owner.ask(ctx -> { GenServers.cast(ctx, p, "throw"); return null; });
            sim.settle();
            assertThat(log).containsExactly("cast throw", "terminate error");
            assertThat(sim.exitReason(p)).hasValueSatisfying(r -> {
                assertThat(r).isInstanceOf(Term.Crash.class);
                assertThat(((Term.Crash) r).exceptionClass()).isEqualTo(IllegalArgumentException.class.getName());
            });
        }

        @Test
        void runsWhenTrappingAndTheParentSendsShutdown() {
            var sim = new Sim();
            var log = new CopyOnWriteArrayList<String>();
            var owner = sim.owner();
            Pid p = owner.ask(ctx -> pid(GenServers.startLink(ctx, () -> new Probe(log) {
                @Override public InitResult<Integer> init(ProcessContext c) { c.trapExit(true); return InitResult.ok(0); }
            })));
            owner.ask(ctx -> { ctx.exit(p, Term.SHUTDOWN); return null; });
            sim.settle();
            assertThat(log).containsExactly("terminate shutdown");
            assertThat(sim.exitReason(p)).contains(Term.SHUTDOWN);
        }

        @Test
        void doesNotRunWhenNotTrappingAndTheParentSendsShutdown() {
            var sim = new Sim();
            var log = new CopyOnWriteArrayList<String>();
            var owner = sim.owner();
            Pid p = owner.ask(ctx -> pid(GenServers.startLink(ctx, () -> new Probe(log))));
            owner.ask(ctx -> { ctx.exit(p, Term.SHUTDOWN); return null; });
            sim.settle();
            assertThat(log).isEmpty();
            assertThat(sim.exitReason(p)).contains(Term.SHUTDOWN);
        }

        @Test
        void exitSignalFromANonParentIsHandleInfoWhenTrapping() {
            var sim = new Sim();
            var log = new CopyOnWriteArrayList<String>();
            var owner = sim.owner();
            Pid p = owner.ask(ctx -> pid(GenServers.startLink(ctx, () -> new Probe(log) {
                @Override public InitResult<Integer> init(ProcessContext c) { c.trapExit(true); return InitResult.ok(0); }
            })));
            sim.node.exit(p, Term.SHUTDOWN);
            sim.settle();
            assertThat(sim.node.isAlive(p)).isTrue();
            assertThat(log).containsExactly("info EXIT shutdown");
        }

        @Test
        void parentKillIsUntrappableAndSkipsTerminate() {
            var sim = new Sim();
            var log = new CopyOnWriteArrayList<String>();
            var owner = sim.owner();
            Pid p = owner.ask(ctx -> pid(GenServers.startLink(ctx, () -> new Probe(log) {
                @Override public InitResult<Integer> init(ProcessContext c) { c.trapExit(true); return InitResult.ok(0); }
            })));
            owner.ask(ctx -> { ctx.exit(p, Term.KILL); return null; });
            sim.settle();
            assertThat(log).isEmpty();
            assertThat(sim.exitReason(p)).contains(Term.KILLED);
        }
    }

    @Nested
    class Calls {
        @Test
        void callTimeoutReturnsTimeoutExitAndTheServerKeepsRunning() {
            var sim = new Sim();
            var log = new CopyOnWriteArrayList<String>();
            var owner = sim.owner();
            Pid p = owner.ask(ctx -> pid(GenServers.startLink(ctx, () -> new Probe(log))));
            long[] times = new long[3];
            var results = owner.ask(ctx -> {
                times[0] = ctx.monotonicMillis();
                var r1 = GenServers.call(ctx, p, 1000L, 100);
                times[1] = ctx.monotonicMillis();
                var r2 = GenServers.call(ctx, p, "inc", 5000);
                times[2] = ctx.monotonicMillis();
                return List.of(r1, r2);
            });
            assertThat(results.get(0)).isInstanceOfSatisfying(CallResult.Exited.class, e -> {
                assertThat(Term.head(e.reason())).isEqualTo(Term.TIMEOUT);
                assertThat(e.reason().render()).startsWith("{timeout,{gen_server,call,");
            });
            assertThat(times[1] - times[0]).isEqualTo(100);
            assertThat(results.get(1)).isEqualTo(new CallResult.Replied(1));
            assertThat(times[2] - times[0]).isEqualTo(1000);
            assertThat(sim.node.isAlive(p)).isTrue();
            assertThat(owner.inbox).isEmpty();
        }

        @Test
        void callToADeadPidGivesNoproc() {
            var sim = new Sim();
            Pid dead = sim.spawn(ctx -> { });
            var r = sim.run(ctx -> GenServers.call(ctx, dead, "get", 1000));
            assertThat(r).isInstanceOfSatisfying(CallResult.Exited.class, e -> {
                assertThat(Term.head(e.reason())).isEqualTo(Term.NOPROC);
                assertThat(e.reason().render()).startsWith("{noproc,{gen_server,call,");
            });
            var byName = sim.run(ctx -> GenServers.call(ctx, "nobody", "get", 1000));
            assertThat(byName).isInstanceOfSatisfying(CallResult.Exited.class,
                    e -> assertThat(Term.head(e.reason())).isEqualTo(Term.NOPROC));
        }

        @Test
        void callToSelfGivesCallingSelf() {
            var sim = new Sim();
            var owner = sim.owner();
            Pid p = owner.ask(ctx -> pid(GenServers.startLink(ctx, () -> new Probe(List.of()) {
                @Override public HandlerResult<Integer> handleCall(ProcessContext c, Object r, From f, Integer s) {
                    return HandlerResult.reply(GenServers.call(c, c.self(), "again", 1000), s);
                }
            })));
            var r = owner.ask(ctx -> GenServers.call(ctx, p, "x", 5000));
            assertThat(r).isInstanceOfSatisfying(CallResult.Replied.class, rep ->
                    assertThat(rep.value()).isInstanceOfSatisfying(CallResult.Exited.class,
                            e -> assertThat(Term.head(e.reason())).isEqualTo(Term.CALLING_SELF)));
            var plain = sim.run(ctx -> GenServers.call(ctx, ctx.self(), "x", 1000));
            assertThat(plain).isInstanceOfSatisfying(CallResult.Exited.class,
                    e -> assertThat(Term.head(e.reason())).isEqualTo(Term.CALLING_SELF));
        }

        @Test
        void replyLaterFromAnotherProcessWhileTheServerServesOthers() {
            var sim = new Sim();
            var log = new CopyOnWriteArrayList<String>();
            var owner = sim.owner();
            Pid p = owner.ask(ctx -> pid(GenServers.startLink(ctx, () -> new Probe(log) {
                @Override public HandlerResult<Integer> handleCall(ProcessContext c, Object r, From f, Integer s) {
                    log.add("call " + r);
                    if ("deferred".equals(r)) {
                        c.spawn(helper -> { helper.sleep(400); GenServers.reply(helper, f, "from helper"); });
                        return HandlerResult.noreply(s);
                    }
                    return HandlerResult.reply("quick", s);
                }
            })));
            var other = new CopyOnWriteArrayList<Object>();
            sim.spawn(ctx -> { ctx.sleep(100); other.add(GenServers.call(ctx, p, "quick", 1000)); other.add(ctx.monotonicMillis()); });
            long t0 = sim.now();
            long[] when = new long[1];
            var r = owner.ask(ctx -> { var x = GenServers.call(ctx, p, "deferred", 1000); when[0] = ctx.monotonicMillis(); return x; });
            assertThat(r).isEqualTo(new CallResult.Replied("from helper"));
            assertThat(when[0] - t0).isEqualTo(400);
            assertThat(other).containsExactly(new CallResult.Replied("quick"), t0 + 100);
        }

        @Test
        void serverDyingMidCallGivesExitWithTheServersReason() {
            var sim = new Sim();
            var log = new CopyOnWriteArrayList<String>();
            var results = sim.run(ctx -> {
                Pid a = pid(startUnlinked(ctx, () -> new Probe(log)));
                Pid b = pid(startUnlinked(ctx, () -> new Probe(log)));
                Pid c = pid(startUnlinked(ctx, () -> new Probe(log)));
                return List.of(GenServers.call(ctx, a, "die", 1000),
                        GenServers.call(ctx, b, "throw", 1000),
                        GenServers.call(ctx, c, "stop_no_reply", 1000));
            });
            assertThat(results.get(0)).isInstanceOfSatisfying(CallResult.Exited.class,
                    e -> assertThat(Term.head(e.reason())).isEqualTo(BOOM));
            assertThat(results.get(1)).isInstanceOfSatisfying(CallResult.Exited.class,
                    e -> assertThat(Term.head(e.reason())).isInstanceOf(Term.Crash.class));
            assertThat(results.get(2)).isInstanceOfSatisfying(CallResult.Exited.class,
                    e -> assertThat(Term.head(e.reason())).isEqualTo(atom("bye")));
            assertThat(log).containsExactly("call die", "terminate boom", "call throw", "terminate error",
                    "call stop_no_reply", "terminate bye");
        }

        @Test
        void stopWithReplyRepliesThenTerminates() {
            var sim = new Sim();
            var log = new CopyOnWriteArrayList<String>();
            var r = sim.run(ctx -> {
                Pid a = pid(startUnlinked(ctx, () -> new Probe(log)));
                var res = GenServers.call(ctx, a, "stop_reply", 1000);
                ctx.sleep(1);
                assertThat(ctx.isAlive(a)).isFalse();
                return res;
            });
            assertThat(r).isEqualTo(new CallResult.Replied("bye"));
            assertThat(log).containsExactly("call stop_reply", "terminate normal");
        }

        @Test
        void callOrExitExitsTheCallerWithTheCallReason() {
            var sim = new Sim();
            Pid dead = sim.spawn(ctx -> { });
            Pid caller = sim.spawn(ctx -> GenServers.callOrExit(ctx, dead, "x", 1000));
            assertThat(sim.exitReason(caller)).hasValueSatisfying(r -> assertThat(Term.head(r)).isEqualTo(Term.NOPROC));
        }
    }
}
