package dev.canopy.engine.genserver;

import dev.canopy.engine.process.CallReply;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.ProcessUnwind;
import dev.canopy.engine.process.Ref;
import dev.canopy.engine.term.Term;

import java.util.Optional;

/**
 * The generic part of a gen_server process (gen_server.erl init_it, loop, decode_msg,
 * terminate). One callback result is interpreted in one place, exhaustively.
 */
final class GenServerLoop<S> {
    private final ProcessContext ctx;
    private final GenServer<S> server;
    private final Pid parent;

    GenServerLoop(ProcessContext ctx, GenServer<S> server) {
        this.ctx = ctx;
        this.server = server;
        this.parent = ctx.parent();
    }

    /** proc_lib-style start: run init, acknowledge the starter, then serve. */
    void run(Ref ackRef, String name) {
        if (name != null && !ctx.register(name)) {
            var holder = ctx.whereis(name).orElse(null);
            ack(ackRef, new StartResult.Failed(Term.tuple(Term.atom("already_started"),
                    holder == null ? Term.UNDEFINED : new Term.PidTerm(holder))));
            throw ctx.exit(Term.NORMAL);
        }
        InitResult<S> init;
        try {
            init = server.init(ctx);
        } catch (ProcessUnwind u) {
            if (u.bySignal()) throw u;
            ack(ackRef, new StartResult.Failed(u.reason()));
            throw u;
        } catch (Exception | LinkageError | AssertionError e) {
            var reason = Term.Crash.of(e);
            ack(ackRef, new StartResult.Failed(reason));
            throw ctx.exit(reason);
        }
        // if/instanceof, not a pattern switch: every start and restart runs it (see loop).
        if (init instanceof InitResult.Ok<S> ok) {
            ack(ackRef, new StartResult.Started(ctx.self()));
            loop(ok.state(), ok.next());
        } else if (init instanceof InitResult.Ignore<S>) {
            ack(ackRef, new StartResult.Ignored());
            throw ctx.exit(Term.NORMAL);
        } else if (init instanceof InitResult.Stop<S> stop) {
            ack(ackRef, new StartResult.Failed(stop.reason()));
            throw ctx.exit(stop.reason());
        } else {
            throw new IllegalStateException("init returned an unknown result: " + init);
        }
    }

    private void ack(Ref ref, StartResult result) {
        ctx.send(parent, new Protocol.InitAck(ref, ctx.self(), result));
    }

    // The loop and dispatch use if/instanceof, not pattern switches: they run for every message,
    // and a switch on patterns goes through an invokedynamic bootstrap (a generated class behind
    // method-handle guards) that the interpreter and C1 run slowly while the JIT warms up.
    private void loop(S state, Next next) {
        while (true) {
            HandlerResult<S> result;
            final S current = state;
            if (next instanceof Next.Continue c) {
                result = guarded(current, () -> server.handleContinue(ctx, c.arg(), current));
            } else if (next instanceof Next.Timeout t) {
                Optional<Object> m = ctx.receive(x -> x, t.ms());
                result = m.isEmpty()
                        ? guarded(current, () -> server.handleInfo(ctx, Term.TIMEOUT, current))
                        : dispatch(m.get(), current);
            } else if (next instanceof Next.None || next instanceof Next.Hibernate) {
                result = dispatch(ctx.receive(), current);
            } else {
                throw new IllegalStateException("a gen_server callback returned an unknown next step: " + next);
            }
            if (result == null) continue;
            if (result instanceof HandlerResult.Reply<S> r) {
                state = r.state();
                next = r.next();
            } else if (result instanceof HandlerResult.NoReply<S> r) {
                state = r.state();
                next = r.next();
            } else if (result instanceof HandlerResult.StopReply<S> r) {
                throw stop(r.reason(), r.state());
            } else if (result instanceof HandlerResult.Stop<S> r) {
                throw stop(r.reason(), r.state());
            } else {
                throw new IllegalStateException("a gen_server callback returned an unknown result: " + result);
            }
        }
    }

    private HandlerResult<S> dispatch(Object message, S state) {
        if (message instanceof Protocol.Call c) {
            var result = guarded(state, () -> server.handleCall(ctx, c.request(), c.from(), state));
            if (result instanceof HandlerResult.Reply<S> r) GenServers.reply(ctx, c.from(), r.reply());
            if (result instanceof HandlerResult.StopReply<S> r) GenServers.reply(ctx, c.from(), r.reply());
            return result;
        }
        if (message instanceof Protocol.Cast c) return guarded(state, () -> server.handleCast(ctx, c.request(), state));
        if (message instanceof Protocol.GetState g) {
            GenServers.reply(ctx, g.from(), state);
            return HandlerResult.noreply(state);
        }
        if (message instanceof ExitMessage e && e.from().equals(parent) && ctx.trapsExits()) throw stop(e.reason(), state);
        return guarded(state, () -> server.handleInfo(ctx, message, state));
    }

    private interface Callback<S> {
        HandlerResult<S> run() throws Exception;
    }

    /** Runs a callback; an exception stops the server (terminate, then exit with the crash). */
    private HandlerResult<S> guarded(S state, Callback<S> callback) {
        try {
            return callback.run();
        } catch (ProcessUnwind u) {
            if (u.bySignal()) throw u;
            // exit(R) inside a handler: terminate runs, then the process exits with R.
            throw stop(u.reason(), state);
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            throw stop(Term.Crash.of(e), state);
        }
    }

    /** Runs terminate/2 and returns the unwind that ends the process with the reason. */
    private ProcessUnwind stop(Term reason, S state) {
        try {
            server.terminate(ctx, reason, state);
        } catch (ProcessUnwind u) {
            if (u.bySignal()) throw u;
            return new ProcessUnwind(u.reason(), false);
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            return new ProcessUnwind(Term.Crash.of(e), false);
        }
        return new ProcessUnwind(reason, false);
    }

    static boolean isReply(Object m, Ref ref) { return m instanceof CallReply r && r.ref().equals(ref); }
}
