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
 * local dependency is connected inside init (init crashes while it is down) and a remote one
 * afterwards, retrying with exponential backoff while the tree stays up; calls take the call
 * latency and, for a worker with a dependency, answer {@code {ok, N}} or {@code {error, not_connected}};
 * traffic arrives at the message rate; a worker with a call plan calls another one
 * ({@link SimCaller}); and the faults a person injects (raise, hang, slow terminate,
 * crash-on-message, dependency down) act on it.
 */
final class SimWorker implements GenServer<SimWorker.State> {
    /** The worker's state; one process owns it, so it is changed in place. */
    static final class State {
        long terminateMs;
        boolean connected;
        long handled;
        /** Connect attempts that failed since the last success (remote dependency). */
        int failedConnects;
        final SimCaller.Held caller = new SimCaller.Held();

        State(long terminateMs, boolean connected) {
            this.terminateMs = terminateMs;
            this.connected = connected;
        }
    }

    /** Messages the controller sends or casts. */
    record Incoming(String text) {}
    record Tick() {}
    /** Connect to the remote dependency: attempt n (1 = the first after init or after losing it). */
    record Connect(int attempt) {}
    /** The dependency went away (the fault menu or an outage of the design). */
    record DependencyLost() {}
    record Raise() {}
    record Stop(Term reason) {}
    record Hang(long ms) {}
    record SlowTerminate(long ms) {}
    record Request() {}

    private final ProcessBook book;
    private final String path;
    private final WorkerSim sim;
    private final LessonBook lessons;
    private final SimCaller caller;
    /** The global name this copy claims in a cluster; null for every other worker. */
    private final GlobalSeat seat;

    SimWorker(ProcessBook book, String path, WorkerSim sim, String label) {
        this(book, path, sim, label, null);
    }

    SimWorker(ProcessBook book, String path, WorkerSim sim, String label, GlobalSeat seat) {
        this.book = book;
        this.path = path;
        this.sim = sim;
        this.lessons = book.lessons;
        this.caller = sim.calls() == null ? null : new SimCaller(book, path, sim.calls(), label);
        this.seat = seat;
    }

    private Dependency dep() { return sim.dependency(); }

    private boolean syncDependency() {
        return dep().kind() != Dependency.Kind.NONE && dep().connect() == Dependency.Connect.SYNC_IN_INIT;
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
        boolean syncConnect = syncDependency();
        if (syncConnect && sim.callLatencyMs() > 0) ctx.sleep(sim.callLatencyMs());
        if (syncConnect && lessons.isDown(path)) {
            lessons.status(path, "dependency down");
            lessons.server(path, ctx.monotonicMillis(), "init cannot open its " + dep().kind().word()
                    + " dependency, so init crashes: the supervisor restarts it (and gives up if it stays down)");
            throw new IllegalStateException("init of " + path + " failed: its " + dep().kind().word() + " dependency is unavailable");
        }
        if (syncConnect) lessons.status(path, "");
        scheduleTick(ctx);
        if (caller != null) caller.start(ctx);
        var state = new State(sim.terminateMs(), dep().kind() == Dependency.Kind.NONE || syncConnect);
        if (!state.connected) lessons.status(path, "connecting");
        return state.connected ? InitResult.ok(state) : InitResult.ok(state, new Next.Continue(new Connect(1)));
    }

    private void scheduleTick(ProcessContext ctx) {
        if (sim.messageRatePerSecond() > 0) {
            long every = Math.max(1, Math.round(1000.0 / sim.messageRatePerSecond()));
            ctx.sendAfter(every, ctx.self(), new Tick());
        }
    }

    @Override public HandlerResult<State> handleContinue(ProcessContext ctx, Object arg, State state) {
        // Connecting to a remote dependency after init: the tree is up while this happens.
        return connect(ctx, arg instanceof Connect c ? c.attempt() : 1, state);
    }

    /** One connect attempt; on failure the domain (Backoff) says how long to wait and the server sets the timer. */
    private HandlerResult<State> connect(ProcessContext ctx, int attempt, State state) {
        if (sim.callLatencyMs() > 0) ctx.sleep(sim.callLatencyMs());
        long now = ctx.monotonicMillis();
        if (!lessons.isDown(path)) {
            state.connected = true;
            state.failedConnects = 0;
            lessons.status(path, "");
            lessons.server(path, now, "connect attempt " + attempt + " succeeded: connected to its remote service");
            return HandlerResult.noreply(state);
        }
        state.failedConnects = attempt;
        long delay = Backoff.delayMs(attempt, dep().backoffMs());
        lessons.domain(path, now, "Backoff.next(attempt " + attempt + ") returns {:retry_in, " + delay + "}");
        ctx.sendAfter(delay, ctx.self(), new Connect(attempt + 1));
        long next = lessons.sinceStart(now + delay);
        lessons.status(path, "down · try " + (attempt + 1) + " at " + next + " ms");
        lessons.server(path, now, "connect attempt " + attempt + " failed (the remote service is down); timer set for "
                + delay + " ms: attempt " + (attempt + 1) + " at " + next + " ms"
                + (attempt == 1 ? ". The tree stays up; calls get {:error, :not_connected} meanwhile" : ""));
        return HandlerResult.noreply(state);
    }

    @Override public HandlerResult<State> handleCall(ProcessContext ctx, Object request, From from, State state) {
        if (request instanceof RequestChain.Hop hop) return HandlerResult.reply(RequestChain.hop(ctx, book, path, hop), state);
        if (dep().kind() != Dependency.Kind.NONE && !state.connected) {
            return HandlerResult.reply(Term.tuple(Term.atom("error"), Term.atom("not_connected")), state);
        }
        if (sim.callLatencyMs() > 0) ctx.sleep(sim.callLatencyMs());
        state.handled++;
        if (dep().kind() == Dependency.Kind.NONE) return HandlerResult.reply(Term.atom("ok"), state);
        return HandlerResult.reply(Term.tuple(Term.atom("ok"), new Term.Int(state.handled)), state);
    }

    @Override public HandlerResult<State> handleCast(ProcessContext ctx, Object request, State state) {
        return switch (request) {
            case Raise r -> throw new IllegalStateException("raised inside handle_cast of " + path);
            case Stop s -> HandlerResult.stop(s.reason(), state);
            case Hang h -> {
                ctx.sleep(h.ms());
                yield HandlerResult.noreply(state);
            }
            case SlowTerminate s -> {
                state.terminateMs = s.ms();
                yield HandlerResult.noreply(state);
            }
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
            case Connect c -> state.connected ? HandlerResult.noreply(state) : connect(ctx, c.attempt(), state);
            case DependencyLost l -> dependencyLost(ctx, state);
            case SimCaller.CallTick t when caller != null -> {
                caller.tick(ctx, state.caller);
                yield HandlerResult.noreply(state);
            }
            case SimCaller.Retry r when caller != null -> {
                caller.retry(ctx, r, state.caller);
                yield HandlerResult.noreply(state);
            }
            case dev.canopy.engine.process.Down d when seat != null && seat.watches(d) -> {
                seat.holderDown(ctx, d);
                yield HandlerResult.noreply(state);
            }
            default -> HandlerResult.noreply(state);
        };
    }

    private HandlerResult<State> dependencyLost(ProcessContext ctx, State state) {
        long now = ctx.monotonicMillis();
        if (syncDependency()) {
            lessons.status(path, "dependency down");
            lessons.server(path, now, "lost its " + dep().kind().word() + " dependency and crashes (it cannot work without it);"
                    + " its restart's init finds out whether it is back");
            throw new IllegalStateException(path + " lost its " + dep().kind().word() + " dependency");
        }
        if (dep().kind() == Dependency.Kind.NONE || !state.connected) return HandlerResult.noreply(state);
        state.connected = false;
        lessons.server(path, now, "lost its remote service: it keeps running and reconnects with backoff");
        return connect(ctx, 1, state);
    }

    private HandlerResult<State> handle(ProcessContext ctx, String text, State state) {
        if (text.equals(sim.crashOnMessage())) throw new IllegalStateException(path + " crashed on message " + text);
        // Work takes time, so a flood shows up as a queue rather than vanishing at once.
        ctx.sleep(Math.max(1, sim.callLatencyMs()));
        state.handled++;
        return HandlerResult.noreply(state);
    }

    @Override public void terminate(ProcessContext ctx, Term reason, State state) {
        if (state.terminateMs > 0) ctx.sleep(state.terminateMs);
    }
}
