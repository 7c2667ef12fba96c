package dev.canopy.engine.application;

import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.supervisor.ChildShutdown;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.SupervisorModule;
import dev.canopy.engine.supervisor.Supervisors;
import dev.canopy.engine.term.Term;

/**
 * The application master (application_master.erl, much reduced): traps exits, starts the
 * top supervisor linked to itself, stops it on request, and reports when it ends on its own.
 * The master is not linked to whoever started it, so an application's end never spreads.
 */
final class ApplicationMaster implements GenServer<ApplicationMaster.State> {
    record State(Pid top, Pid reportTo) {}

    /** The one call the master answers. */
    record Stop() {}

    /** Told to the starter before the init ack, so it is queued when the start returns. */
    record TopStarted(Pid master, Pid top) {}

    private final String name;
    private final SupervisorModule top;

    ApplicationMaster(String name, SupervisorModule top) {
        this.name = name;
        this.top = top;
    }

    @Override public InitResult<State> init(ProcessContext ctx) {
        ctx.trapExit(true);
        return switch (Supervisors.startLink(ctx, top)) {
            case StartResult.Started s -> {
                ctx.send(ctx.parent(), new TopStarted(ctx.self(), s.pid()));
                yield InitResult.ok(new State(s.pid(), ctx.parent()));
            }
            case StartResult.Failed f -> InitResult.stop(f.reason());
            // OTP: the application's start callback must return {ok, Pid}.
            case StartResult.Ignored i -> InitResult.stop(Term.tuple(Term.atom("bad_return"), Term.atom("ignore")));
        };
    }

    @Override public HandlerResult<State> handleCall(ProcessContext ctx, Object request, From from, State state) {
        if (!(request instanceof Stop)) throw new IllegalArgumentException("bad call " + request);
        // Shutdown infinity: a supervisor stops its whole subtree before it exits.
        Term reason = ChildShutdown.shutdown(ctx, state.top(), Shutdown.INFINITY);
        return new HandlerResult.StopReply<>(Term.NORMAL, new ApplicationStop.Stopped(reason), state);
    }

    @Override public HandlerResult<State> handleInfo(ProcessContext ctx, Object message, State state) {
        if (message instanceof ExitMessage e && e.from().equals(state.top())) {
            ctx.send(state.reportTo(), new ApplicationExited(name, e.reason()));
            return HandlerResult.stop(Term.NORMAL, state);
        }
        return HandlerResult.noreply(state);
    }
}
