package dev.canopy.app.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The registry of built-in benchmarks. */
public final class Benchmarks {

    /** Every benchmark, in the order {@code --help} lists them. */
    public static final List<Bench> ALL = List.of(
            new RingBench(),
            new SpawnBench(),
            new MemBench(),
            new CallBench(),
            new SupBench(),
            new SimBench(),
            new MillionBench(),
            new LayoutBench(),
            new RenderBench(),
            new StartupBench(),
            new CanvasBench(), new StormBench(),
            new SoakBench(),
            new AllBench());

    private Benchmarks() {
    }

    public static Optional<Bench> find(String name) {
        return ALL.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Bench::name).toList();
    }

    /** For picocli's completion candidates and {@code ${COMPLETION-CANDIDATES}} in help. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return new ArrayList<>(names()).iterator();
        }
    }
}
