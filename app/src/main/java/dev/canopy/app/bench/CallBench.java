package dev.canopy.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Matcher;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Ref;
import dev.canopy.engine.term.Term;

/**
 * Benchmark {@code call} (beam_bench call/0): a GenServer answering {@code ping} with
 * {@code pong}; CALLS synchronous calls per client (GenServers.call: request ref, monitor of
 * the server, the default 5 s timeout), one client/server pair and two pairs at once.
 * 2 warm-up + 5 rounds each.
 */
public final class CallBench implements Bench {
    static final int CALLS = 1_000_000;

    static final Term.Atom PING = Term.atom("ping");
    static final Term.Atom PONG = Term.atom("pong");

    private final String prefix;
    private final int calls;
    private final int warm;
    private final int reps;

    public CallBench() {
        this("canopy", CALLS, 2, 5);
    }

    CallBench(String prefix, int calls, int warm, int reps) {
        this.prefix = prefix;
        this.calls = calls;
        this.warm = warm;
        this.reps = reps;
    }

    @Override
    public String name() {
        return "call";
    }

    /** bench_pong.erl. */
    static final class Pong implements GenServer<Object> {
        @Override
        public InitResult<Object> init(ProcessContext ctx) {
            return InitResult.ok(Term.atom("nostate"));
        }

        @Override
        public HandlerResult<Object> handleCall(ProcessContext ctx, Object request, From from, Object state) {
            if (!PING.equals(request)) throw new IllegalArgumentException("not ping: " + request);
            return HandlerResult.reply(PONG, state);
        }

        @Override
        public HandlerResult<Object> handleCast(ProcessContext ctx, Object request, Object state) {
            return HandlerResult.noreply(state);
        }
    }

    record Result(List<Double> onePair, List<Double> twoPairs) {
    }

    @Override
    public void run(PrintStream out) throws Exception {
        // One node for both figures, as the BEAM side runs both in one VM.
        Result r = Driver.runLive(ctx -> new Result(
                Driver.rounds(warm, reps, () -> callPairs(ctx, 1)),
                Driver.rounds(warm, reps, () -> callPairs(ctx, 2))));
        Stats.report(out, prefix + "_call_1pair", r.onePair(), "calls/s");
        Stats.report(out, prefix + "_call_2pairs", r.twoPairs(), "calls/s");
    }

    record Go(Ref ref) {
    }

    double callPairs(ProcessContext ctx, int k) {
        Pid parent = ctx.self();
        List<Pid> servers = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            // gen_server:start/3: not linked.
            StartResult sr = GenServers.start(ctx, Pong::new, null, false);
            if (!(sr instanceof StartResult.Started s)) throw new IllegalStateException("pong server: " + sr);
            servers.add(s.pid());
        }
        Go go = new Go(ctx.makeRef());
        Matcher<Go> isGo = m -> go.equals(m) ? go : null;
        List<Pid> clients = new ArrayList<>(k);
        for (Pid server : servers) {
            // Linked (unlike the BEAM side) only so that a failing client ends the driver instead of hanging it.
            clients.add(ctx.spawnLink(c -> {
                c.receive(isGo);
                callLoop(c, server, calls);
                c.send(parent, Driver.DONE);
            }));
        }
        long st = System.nanoTime();
        for (Pid c : clients) ctx.send(c, go);
        Driver.waitDone(ctx, k);
        long el = System.nanoTime() - st;
        for (Pid s : servers) ctx.exit(s, Term.SHUTDOWN);
        return Stats.rate((long) k * calls, el);
    }

    private static void callLoop(ProcessContext c, Pid server, int n) {
        for (int i = 0; i < n; i++) {
            // pong = gen_server:call(S, ping): anything else is a badmatch that ends the client.
            CallResult r = GenServers.call(c, server, PING);
            if (!(r instanceof CallResult.Replied rep) || !PONG.equals(rep.value())) {
                throw new IllegalStateException("call " + i + ": " + r);
            }
        }
    }
}
