package dev.canopy.app.bench;

import java.io.PrintStream;

/** {@code canopy bench all}: every other benchmark, in registry order (beam_bench all/0). */
public final class AllBench implements Bench {

    @Override
    public String name() {
        return "all";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        for (Bench b : Benchmarks.ALL) {
            if (b != this && !(b instanceof AllBench)) b.run(out);
        }
    }
}
