package dev.canopy.app.bench;

import java.io.PrintStream;

/** A built-in benchmark, run by {@code canopy bench NAME}. Register new ones in {@link Benchmarks#ALL}. */
public interface Bench {

    /** The name used on the command line. */
    String name();

    /** Runs the benchmark and prints its results to {@code out}. */
    void run(PrintStream out) throws Exception;
}
