package dev.canopy.engine.registry;

import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.term.Term;

/**
 * Wraps a gen_server so that it registers its via name first, from inside the new process,
 * as gen.erl init_it does. On a taken name it tells the starter who holds it and exits
 * normal, so that a linked starter survives (OTP's {error, {already_started, Pid}}).
 */
final class ViaServer<S> implements GenServer<S> {
    /** Sent to the starter before the init ack, so it is queued when start returns. */
    record Taken(Pid starting, Pid holder) {}

    private final ViaName name;
    private final GenServer<S> inner;

    ViaServer(ViaName name, GenServer<S> inner) {
        this.name = name;
        this.inner = inner;
    }

    @Override public InitResult<S> init(ProcessContext ctx) throws Exception {
        return switch (Registries.register(ctx, name.registry(), name.key(), null)) {
            case RegisterResult.Ok ok -> inner.init(ctx);
            case RegisterResult.AlreadyRegistered taken -> {
                ctx.send(ctx.parent(), new Taken(ctx.self(), taken.owner()));
                throw ctx.exit(Term.NORMAL);
            }
        };
    }

    @Override public HandlerResult<S> handleCall(ProcessContext ctx, Object request, From from, S state) throws Exception {
        return inner.handleCall(ctx, request, from, state);
    }

    @Override public HandlerResult<S> handleCast(ProcessContext ctx, Object request, S state) throws Exception {
        return inner.handleCast(ctx, request, state);
    }

    @Override public HandlerResult<S> handleInfo(ProcessContext ctx, Object message, S state) throws Exception {
        return inner.handleInfo(ctx, message, state);
    }

    @Override public HandlerResult<S> handleContinue(ProcessContext ctx, Object arg, S state) throws Exception {
        return inner.handleContinue(ctx, arg, state);
    }

    @Override public void terminate(ProcessContext ctx, Term reason, S state) throws Exception {
        inner.terminate(ctx, reason, state);
    }
}
