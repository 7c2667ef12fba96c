package dev.canopy.app.bench;

import java.io.PrintStream;
import java.util.List;

import dev.canopy.diagrams.layout.LayoutOptions;
import dev.canopy.diagrams.layout.LayoutTree;
import dev.canopy.diagrams.layout.TreeLayout;
import dev.canopy.diagrams.render.SyntheticDiagram;

/**
 * Benchmark {@code layout}: the tidy-tree layout of a seeded 100k-node supervision tree (dynamic
 * supervisors with thousands of workers, a branch hundreds of levels deep, nested services).
 * Target: at most 200 ms. 5 warm-up + 15 rounds; prints the median, {@code _min} and {@code _max}.
 */
public final class LayoutBench implements Bench {
    static final int NODES = 100_000;
    static final long SEED = 42;

    private final String prefix;
    private final int nodes;
    private final int warm;
    private final int reps;

    public LayoutBench() {
        this("canopy", NODES, 5, 15);
    }

    LayoutBench(String prefix, int nodes, int warm, int reps) {
        this.prefix = prefix;
        this.nodes = nodes;
        this.warm = warm;
        this.reps = reps;
    }

    @Override
    public String name() {
        return "layout";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        LayoutTree tree = SyntheticDiagram.generate(nodes, SEED).tree();
        LayoutOptions options = LayoutOptions.defaults();
        List<Double> ms = Driver.rounds(warm, reps, () -> {
            long start = System.nanoTime();
            TreeLayout.layout(tree, options);
            return (System.nanoTime() - start) / 1e6;
        });
        Stats.report(out, prefix + "_layout_" + label(nodes) + "_ms", ms, "ms");
    }

    /** 100000 → "100k". */
    static String label(int n) {
        return n % 1000 == 0 ? n / 1000 + "k" : Integer.toString(n);
    }
}
