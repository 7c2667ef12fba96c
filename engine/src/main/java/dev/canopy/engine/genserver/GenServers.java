package dev.canopy.engine.genserver;

import dev.canopy.engine.runtime.Distribution;
import dev.canopy.engine.process.CallReply;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.term.Term;

import java.util.List;
import java.util.function.Supplier;

/** Starting gen_servers and talking to them: start_link, call, cast, reply (gen_server's API). */
public final class GenServers {
    public static final long DEFAULT_CALL_TIMEOUT_MS = 5000;

    private GenServers() {}

    /** Starts a server linked to the caller and waits for its init (synchronous, like OTP). */
    public static <S> StartResult startLink(ProcessContext ctx, Supplier<? extends GenServer<S>> factory) {
        return start(ctx, factory, null, true);
    }

    public static <S> StartResult startLink(ProcessContext ctx, Supplier<? extends GenServer<S>> factory, String name) {
        return start(ctx, factory, name, true);
    }

    public static <S> StartResult start(ProcessContext ctx, Supplier<? extends GenServer<S>> factory, String name, boolean link) {
        var mark = ctx.markMailbox(); // the answer names a ref and a pid made after this
        var ref = ctx.makeRef();
        Pid pid;
        dev.canopy.engine.process.Ref monitor = null;
        if (link) {
            pid = ctx.spawnLink(c -> new GenServerLoop<>(c, factory.get()).run(ref, name));
        } else {
            var sm = ctx.spawnMonitor(c -> new GenServerLoop<>(c, factory.get()).run(ref, name));
            pid = sm.pid();
            monitor = sm.ref();
        }
        var watch = monitor;
        Object answer = ctx.receiveAfter(mark, m -> {
            if (m instanceof Protocol.InitAck a && a.ref().equals(ref)) return a;
            if (m instanceof ExitMessage e && e.from().equals(pid)) return e;
            if (watch != null && m instanceof Down d && d.ref().equals(watch)) return d;
            return null;
        }, ProcessContext.INFINITY).orElseThrow();
        if (answer instanceof Protocol.InitAck a && a.result() instanceof StartResult.Failed) awaitExit(ctx, pid, watch);
        if (watch != null) ctx.demonitor(watch, true);
        // if/instanceof, not a pattern switch: every start and restart runs it (GenServerLoop#loop says why).
        if (answer instanceof Protocol.InitAck a) return a.result();
        if (answer instanceof ExitMessage e) return new StartResult.Failed(e.reason());
        if (answer instanceof Down d) return new StartResult.Failed(d.reason());
        throw new IllegalStateException("unexpected " + answer);
    }

    /**
     * A server whose init failed acks the failure and then exits. The start returns only once it
     * has exited (proc_lib's synchronous start on failure since OTP 26): otherwise, on a live node
     * with the two on different threads, the caller could act on the failure (a supervisor shutting
     * down its other children, a driver logging the result) before the failed server's exit
     * happened, and traces would order them either way. When it has exited already (always on the
     * deterministic scheduler, where it runs until it exits) nothing is waited for and no monitor
     * is added, so simulated runs and their event streams are unchanged.
     */
    private static void awaitExit(ProcessContext ctx, Pid pid, dev.canopy.engine.process.Ref watch) {
        if (!ctx.isAlive(pid)) return;
        var ref = watch != null ? watch : ctx.monitor(pid);
        ctx.receive(m -> m instanceof Down d && d.ref().equals(ref) ? d : null);
    }

    public static CallResult call(ProcessContext ctx, Pid server, Object request) {
        return call(ctx, server, request, DEFAULT_CALL_TIMEOUT_MS);
    }

    /**
     * A synchronous call (gen.erl do_call): monitor the server, send, wait for the reply,
     * the server's DOWN or the timeout. A late reply is dropped (aliases), never queued.
     */
    public static CallResult call(ProcessContext ctx, Pid server, Object request, long timeoutMs) {
        if (server.equals(ctx.self())) return new CallResult.Exited(Term.tuple(Term.CALLING_SELF, callInfo(server, timeoutMs)));
        // Only a reply or DOWN with the fresh ref ends the wait: the receive skips what came before the mark.
        var self = ctx.self();
        var sent = ctx.sendRequest(server, r -> new Protocol.Call(new From(self, r), request));
        var ref = sent.ref();
        var answer = ctx.receiveAfter(sent.mark(), m -> GenServerLoop.isReply(m, ref)
                || (m instanceof Down d && d.ref().equals(ref)) ? m : null, timeoutMs);
        // Every way out closes the alias (a receive interrupted by an exit signal ends the process,
        // and its aliases with it).
        if (answer.isEmpty()) {
            // Close the alias first: a reply racing the timeout is then dropped, never queued.
            ctx.unalias(ref);
            ctx.demonitor(ref, true);
            return new CallResult.Exited(Term.tuple(Term.TIMEOUT, callInfo(server, timeoutMs)));
        }
        return switch (answer.get()) {
            case CallReply r -> {
                ctx.demonitorWithAlias(ref, true);
                yield new CallResult.Replied(r.value());
            }
            // gen.erl: a lost connection ends the call with {nodedown, Node}.
            case Down d -> {
                ctx.unalias(ref);
                yield new CallResult.Exited(Term.tuple(Distribution.callExitReason(ctx.node(), server, d.reason()), callInfo(server, timeoutMs)));
            }
            default -> throw new IllegalStateException("unexpected " + answer.get());
        };
    }

    /** {gen_server, call, [Server, Timeout]}: the second element of a failed call's exit reason (made only on failure). */
    private static Term callInfo(Pid server, long timeoutMs) {
        return Term.tuple(Term.atom("gen_server"), Term.atom("call"),
                new Term.TermList(List.of(new Term.PidTerm(server), new Term.Int(timeoutMs == ProcessContext.INFINITY ? -1 : timeoutMs))));
    }

    public static CallResult call(ProcessContext ctx, String name, Object request, long timeoutMs) {
        var pid = ctx.whereis(name);
        if (pid.isEmpty()) {
            return new CallResult.Exited(Term.tuple(Term.NOPROC, Term.tuple(Term.atom("gen_server"), Term.atom("call"), Term.atom(name))));
        }
        return call(ctx, pid.get(), request, timeoutMs);
    }

    /** Calls and, like Erlang, exits the caller when the call fails. */
    public static Object callOrExit(ProcessContext ctx, Pid server, Object request, long timeoutMs) {
        return switch (call(ctx, server, request, timeoutMs)) {
            case CallResult.Replied r -> r.value();
            case CallResult.Exited e -> throw ctx.exit(e.reason());
        };
    }

    /** An asynchronous request; dropped silently if the server is gone. */
    public static void cast(ProcessContext ctx, Pid server, Object request) {
        ctx.send(server, new Protocol.Cast(request));
    }

    /** Replies to a call, from the server or from any process that was handed the From. */
    public static void reply(ProcessContext ctx, From from, Object value) {
        ctx.send(from.pid(), new CallReply(from.ref(), value));
    }

    /** sys:get_state/1. */
    public static CallResult getState(ProcessContext ctx, Pid server, long timeoutMs) {
        var mark = ctx.markMailbox();
        var ref = ctx.monitor(server);
        ctx.alias(ref);
        try {
            ctx.send(server, new Protocol.GetState(new From(ctx.self(), ref)));
            var answer = ctx.receiveAfter(mark, m -> GenServerLoop.isReply(m, ref)
                    || (m instanceof Down d && d.ref().equals(ref)) ? m : null, timeoutMs);
            if (answer.isEmpty()) ctx.unalias(ref);
            ctx.demonitor(ref, true);
            if (answer.isEmpty()) return new CallResult.Exited(Term.TIMEOUT);
            return answer.get() instanceof CallReply r ? new CallResult.Replied(r.value())
                    : new CallResult.Exited(((Down) answer.get()).reason());
        } finally {
            ctx.unalias(ref);
        }
    }
}
