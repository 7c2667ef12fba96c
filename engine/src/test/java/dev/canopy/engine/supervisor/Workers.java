package dev.canopy.engine.supervisor;

import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.term.Term;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Configurable gen_server workers for supervision tests. Every worker logs what happens to
 * it ("start a", "ignore a", "init_failed a", "terminate a R", "trapped a R") into one shared
 * log, with the virtual time in {@link #timed}.
 */
public final class Workers {
    public enum Init { OK, IGNORE, STOP, CRASH }

    /** Decides init's outcome for an incarnation (1-based); may sleep first. */
    @FunctionalInterface
    public interface InitPlan {
        Init decide(ProcessContext ctx, int incarnation);
    }

    /** Casts understood by every worker. */
    public record StopWith(Term reason) {}
    public record Crash() {}
    /** Calls understood by every worker. */
    public record Ping() {}
    public record Sleep(long ms) {}

    public record Opts(boolean trap, long terminateMs, InitPlan init) {
        public static final Opts DEFAULT = new Opts(false, 0, (c, n) -> Init.OK);

        public Opts trapping() { return new Opts(true, terminateMs, init); }

        /** Trapping, with a terminate callback that takes ms of virtual time. */
        public Opts slowTerminate(long ms) { return new Opts(true, ms, init); }

        public Opts init(InitPlan plan) { return new Opts(trap, terminateMs, plan); }

        public Opts init(Init always) { return new Opts(trap, terminateMs, (c, n) -> always); }
    }

    public final List<String> log = new CopyOnWriteArrayList<>();
    /** Same lines prefixed with the virtual time: "1500 terminate a shutdown". */
    public final List<String> timed = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> incarnations = new ConcurrentHashMap<>();

    public int incarnations(String id) {
        var n = incarnations.get(id);
        return n == null ? 0 : n.get();
    }

    private void log(ProcessContext ctx, String line) {
        log.add(line);
        timed.add(ctx.monotonicMillis() + " " + line);
    }

    public ChildStart start(String id, Opts o) {
        return sup -> GenServers.startLink(sup, () -> new W(id, o));
    }

    public ChildSpec worker(String id) { return ChildSpec.worker(id, start(id, Opts.DEFAULT)); }

    public ChildSpec worker(String id, Opts o) { return ChildSpec.worker(id, start(id, o)); }

    public List<String> lines(String prefix) { return log.stream().filter(l -> l.startsWith(prefix)).toList(); }

    final class W implements GenServer<Object> {
        private final String id;
        private final Opts o;

        W(String id, Opts o) {
            this.id = id;
            this.o = o;
        }

        @Override public InitResult<Object> init(ProcessContext ctx) {
            if (o.trap()) ctx.trapExit(true);
            int n = incarnations.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            return switch (o.init().decide(ctx, n)) {
                case OK -> {
                    log(ctx, "start " + id);
                    yield InitResult.ok(id);
                }
                case IGNORE -> {
                    log(ctx, "ignore " + id);
                    yield InitResult.ignore();
                }
                case STOP -> {
                    log(ctx, "init_failed " + id);
                    yield InitResult.stop(Term.atom("boom"));
                }
                case CRASH -> {
                    log(ctx, "init_failed " + id);
                    throw new IllegalStateException("init of " + id + " crashed");
                }
            };
        }

        @Override public HandlerResult<Object> handleCall(ProcessContext ctx, Object request, From from, Object state) {
            if (request instanceof Sleep s) ctx.sleep(s.ms());
            return HandlerResult.reply("pong", state);
        }

        @Override public HandlerResult<Object> handleCast(ProcessContext ctx, Object request, Object state) {
            return switch (request) {
                case StopWith s -> HandlerResult.stop(s.reason(), state);
                case Crash c -> throw new IllegalStateException(id + " crashed on request");
                default -> HandlerResult.noreply(state);
            };
        }

        @Override public HandlerResult<Object> handleInfo(ProcessContext ctx, Object message, Object state) {
            if (message instanceof ExitMessage e) log(ctx, "trapped " + id + " " + e.reason().render());
            return HandlerResult.noreply(state);
        }

        @Override public void terminate(ProcessContext ctx, Term reason, Object state) {
            log(ctx, "terminate " + id + " " + reason.render());
            if (o.terminateMs() > 0) ctx.sleep(o.terminateMs());
        }
    }
}
