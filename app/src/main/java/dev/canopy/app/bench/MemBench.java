package dev.canopy.app.bench;

import java.io.PrintStream;
import java.util.List;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;

/**
 * Benchmark {@code mem} (beam_bench mem/0): bytes per idle process, N processes blocked in
 * receive. Used heap (Runtime totalMemory - freeMemory, after System.gc() several times)
 * before and after spawning them, divided by N, minus the driver's own growth (the N pids it
 * keeps, measured the same way). 1 warm-up + 3 rounds.
 */
public final class MemBench implements Bench {
    private final String prefix;
    private final int n;
    private final int warm;
    private final int reps;

    public MemBench() {
        this("canopy", SpawnBench.SPAWN_N, 1, 3);
    }

    MemBench(String prefix, int n, int warm, int reps) {
        this.prefix = prefix;
        this.n = n;
        this.warm = warm;
        this.reps = reps;
    }

    @Override
    public String name() {
        return "mem";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        List<Double> per = Driver.runLive(this::drive);
        Stats.report(out, prefix + "_idle_proc_mem", per, "bytes");
    }

    List<Double> drive(ProcessContext ctx) throws Exception {
        return Driver.rounds(warm, reps, () -> {
            // The driver's own growth: the N pids it keeps (the array itself is made before M0).
            Pid[] pids = new Pid[n];
            long d0 = usedAfterGc(ctx, 50);
            Pid[] same = new Pid[n];
            for (int i = 0; i < n; i++) same[i] = new Pid(i);
            long selfGrowth = usedAfterGc(ctx, 0) - d0;
            same = null;

            long m0 = usedAfterGc(ctx, 50);
            for (int i = 0; i < n; i++) pids[i] = ctx.spawn(SpawnBench.IDLE);
            awaitAllWaiting(ctx, pids);
            ctx.sleep(200);
            long m1 = usedAfterGc(ctx, 0);
            double result = (m1 - m0 - selfGrowth) / (double) n;
            SpawnBench.Go go = new SpawnBench.Go(ctx.self());
            for (Pid p : pids) ctx.send(p, go);
            Driver.waitDone(ctx, n);
            return result;
        });
    }

    /** Waits until every process has reached its receive and parked (so its stack is counted). */
    private static void awaitAllWaiting(ProcessContext ctx, Pid[] pids) {
        int from = 0;
        while (from < pids.length) {
            var info = ctx.node().info(pids[from]);
            if (info.isPresent() && !info.get().waiting()) {
                ctx.sleep(10);
            } else {
                from++;
            }
        }
    }

    /** Heap in use after several full collections. */
    private static long usedAfterGc(ProcessContext ctx, long settleMs) {
        if (settleMs > 0) ctx.sleep(settleMs);
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
