package dev.canopy.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every benchmark, shrunk, on a live node: the same lines (names, units) as the BEAM side. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchSmokeTest {

    private static List<String> run(Bench b) throws Exception {
        var bytes = new ByteArrayOutputStream();
        b.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** name, name_min, name_max with a positive value in the unit. */
    private static List<String> triple(String name, String unit) {
        List<String> l = new ArrayList<>();
        for (String suffix : List.of("", "_min", "_max")) {
            l.add(name + suffix + " [0-9]+\\.[0-9] " + unit.replace("/", "\\/"));
        }
        return l;
    }

    private static void assertLines(List<String> out, List<String> patterns) {
        assertThat(out).hasSameSizeAs(patterns);
        for (int i = 0; i < out.size(); i++) assertThat(out.get(i)).matches(patterns.get(i));
    }

    @Test
    void ring() throws Exception {
        var p = new ArrayList<String>();
        p.add("canopy_ring_setup_per_proc [0-9]+\\.[0-9] ns");
        p.addAll(triple("canopy_ring", "hops/s"));
        assertLines(run(new RingBench("canopy", 10, 1000, 1, 3)), p);
    }

    @Test
    void spawn() throws Exception {
        var p = new ArrayList<String>();
        p.addAll(triple("canopy_spawn_exit", "procs/s"));
        p.addAll(triple("canopy_spawn_idle", "procs/s"));
        p.addAll(triple("canopy_release_idle", "procs/s"));
        assertLines(run(new SpawnBench("canopy", 200, 1, 3)), p);
    }

    @Test
    void mem() throws Exception {
        // With few processes the figure is noise and may even be negative: only the form counts.
        List<String> out = run(new MemBench("canopy", 500, 0, 1));
        assertThat(out).hasSize(3);
        assertThat(out.get(0)).matches("canopy_idle_proc_mem -?[0-9]+\\.[0-9] bytes");
        assertThat(out.get(1)).startsWith("canopy_idle_proc_mem_min ");
        assertThat(out.get(2)).startsWith("canopy_idle_proc_mem_max ");
    }

    @Test
    void call() throws Exception {
        var p = new ArrayList<String>();
        p.addAll(triple("canopy_call_1pair", "calls/s"));
        p.addAll(triple("canopy_call_2pairs", "calls/s"));
        assertLines(run(new CallBench("canopy", 200, 1, 3)), p);
    }

    @Test
    void sup() throws Exception {
        assertLines(run(new SupBench("canopy", 20, 1, 3, 0)), triple("canopy_sup_restart", "restarts/s"));
    }

    @Test
    void the_registry_has_the_five_engine_benchmarks_and_all() {
        assertThat(Benchmarks.names()).contains("ring", "spawn", "mem", "call", "sup", "all");
        assertThat(AllBench.ENGINE).containsExactly("ring", "spawn", "mem", "call", "sup");
    }

    @Test
    void layout_reports_the_mixed_tree_and_both_flat_ones_with_their_size() throws Exception {
        List<String> out = run(new LayoutBench("canopy", 2_000, 1, 3));
        assertThat(out).anyMatch(l -> l.startsWith("canopy_layout_2k_ms "))
                .anyMatch(l -> l.startsWith("canopy_layout_flat_200_ms "))
                .anyMatch(l -> l.startsWith("canopy_layout_flat_2k_ms "))
                .anyMatch(l -> l.startsWith("canopy_layout_flat_2k_width "))
                .anyMatch(l -> l.startsWith("canopy_layout_flat_2k_height "));
    }
}
