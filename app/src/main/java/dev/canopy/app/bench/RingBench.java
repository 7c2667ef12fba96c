package dev.canopy.app.bench;

import java.io.PrintStream;

/** Benchmark {@code ring}: Messages passed around a ring of processes. Placeholder. */
public final class RingBench implements Bench {

    @Override
    public String name() {
        return "ring";
    }

    @Override
    public void run(PrintStream out) throws BenchNotImplementedException {
        throw new BenchNotImplementedException(name());
    }
}
