package dev.canopy.engine.genserver;

import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.term.Term;

/**
 * The callbacks of a generic server, as in OTP's gen_server. Run by {@link GenServers};
 * an exception from any callback stops the server with a crash reason (after terminate).
 * A fresh instance serves each process, so fields may hold per-process data.
 */
public interface GenServer<S> {
    InitResult<S> init(ProcessContext ctx) throws Exception;

    default HandlerResult<S> handleCall(ProcessContext ctx, Object request, From from, S state) throws Exception {
        throw new IllegalStateException("unexpected call: " + request);
    }

    default HandlerResult<S> handleCast(ProcessContext ctx, Object request, S state) throws Exception {
        throw new IllegalStateException("unexpected cast: " + request);
    }

    default HandlerResult<S> handleInfo(ProcessContext ctx, Object message, S state) throws Exception {
        return HandlerResult.noreply(state);
    }

    default HandlerResult<S> handleContinue(ProcessContext ctx, Object arg, S state) throws Exception {
        throw new IllegalStateException("unexpected continue: " + arg);
    }

    /** Runs when the server stops itself, or when it traps exits and its parent stops it. */
    default void terminate(ProcessContext ctx, Term reason, S state) throws Exception {}
}
