package dev.canopy.engine.scenario;

import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.term.Term;

/** The generic worker of FORMAT.md: a gen_server that reports what happens to it. */
final class ScenarioWorker implements GenServer<Object> {
    /** Asynchronous requests the driver casts. */
    record CrashRequest() {}
    record StopRequest(Term reason) {}
    /** Calls. */
    record Ping() {}
    record Sleep(long ms) {}

    private final TraceRecorder trace;
    private final String path;
    private final NodeSpec spec;

    ScenarioWorker(TraceRecorder trace, String path, NodeSpec spec) {
        this.trace = trace;
        this.path = path;
        this.spec = spec;
    }

    @Override public InitResult<Object> init(ProcessContext ctx) {
        if (spec.trapExit()) ctx.trapExit(true);
        int n = trace.beginInit(path, ctx.self());
        return switch (spec.init().outcomeFor(n)) {
            case OK -> {
                trace.started(ctx.self());
                yield InitResult.ok(Term.atom("state"));
            }
            case IGNORE -> {
                trace.ignored(ctx.self());
                yield InitResult.ignore();
            }
            case CRASH -> {
                trace.initFailed(ctx.self());
                throw new IllegalStateException("init of " + path + " crashed as the scenario says");
            }
        };
    }

    @Override public HandlerResult<Object> handleCall(ProcessContext ctx, Object request, From from, Object state) {
        if (request instanceof Sleep s) ctx.sleep(s.ms());
        return HandlerResult.reply(Term.atom("ok"), state);
    }

    @Override public HandlerResult<Object> handleCast(ProcessContext ctx, Object request, Object state) {
        return switch (request) {
            case CrashRequest c -> throw new IllegalStateException(path + " crashed on request");
            case StopRequest s -> HandlerResult.stop(s.reason(), state);
            default -> HandlerResult.noreply(state);
        };
    }

    @Override public HandlerResult<Object> handleInfo(ProcessContext ctx, Object message, Object state) {
        if (message instanceof ExitMessage e) trace.trapped(ctx.self(), e.reason().render());
        return HandlerResult.noreply(state);
    }

    @Override public void terminate(ProcessContext ctx, Term reason, Object state) {
        trace.terminating(ctx.self(), reason.render());
        if (spec.terminateMs() > 0) ctx.sleep(spec.terminateMs());
    }
}
