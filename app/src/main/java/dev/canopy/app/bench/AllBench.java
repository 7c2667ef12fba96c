package dev.canopy.app.bench;

import java.io.PrintStream;

/**
 * {@code canopy bench all}: the engine benchmarks that have a BEAM counterpart, in the order
 * beam_bench all/0 runs them. Layout, rendering and start-up benchmarks run by name.
 */
public final class AllBench implements Bench {

    static final java.util.List<String> ENGINE = java.util.List.of("ring", "spawn", "mem", "call", "sup");

    @Override
    public String name() {
        return "all";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        for (Bench b : Benchmarks.ALL) {
            if (ENGINE.contains(b.name())) b.run(out);
        }
    }
}
