package dev.canopy.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import dev.canopy.engine.process.Matcher;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessBody;
import dev.canopy.engine.process.ProcessContext;

/**
 * Benchmark {@code spawn} (beam_bench spawn_exit/0). {@code spawn_exit}: spawn N processes
 * that each message the parent and exit, until all messages arrived. {@code spawn_idle}: spawn
 * N that block in receive. {@code release_idle}: message each idle one; each replies and
 * exits. 2 warm-up + 7 rounds each.
 */
public final class SpawnBench implements Bench {
    static final int SPAWN_N = 100_000;

    private final String prefix;
    private final int n;
    private final int warm;
    private final int reps;

    public SpawnBench() {
        this("canopy", SPAWN_N, 2, 7);
    }

    SpawnBench(String prefix, int n, int warm, int reps) {
        this.prefix = prefix;
        this.n = n;
        this.warm = warm;
        this.reps = reps;
    }

    @Override
    public String name() {
        return "spawn";
    }

    /** {@code {go, Parent}}. */
    record Go(Pid parent) {
    }

    /** beam_bench idle/0: {@code receive {go, P} -> P ! done end}. */
    static final ProcessBody IDLE = c -> {
        Go go = c.receive(Matcher.type(Go.class));
        c.send(go.parent(), Driver.DONE);
    };

    record Result(List<Double> spawnExit, List<Double> spawnIdle, List<Double> releaseIdle) {
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Result r = Driver.runLive(this::drive);
        Stats.report(out, prefix + "_spawn_exit", r.spawnExit(), "procs/s");
        Stats.report(out, prefix + "_spawn_idle", r.spawnIdle(), "procs/s");
        Stats.report(out, prefix + "_release_idle", r.releaseIdle(), "procs/s");
    }

    Result drive(ProcessContext ctx) throws Exception {
        List<Double> exitRates = Driver.rounds(warm, reps, () -> {
            Pid parent = ctx.self();
            long s = System.nanoTime();
            for (int i = 0; i < n; i++) ctx.spawn(c -> c.send(parent, Driver.DONE));
            Driver.waitDone(ctx, n);
            return Stats.rate(n, System.nanoTime() - s);
        });
        List<double[]> idle = Driver.rounds(warm, reps, () -> {
            long s = System.nanoTime();
            List<Pid> pids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) pids.add(ctx.spawn(IDLE));
            long mid = System.nanoTime();
            Go go = new Go(ctx.self());
            for (Pid p : pids) ctx.send(p, go);
            Driver.waitDone(ctx, n);
            long e = System.nanoTime();
            return new double[] {Stats.rate(n, mid - s), Stats.rate(n, e - mid)};
        });
        return new Result(exitRates, idle.stream().map(a -> a[0]).toList(), idle.stream().map(a -> a[1]).toList());
    }
}
