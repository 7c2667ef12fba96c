package dev.canopy.app.bench;

import java.io.PrintStream;

/** Benchmark {@code sup}: Supervisor restarts under load. Placeholder. */
public final class SupBench implements Bench {

    @Override
    public String name() {
        return "sup";
    }

    @Override
    public void run(PrintStream out) throws BenchNotImplementedException {
        throw new BenchNotImplementedException(name());
    }
}
