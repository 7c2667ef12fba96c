package dev.canopy.app.bench;

import java.io.PrintStream;

/** Benchmark {@code mem}: Memory per idle process. Placeholder. */
public final class MemBench implements Bench {

    @Override
    public String name() {
        return "mem";
    }

    @Override
    public void run(PrintStream out) throws BenchNotImplementedException {
        throw new BenchNotImplementedException(name());
    }
}
