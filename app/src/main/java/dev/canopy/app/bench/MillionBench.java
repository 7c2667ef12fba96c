package dev.canopy.app.bench;

import java.io.PrintStream;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;

/**
 * {@code canopy bench million}: {@value #N} idle processes (blocked in receive) on a live node.
 * Prints the time to spawn them ({@code canopy_million_spawn}, ms, and the rate), the bytes each
 * costs (heap in use after full collections, before and after, divided by N, as in
 * {@link MemBench}), the heap in use with all of them alive and the maximum heap. Run it with
 * {@code CANOPY_JAVA_OPTS=-Xmx1g ./canopy bench million} to check the 1 GiB target. One round.
 */
public final class MillionBench implements Bench {
    static final int N = 1_000_000;
    private static final double MIB = 1024.0 * 1024.0;

    @Override
    public String name() {
        return "million";
    }

    record Result(double spawnMs, double bytesEach, double usedMib, double releaseMs) {
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Result r = Driver.runLive(MillionBench::drive);
        Stats.line(out, "canopy_million_spawn", r.spawnMs(), "ms");
        Stats.line(out, "canopy_million_spawn_rate", N / (r.spawnMs() / 1000.0), "procs/s");
        Stats.line(out, "canopy_million_bytes_per_proc", r.bytesEach(), "bytes");
        Stats.line(out, "canopy_million_heap_used", r.usedMib(), "MiB");
        Stats.line(out, "canopy_million_heap_max", Runtime.getRuntime().maxMemory() / MIB, "MiB");
        Stats.line(out, "canopy_million_release", r.releaseMs(), "ms");
    }

    static Result drive(ProcessContext ctx) {
        Pid[] pids = new Pid[N];
        long m0 = usedAfterGc();
        long s = System.nanoTime();
        for (int i = 0; i < N; i++) pids[i] = ctx.spawn(SpawnBench.IDLE);
        long spawned = System.nanoTime();
        for (Pid p : pids) {
            while (true) {
                var info = ctx.node().info(p);
                if (info.isEmpty() || info.get().waiting()) break;
                ctx.sleep(10);
            }
        }
        long m1 = usedAfterGc();
        // The pids themselves belong to the driver, not to the processes.
        long pidBytes = (long) N * 16;
        double each = (m1 - m0 - pidBytes) / (double) N;
        long r = System.nanoTime();
        SpawnBench.Go go = new SpawnBench.Go(ctx.self());
        for (Pid p : pids) ctx.send(p, go);
        Driver.waitDone(ctx, N);
        long released = System.nanoTime();
        return new Result((spawned - s) / 1e6, each, m1 / MIB, (released - r) / 1e6);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
