package dev.canopy.app.bench;

import java.io.PrintStream;

/** Benchmark {@code spawn}: Spawning and exiting processes. Placeholder. */
public final class SpawnBench implements Bench {

    @Override
    public String name() {
        return "spawn";
    }

    @Override
    public void run(PrintStream out) throws BenchNotImplementedException {
        throw new BenchNotImplementedException(name());
    }
}
