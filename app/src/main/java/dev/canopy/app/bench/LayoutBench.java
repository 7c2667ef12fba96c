package dev.canopy.app.bench;

import java.io.PrintStream;
import java.util.List;

import dev.canopy.diagrams.layout.LayoutOptions;
import dev.canopy.diagrams.layout.LayoutTree;
import dev.canopy.diagrams.layout.TreeLayout;
import dev.canopy.diagrams.render.SyntheticDiagram;

/**
 * Benchmark {@code layout}: the tidy-tree layout of a seeded 100k-node supervision tree (dynamic
 * supervisors with thousands of workers, a branch hundreds of levels deep, nested services), and
 * of flat trees, one DynamicSupervisor with 10k and with 100k sessions (wrapped into a grid).
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
        time(out, "_layout_" + label(nodes), SyntheticDiagram.generate(nodes, SEED).tree());
        time(out, "_layout_flat_" + label(nodes / 10), SyntheticDiagram.flat(nodes / 10, SEED).tree());
        time(out, "_layout_flat_" + label(nodes), SyntheticDiagram.flat(nodes, SEED).tree());
    }

    private void time(PrintStream out, String name, LayoutTree tree) throws Exception {
        LayoutOptions options = LayoutOptions.defaults();
        List<Double> ms = Driver.rounds(warm, reps, () -> {
            long start = System.nanoTime();
            TreeLayout.layout(tree, options);
            return (System.nanoTime() - start) / 1e6;
        });
        Stats.report(out, prefix + name + "_ms", ms, "ms");
        var b = TreeLayout.layout(tree, options).bounds();
        Stats.line(out, prefix + name + "_width", Math.round(b.width()), "px");
        Stats.line(out, prefix + name + "_height", Math.round(b.height()), "px");
    }

    /** 100000 → "100k". */
    static String label(int n) {
        return n % 1000 == 0 ? n / 1000 + "k" : Integer.toString(n);
    }
}
