package dev.canopy.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import dev.canopy.engine.process.Matcher;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessBody;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.term.Term;

/**
 * Benchmark {@code ring} (beam_bench ring/0): N processes in a ring, one token passed M hops;
 * process i sends k-1 to i+1, the one receiving 0 tells the driver. 2 warm-up + 7 rounds.
 * Also the spawn-and-wiring time per process.
 */
public final class RingBench implements Bench {
    static final int RING_N = 10_000;
    static final int RING_M = 1_000_000;

    private final String prefix;
    private final int n;
    private final int m;
    private final int warm;
    private final int reps;

    public RingBench() {
        this("canopy", RING_N, RING_M, 2, 7);
    }

    RingBench(String prefix, int n, int m, int warm, int reps) {
        this.prefix = prefix;
        this.n = n;
        this.m = m;
        this.warm = warm;
        this.reps = reps;
    }

    @Override
    public String name() {
        return "ring";
    }

    /** {@code {next, Pid}}. */
    record Next(Pid next) {
    }

    /** {@code ring_done}. */
    enum RingDone { RING_DONE }

    record Result(double setupPerProcNs, List<Double> rates) {
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Result r = Driver.runLive(this::drive);
        Stats.line(out, prefix + "_ring_setup_per_proc", r.setupPerProcNs(), "ns");
        Stats.report(out, prefix + "_ring", r.rates(), "hops/s");
    }

    Result drive(ProcessContext ctx) throws Exception {
        Pid main = ctx.self();
        long t0 = System.nanoTime();
        List<Pid> pids = setup(ctx, main);
        long setup = System.nanoTime() - t0;
        Pid first = pids.get(0);
        Matcher<RingDone> done = Matcher.type(RingDone.class);
        List<Double> rates = Driver.rounds(warm, reps, () -> {
            long s = System.nanoTime();
            ctx.send(first, m);
            ctx.receive(done);
            return Stats.rate(m, System.nanoTime() - s);
        });
        for (Pid p : pids) ctx.exit(p, Term.KILL);
        return new Result(setup / (double) n, rates);
    }

    private List<Pid> setup(ProcessContext ctx, Pid main) {
        ProcessBody start = c -> {
            Pid next = c.receive(Matcher.type(Next.class)).next();
            loop(c, next, main);
        };
        List<Pid> pids = new ArrayList<>(n);
        Pid firstPid = ctx.spawn(start);
        pids.add(firstPid);
        Pid prev = firstPid;
        for (int i = 2; i <= n; i++) {
            Pid p = ctx.spawn(start);
            ctx.send(prev, new Next(p));
            pids.add(p);
            prev = p;
        }
        ctx.send(prev, new Next(firstPid));
        return pids;
    }

    private static void loop(ProcessContext c, Pid next, Pid main) {
        Matcher<Integer> token = Matcher.type(Integer.class);
        while (true) {
            int k = c.receive(token);
            if (k == 0) {
                c.send(main, RingDone.RING_DONE);
            } else {
                c.send(next, k - 1);
            }
        }
    }
}
