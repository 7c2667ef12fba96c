package dev.canopy.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import dev.canopy.app.ui.sim.SimulatorViewModel;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.diagrams.sim.SimInput;

/**
 * {@code canopy bench soak}: a long restart storm, to see whether memory stays flat. A dynamic
 * supervisor with {@value #WORKERS} workers (intensity high enough never to give up) has random
 * workers killed up to {@value #KILLS_PER_S} times a second while the run plays at 1×, driven
 * headless through the simulator's view model (the same commands and per-frame snapshot hand-over
 * the window uses, one frame every 16 ms, no drawing). The used heap is sampled after a GC at a
 * fixed interval.
 *
 * <p>Duration: {@code -Dcanopy.soak.seconds=N} (or CANOPY_SOAK_SECONDS; default 60, e.g. 3600 for
 * an hour); sampling interval {@code -Dcanopy.soak.sampleSeconds=N} (default: every minute on runs
 * of ten minutes or more, else a tenth of the run). Pass flags with CANOPY_JAVA_OPTS.
 * Prints {@code canopy_soak_heap_mb} at each sample ({@code _t<seconds>}), the first and last
 * sample, the growth per hour fitted over the second half of the samples, kills and log lines per
 * second, and the view model's frame work (p50/p99, without drawing). With {@code -Dcanopy.soak.window=true}
 * the whole simulator view runs in a 1600 × 1000 window (under xvfb-run when there is no display)
 * and the FX thread's work per pulse is reported instead (p50, p99, max: the pulse's 16 ms budget).
 */
public final class SoakBench implements Bench {
    static final int WORKERS = 500;
    static final int KILLS_PER_S = 1_000;
    private static final long FRAME_NANOS = 16_000_000L;

    @Override
    public String name() {
        return "soak";
    }

    static Design design() {
        DynamicSupervisorNode pool = DynamicSupervisorNode.of("pool").withIntensity(1_000_000, 1)
                .withChildTemplate(Optional.of(WorkerNode.of("w")));
        return Design.of("soak", "a long restart storm", SupervisorNode.of("root", List.of(pool)).withIntensity(1_000_000, 1));
    }

    private static long setting(String property, String env, long fallback) {
        String v = System.getProperty(property, System.getenv(env));
        if (v == null || v.isBlank()) return fallback;
        return Long.parseLong(v.strip());
    }

    @Override
    public void run(PrintStream out) throws Exception {
        long seconds = setting("canopy.soak.seconds", "CANOPY_SOAK_SECONDS", 60);
        long sampleSeconds = setting("canopy.soak.sampleSeconds", "CANOPY_SOAK_SAMPLE_SECONDS",
                seconds >= 600 ? 60 : Math.max(1, seconds / 10));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        boolean window = Boolean.getBoolean("canopy.soak.window");
        if (window && !CanvasBench.FxBench.ensureDisplay(name(), out)) return; // ran again under xvfb-run

        SimulatorViewModel vm = SimulatorViewModel.create(design(), 1);
        javafx.stage.Stage stage = null;
        // Samples go into arrays sized for the whole run up front: a growing list of boxed doubles
        // would itself grow the heap this bench watches (a few MB an hour).
        Samples pulseMs = new Samples(seconds * 100 + 1_000);
        if (window) {
            // The whole simulator view in a window; the FX thread pulls frames through the FramePump.
            CanvasBench.FxBench.startFx();
            stage = CanvasBench.FxBench.onFx(() -> {
                javafx.stage.Stage st = new javafx.stage.Stage();
                st.setScene(new javafx.scene.Scene(new dev.canopy.app.ui.sim.SimulatorView(vm), 1600, 1000));
                st.show();
                vm.run();
                return st;
            });
        } else {
            vm.run(); // headless: this thread plays the FX thread, every view-model call happens on it
        }
        for (int i = 0; i < WORKERS; i++) vm.inject(new SimInput.StartDynamicChild("root/pool"));
        long startDeadline = System.nanoTime() + 60_000_000_000L;
        while (onUi(window, () -> vm.statesProperty().get().size()) < WORKERS + 2) {
            if (System.nanoTime() > startDeadline) throw new IllegalStateException("the workers did not start");
            Thread.sleep(16);
            if (!window) vm.frame(System.nanoTime());
        }
        onUi(window, () -> {
            vm.play();
            if (window) dev.canopy.app.ui.render.FramePump.get().setOnPulse((wall, cpu) -> pulseMs.add(wall / 1e6));
            return null;
        });

        SplittableRandom random = new SplittableRandom(7);
        Samples frameMs = new Samples(seconds * 1_000_000_000L / FRAME_NANOS + 1_000);
        List<double[]> heap = new ArrayList<>(); // {seconds since start, MB}
        long kills = 0;
        long lines0 = onUi(window, () -> logLines(vm));
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long nextSample = start;
        long nextFrame = start;
        while (true) {
            long now = System.nanoTime();
            if (now >= nextSample) {
                System.gc();
                double mb = memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
                double at = (now - start) / 1e9;
                heap.add(new double[] {at, mb});
                Stats.line(out, "canopy_soak_heap_mb_t" + Math.round(at), mb, "MB");
                out.flush();
                nextSample += sampleSeconds * 1_000_000_000L;
            }
            if (now >= end) break;
            long due = (now - start) * KILLS_PER_S / 1_000_000_000L;
            while (kills < due && vm.pendingTasks() < 256) {
                vm.kill("root/pool/w_" + (1 + random.nextInt(WORKERS)));
                kills++;
            }
            if (!window && now >= nextFrame) {
                long f0 = System.nanoTime();
                vm.frame(f0);
                frameMs.add((System.nanoTime() - f0) / 1e6);
                nextFrame += FRAME_NANOS;
            }
            Thread.sleep(1);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long lines = onUi(window, () -> logLines(vm)) - lines0;
        javafx.stage.Stage shown = stage;
        onUi(window, () -> {
            if (window) dev.canopy.app.ui.render.FramePump.get().setOnPulse(null);
            vm.close();
            if (shown != null) shown.close();
            return null;
        });

        Stats.line(out, "canopy_soak_seconds", elapsed, "s");
        Stats.line(out, "canopy_soak_heap_mb_first", heap.getFirst()[1], "MB");
        Stats.line(out, "canopy_soak_heap_mb_last", heap.getLast()[1], "MB");
        Stats.line(out, "canopy_soak_heap_growth_mb_per_hour", slopePerHour(heap.subList(heap.size() / 2, heap.size())), "MB/h");
        Stats.line(out, "canopy_soak_kills_per_s", kills / elapsed, "kills/s");
        Stats.line(out, "canopy_soak_log_lines_per_s", lines / elapsed, "lines/s");
        if (window) {
            List<Double> pulses = pulseMs.sorted();
            Stats.line(out, "canopy_soak_fx_pulses_per_s", pulseMs.size() / elapsed, "pulses/s");
            Stats.line(out, "canopy_soak_fx_pulse_ms_p50", percentile(pulses, 0.50), "ms");
            Stats.line(out, "canopy_soak_fx_pulse_ms_p99", percentile(pulses, 0.99), "ms");
            Stats.line(out, "canopy_soak_fx_pulse_ms_max", pulses.isEmpty() ? Double.NaN : pulses.getLast(), "ms");
        } else {
            List<Double> sorted = frameMs.sorted();
            Stats.line(out, "canopy_soak_frame_ms_p50", percentile(sorted, 0.50), "ms");
            Stats.line(out, "canopy_soak_frame_ms_p99", percentile(sorted, 0.99), "ms");
        }
        Stats.line(out, "canopy_soak_load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), "load");
    }

    /** Runs view-model work on the FX thread when there is a window, else right here. */
    private static <T> T onUi(boolean window, java.util.concurrent.Callable<T> work) throws Exception {
        return window ? CanvasBench.FxBench.onFx(work) : work.call();
    }

    /** Log lines seen so far: the view keeps the latest few thousand, so count by sequence number. */
    private static long logLines(SimulatorViewModel vm) {
        var events = vm.events();
        return events.isEmpty() ? 0 : events.getLast().seq();
    }

    /** A fixed-size store of samples (the ones past its size are counted, not kept). */
    static final class Samples {
        private final double[] values;
        private int count;

        Samples(long size) {
            values = new double[(int) Math.min(Integer.MAX_VALUE - 8, size)];
        }

        synchronized void add(double v) {
            if (count < values.length) values[count] = v;
            count++;
        }

        synchronized int size() {
            return count;
        }

        synchronized List<Double> sorted() {
            double[] kept = java.util.Arrays.copyOf(values, Math.min(count, values.length));
            java.util.Arrays.sort(kept);
            return java.util.Arrays.stream(kept).boxed().toList();
        }
    }

    private static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) return Double.NaN;
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(sorted.size() * q) - 1)));
    }

    /** Least-squares slope of MB over time, in MB per hour (0 with fewer than two samples). */
    static double slopePerHour(List<double[]> samples) {
        int n = samples.size();
        if (n < 2) return 0;
        double mx = 0, my = 0;
        for (double[] s : samples) {
            mx += s[0];
            my += s[1];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (double[] s : samples) {
            sxy += (s[0] - mx) * (s[1] - my);
            sxx += (s[0] - mx) * (s[0] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx * 3600;
    }
}
