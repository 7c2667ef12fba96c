package dev.canopy.app.bench;

import java.io.PrintStream;

/** Benchmark {@code call}: Synchronous call/reply round trips. Placeholder. */
public final class CallBench implements Bench {

    @Override
    public String name() {
        return "call";
    }

    @Override
    public void run(PrintStream out) throws BenchNotImplementedException {
        throw new BenchNotImplementedException(name());
    }
}
