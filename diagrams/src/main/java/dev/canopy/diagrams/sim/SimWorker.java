package dev.canopy.diagrams.sim;

import dev.canopy.diagrams.design.Dependency;
import dev.canopy.diagrams.design.WorkerSim;
import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.genserver.Next;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.scenario.InitOutcome;
import dev.canopy.engine.term.Term;

/**
 * A worker as the design describes it: init takes its time and may crash or be ignored, a
 * local dependency is connected inside init and a remote one afterwards (with backoff),
 * calls take the call latency, traffic arrives at the message rate, and the faults a person
 * injects (raise, hang, slow terminate, crash-on-message) act on it.
 */
final class SimWorker implements GenServer<SimWorker.State> {
    record State(long terminateMs, boolean connected, long handled) {
        State withTerminateMs(long ms) { return new State(ms, connected, handled); }
        State connectedNow() { return new State(terminateMs, true, handled); }
        State handledOne() { return new State(terminateMs, connected, handled + 1); }
    }

    /** Messages the controller sends or casts. */
    record Incoming(String text) {}
    record Tick() {}
    record Connect() {}
    record Raise() {}
    record Stop(Term reason) {}
    record Hang(long ms) {}
    record SlowTerminate(long ms) {}
    record Request() {}

    private final ProcessBook book;
    private final String path;
    private final WorkerSim sim;
    /** The global name this copy claims in a cluster; null for every other worker. */
    private final GlobalSeat seat;

    SimWorker(ProcessBook book, String path, WorkerSim sim) {
        this(book, path, sim, null);
    }

    SimWorker(ProcessBook book, String path, WorkerSim sim, GlobalSeat seat) {
        this.book = book;
        this.path = path;
        this.sim = sim;
        this.seat = seat;
    }

    @Override public InitResult<State> init(ProcessContext ctx) {
        if (sim.trapExit()) ctx.trapExit(true);
        int n = book.beginInit(path, ctx.self());
        if (sim.initDurationMs() > 0) ctx.sleep(sim.initDurationMs());
        var outcome = book.takeFailNextInit(path) ? InitOutcome.CRASH : sim.init().outcomeFor(n);
        switch (outcome) {
            case CRASH -> throw new IllegalStateException("init of " + path + " failed");
            case IGNORE -> { return InitResult.ignore(); }
            case OK -> { }
        }
        if (seat != null) seat.claim(ctx);
        var dep = sim.dependency();
        boolean syncConnect = dep.kind() != Dependency.Kind.NONE && dep.connect() == Dependency.Connect.SYNC_IN_INIT;
        if (syncConnect && sim.callLatencyMs() > 0) ctx.sleep(sim.callLatencyMs());
        scheduleTick(ctx);
        var state = new State(sim.terminateMs(), dep.kind() == Dependency.Kind.NONE || syncConnect, 0);
        return state.connected() ? InitResult.ok(state) : InitResult.ok(state, new Next.Continue(new Connect()));
    }

    private void scheduleTick(ProcessContext ctx) {
        if (sim.messageRatePerSecond() > 0) {
            long every = Math.max(1, Math.round(1000.0 / sim.messageRatePerSecond()));
            ctx.sendAfter(every, ctx.self(), new Tick());
        }
    }

    @Override public HandlerResult<State> handleContinue(ProcessContext ctx, Object arg, State state) {
        // Connecting to a remote dependency after init: the tree is up while this happens.
        if (sim.callLatencyMs() > 0) ctx.sleep(sim.callLatencyMs());
        return HandlerResult.noreply(state.connectedNow());
    }

    @Override public HandlerResult<State> handleCall(ProcessContext ctx, Object request, From from, State state) {
        if (request instanceof RequestChain.Hop hop) return HandlerResult.reply(RequestChain.hop(ctx, book, path, hop), state);
        if (sim.callLatencyMs() > 0) ctx.sleep(sim.callLatencyMs());
        return HandlerResult.reply(Term.atom("ok"), state.handledOne());
    }

    @Override public HandlerResult<State> handleCast(ProcessContext ctx, Object request, State state) {
        return switch (request) {
            case Raise r -> throw new IllegalStateException("raised inside handle_cast of " + path);
            case Stop s -> HandlerResult.stop(s.reason(), state);
            case Hang h -> {
                ctx.sleep(h.ms());
                yield HandlerResult.noreply(state);
            }
            case SlowTerminate s -> HandlerResult.noreply(state.withTerminateMs(s.ms()));
            case LabWork.Job j -> {
                LabWork.perform(ctx, book, path, j);
                yield HandlerResult.noreply(state);
            }
            default -> HandlerResult.noreply(state);
        };
    }

    @Override public HandlerResult<State> handleInfo(ProcessContext ctx, Object message, State state) {
        return switch (message) {
            case Tick t -> {
                scheduleTick(ctx);
                yield handle(ctx, "tick", state);
            }
            case Incoming in -> handle(ctx, in.text(), state);
            case dev.canopy.engine.process.Down d when seat != null && seat.watches(d) -> {
                seat.holderDown(ctx, d);
                yield HandlerResult.noreply(state);
            }
            default -> HandlerResult.noreply(state);
        };
    }

    private HandlerResult<State> handle(ProcessContext ctx, String text, State state) {
        if (text.equals(sim.crashOnMessage())) throw new IllegalStateException(path + " crashed on message " + text);
        // Work takes time, so a flood shows up as a queue rather than vanishing at once.
        ctx.sleep(Math.max(1, sim.callLatencyMs()));
        return HandlerResult.noreply(state.handledOne());
    }

    @Override public void terminate(ProcessContext ctx, Term reason, State state) {
        if (state.terminateMs() > 0) ctx.sleep(state.terminateMs());
    }
}
