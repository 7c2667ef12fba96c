package dev.canopy.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.canopy.app.bench.CanvasBench.FxBench;
import dev.canopy.app.ui.render.FramePump;
import dev.canopy.app.ui.sim.SimulatorView;
import dev.canopy.app.ui.sim.SimulatorViewModel;
import dev.canopy.app.ui.theme.ThemeMode;
import dev.canopy.app.ui.theme.Themes;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.diagrams.render.FrameDamage;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimInput;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * {@code canopy bench storm}: the simulator UI under a restart storm, on two shapes of tree:
 * <ul>
 * <li>{@code canopy_storm_*}: a dynamic supervisor with {@value #WORKERS} workers under a root
 * supervisor (the shape measured since issue 13);
 * <li>{@code canopy_storm_flat10k_*}: the shape users run, one DynamicSupervisor with 10,000
 * sessions (as the {@code many_sessions} sample), the whole grid fitted to the window.
 * </ul>
 * Intensity is high enough never to give up. Random workers are killed up to
 * {@value #KILLS_PER_S} times a second (as fast as the engine thread takes them, never more than
 * 256 commands ahead of it) while the run plays at 1×, with the whole simulator view attached
 * (canvas, timeline, log) in a 1600 × 1000 window styled as the app's (its theme and canopy.css), the tree fitted.
 * <p>
 * Per shape it prints:
 * <ul>
 * <li>{@code _fx_ms_per_pulse} (median, {@code _min}, {@code _max}, {@code _p95}, {@code _p99}):
 * the FX-thread work of each pulse's frame tasks (the one AnimationTimer: taking the coalesced
 * snapshot, restyling, building the display list, issuing the canvas commands, the timeline);
 * {@code _fx_cpu_ms_per_pulse}: the same as CPU time of the FX thread (wall time minus the time
 * the thread was descheduled: the fairer figure on a loaded machine);
 * <li>{@code _fx_pulse_ms} ({@code _p95}, {@code _p99}): the whole FX-thread part of a pulse, the
 * frame tasks plus the scene's CSS and layout passes (from the AnimationTimer to the end of
 * layout; not the wait for the previous frame's rendering);
 * <li>{@code _pulses_per_s} (frames the window drew per second) and {@code _pulse_gap_ms_p95}
 * (time between pulses);
 * <li>{@code _canvas_whole_frames_per_s} and {@code _canvas_partial_frames_per_s}: tree canvas
 * frames drawn whole, and frames that repainted only their damaged areas, and
 * {@code _canvas_shapes_per_partial_frame} (display-list shapes such a frame repainted),
 * {@code _canvas_damaged_share_per_partial_frame} (% of the canvas's tiles) and
 * {@code _canvas_bands_touched_per_partial_frame} (of {@link dev.canopy.app.ui.render.TreeCanvas#BANDS});
 * <li>where a pulse's time goes: {@code _stage_<task>_ms} and {@code _stage_<task>_cpu_ms}
 * (p50, p95, p99 of each frame task: sim_pull, tree_canvas, log, timeline),
 * {@code _fx_tasks_off_cpu_ms_per_s}, {@code _fx_runqueue_wait_ms_per_s} and
 * {@code _render_runqueue_wait_ms_per_s} (runnable but waiting for a core; Linux only),
 * {@code _fx_blocked_ms_per_s}, {@code _fx_waited_ms_per_s} and {@code _gc_ms_per_s};
 * <li>{@code _events_per_s} (simulator log lines, each an engine event explained: exit, restart,
 * input) and {@code _kills_per_s};
 * <li>{@code _cpu_ms_per_s_fx}, {@code _render}, {@code _engine}: CPU time per second of the FX
 * thread, the Prism render thread (which rasterises the frames with the software pipeline under
 * Xvfb) and the simulator's engine thread;
 * <li>{@code _load_average}.
 * </ul>
 * Durations: {@code -Dcanopy.storm.warmMs} (default 2000) and {@code -Dcanopy.storm.measureMs}
 * (6000); shapes: {@code -Dcanopy.storm.shapes=pool2k,flat10k}; to see what the rest of the view costs,
 * {@code -Dcanopy.storm.hide=sim-log,sim-timeline,sim-canvas} hides those parts, and
 * {@code -Dcanopy.storm.kills=N} sets the kills per second (0: the window without a storm). Needs a display (xvfb-run
 * otherwise). It first prints, as a {@code #} line, the JVM flags it runs with ({@link #jvmFlags}).
 */
public final class StormBench implements Bench {
    static final int WORKERS = 2_000;
    static final int SESSIONS = 10_000;
    static final int KILLS_PER_S = 3_400;
    /** The window is styled as the app's ({@code -Dcanopy.theme=dark} for the dark look). */
    private static final ThemeMode LOOK = ThemeMode.initial();

    /** One shape of tree to storm: the name its figures carry and how many workers it has. */
    record Shape(String key, String prefix, int workers) {
    }

    static final List<Shape> SHAPES = List.of(new Shape("pool2k", "canopy_storm", WORKERS),
            new Shape("flat10k", "canopy_storm_flat10k", SESSIONS));

    private final int killsPerSecond;
    private final long warmMs;
    private final long measureMs;

    public StormBench() {
        this(Integer.getInteger("canopy.storm.kills", KILLS_PER_S), Long.getLong("canopy.storm.warmMs", 2_000), Long.getLong("canopy.storm.measureMs", 6_000));
    }

    StormBench(int killsPerSecond, long warmMs, long measureMs) {
        this.killsPerSecond = killsPerSecond;
        this.warmMs = warmMs;
        this.measureMs = measureMs;
    }

    @Override
    public String name() {
        return "storm";
    }

    static Design design() {
        DynamicSupervisorNode pool = DynamicSupervisorNode.of("pool").withIntensity(1_000_000, 1)
                .withChildTemplate(Optional.of(WorkerNode.of("w")));
        SupervisorNode root = SupervisorNode.of("root", List.of(pool)).withIntensity(1_000_000, 1);
        return Design.of("storm", "a restart storm", root);
    }

    @Override
    public void run(PrintStream out) throws Exception {
        if (!FxBench.ensureDisplay(name(), out)) return;
        FxBench.startFx();
        out.println("# storm: the window runs with " + jvmFlags());
        String wanted = System.getProperty("canopy.storm.shapes", "pool2k,flat10k");
        for (Shape shape : SHAPES) {
            if (List.of(wanted.split(",")).contains(shape.key())) run(shape, out);
        }
    }

    private void run(Shape shape, PrintStream out) throws Exception {
        String p = shape.prefix();
        int workers = shape.workers();
        SimulatorViewModel vm = SimulatorViewModel.create(design(), 1);
        Stage stage = FxBench.onFx(() -> {
            Themes.apply(LOOK, null); // before the controls are made, as the app does
            SimulatorView view = new SimulatorView(vm);
            Stage s = new Stage();
            Scene scene = new Scene(view, 1600, 1000);
            Themes.styleAsApp(LOOK, scene);
            s.setScene(scene);
            s.show();
            // diagnosis: hide parts of the view to see what the rest costs (e.g. sim-log,sim-timeline,sim-canvas)
            for (String id : System.getProperty("canopy.storm.hide", "").split(",")) {
                if (!id.isBlank() && view.lookup("#" + id.strip()) != null) view.lookup("#" + id.strip()).setVisible(false);
            }
            vm.run();
            return s;
        });
        vm.inject(new SimInput.StartDynamicChildren("root/pool", workers));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (FxBench.onFx(() -> vm.statesProperty().get().size()) < workers + 2) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the workers did not start");
            Thread.sleep(50);
        }
        FxBench.onFx(() -> {
            vm.play();
            return null;
        });
        Thread.sleep(500);
        FxBench.onFx(() -> {
            ((SimulatorView) stage.getScene().getRoot()).canvas().fit();
            return null;
        });

        AtomicBoolean storming = new AtomicBoolean(true);
        AtomicLong kills = new AtomicLong();
        Thread storm = Thread.ofPlatform().name("storm").daemon().start(() -> {
            SplittableRandom random = new SplittableRandom(7);
            long start = System.nanoTime();
            long done = 0;
            while (storming.get()) {
                long due = (System.nanoTime() - start) * killsPerSecond / 1_000_000_000L;
                // back-pressure: never more than a few hundred commands ahead of the engine
                while (done < due && vm.pendingTasks() < 256) {
                    vm.kill("root/pool/w_" + (1 + random.nextInt(workers)));
                    done++;
                }
                kills.set(done);
                if (done < due - killsPerSecond / 10) start += 1_000_000L; // the engine is the limit: do not build up a debt
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Thread.sleep(warmMs);

        Samples tasks = new Samples();
        Samples tasksCpu = new Samples();
        Samples whole = new Samples();
        Samples gaps = new Samples();
        java.util.Map<String, Samples[]> stages = new java.util.concurrent.ConcurrentSkipListMap<>(); // per task: wall, cpu
        long[] pulseStart = {0, 0}; // this pulse's start, the previous pulse's start
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fxId = FxBench.onFx(() -> Thread.currentThread().threadId());
        long renderId = threadNamed("QuantumRenderer");
        long engineId = threadNamed("canopy-sim-" + design().name()); // the newest: this run's
        if (threads.isThreadContentionMonitoringSupported()) threads.setThreadContentionMonitoringEnabled(true);
        long[] cpu0 = {threads.getThreadCpuTime(fxId), cpuOf(threads, renderId), cpuOf(threads, engineId)};
        long[] fxWaits0 = fxWaits(threads, fxId);
        long gc0 = gcMillis();
        double[] offCpu = {0}; // frame-task wall time not on the FX thread's CPU, summed
        long seq0 = FxBench.onFx(() -> lastSeq(vm));
        long kills0 = kills.get();
        long pulses0 = FxBench.onFx(() -> FramePump.get().pulses());
        var canvas = ((SimulatorView) stage.getScene().getRoot()).canvas();
        long[] frames0 = FxBench.onFx(() -> new long[] {canvas.fullFrames(), canvas.partialFrames(), canvas.repainted()[2], canvas.repainted()[0], canvas.repainted()[3]});
        Runnable afterLayout = () -> {
            if (pulseStart[0] != 0) whole.add((System.nanoTime() - pulseStart[0]) / 1e6);
        };
        FxBench.onFx(() -> {
            FramePump.get().setOnPulse((wall, cpu) -> {
                long start = System.nanoTime() - wall;
                if (pulseStart[1] != 0) gaps.add((start - pulseStart[1]) / 1e6);
                pulseStart[1] = start;
                pulseStart[0] = start;
                tasks.add(wall / 1e6);
                offCpu[0] += Math.max(0, wall - cpu) / 1e6;
                tasksCpu.add(cpu / 1e6);
            });
            FramePump.get().setOnStage((name, wall, cpu) -> {
                Samples[] s = stages.computeIfAbsent(name, n -> new Samples[] {new Samples(), new Samples()});
                s[0].add(wall / 1e6);
                s[1].add(cpu / 1e6);
            });
            stage.getScene().addPostLayoutPulseListener(afterLayout);
            return null;
        });
        long[] queued0 = {runQueueWaitNanos("JavaFX Applicat"), runQueueWaitNanos("QuantumRenderer")};
        long t0 = System.nanoTime();
        Thread.sleep(measureMs);
        long[] queued1 = {runQueueWaitNanos("JavaFX Applicat"), runQueueWaitNanos("QuantumRenderer")};
        FxBench.onFx(() -> {
            FramePump.get().setOnPulse(null);
            FramePump.get().setOnStage(null);
            stage.getScene().removePostLayoutPulseListener(afterLayout);
            return null;
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] fxWaits1 = fxWaits(threads, fxId);
        long gc1 = gcMillis();
        long[] cpu1 = {threads.getThreadCpuTime(fxId), cpuOf(threads, renderId), cpuOf(threads, engineId)};
        long seq1 = FxBench.onFx(() -> lastSeq(vm));
        long kills1 = kills.get();
        long pulses1 = FxBench.onFx(() -> FramePump.get().pulses());
        long[] frames1 = FxBench.onFx(() -> new long[] {canvas.fullFrames(), canvas.partialFrames(), canvas.repainted()[2], canvas.repainted()[0], canvas.repainted()[3]});
        double canvasTiles = FxBench.onFx(() -> Math.ceil(canvas.getWidth() / FrameDamage.DEFAULT_TILE_PX) * Math.ceil(canvas.getHeight() / FrameDamage.DEFAULT_TILE_PX));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        storming.set(false);
        storm.join();
        FxBench.onFx(() -> {
            vm.close();
            stage.close();
            return null;
        });

        tasks.report(out, p + "_fx_ms_per_pulse");
        tasksCpu.report(out, p + "_fx_cpu_ms_per_pulse");
        whole.percentiles(out, p + "_fx_pulse_ms");
        for (var e : stages.entrySet()) {
            e.getValue()[0].percentiles(out, p + "_stage_" + e.getKey().replace('-', '_') + "_ms");
            e.getValue()[1].percentiles(out, p + "_stage_" + e.getKey().replace('-', '_') + "_cpu_ms");
        }
        Stats.line(out, p + "_fx_tasks_off_cpu_ms_per_s", offCpu[0] / seconds, "ms/s");
        if (queued0[0] >= 0 && queued1[0] >= 0) Stats.line(out, p + "_fx_runqueue_wait_ms_per_s", (queued1[0] - queued0[0]) / 1e6 / seconds, "ms/s");
        if (queued0[1] >= 0 && queued1[1] >= 0) Stats.line(out, p + "_render_runqueue_wait_ms_per_s", (queued1[1] - queued0[1]) / 1e6 / seconds, "ms/s");
        Stats.line(out, p + "_gc_ms_per_s", (gc1 - gc0) / seconds, "ms/s");
        if (fxWaits0[0] >= 0) {
            Stats.line(out, p + "_fx_blocked_ms_per_s", (fxWaits1[0] - fxWaits0[0]) / seconds, "ms/s");
            Stats.line(out, p + "_fx_waited_ms_per_s", (fxWaits1[1] - fxWaits0[1]) / seconds, "ms/s");
        }
        Stats.line(out, p + "_events_per_s", (seq1 - seq0) / seconds, "events/s");
        Stats.line(out, p + "_kills_per_s", (kills1 - kills0) / seconds, "kills/s");
        Stats.line(out, p + "_pulses_per_s", (pulses1 - pulses0) / seconds, "pulses/s");
        gaps.percentiles(out, p + "_pulse_gap_ms");
        Stats.line(out, p + "_canvas_whole_frames_per_s", (frames1[0] - frames0[0]) / seconds, "frames/s");
        Stats.line(out, p + "_canvas_partial_frames_per_s", (frames1[1] - frames0[1]) / seconds, "frames/s");
        if (frames1[1] > frames0[1]) {
            Stats.line(out, p + "_canvas_shapes_per_partial_frame", (frames1[2] - frames0[2]) / (double) (frames1[1] - frames0[1]), "shapes");
            // how much of the canvas a partial frame repaints: whether splitting it into smaller canvases could shrink what Prism uploads
            Stats.line(out, p + "_canvas_damaged_share_per_partial_frame",
                    100 * (frames1[3] - frames0[3]) / (double) (frames1[1] - frames0[1]) / canvasTiles, "%");
            Stats.line(out, p + "_canvas_bands_touched_per_partial_frame",
                    (frames1[4] - frames0[4]) / (double) (frames1[1] - frames0[1]), "of " + dev.canopy.app.ui.render.TreeCanvas.BANDS);
        }
        Stats.line(out, p + "_cpu_ms_per_s_fx", (cpu1[0] - cpu0[0]) / 1e6 / seconds, "ms/s");
        if (renderId >= 0) Stats.line(out, p + "_cpu_ms_per_s_render", (cpu1[1] - cpu0[1]) / 1e6 / seconds, "ms/s");
        Stats.line(out, p + "_cpu_ms_per_s_engine", (cpu1[2] - cpu0[2]) / 1e6 / seconds, "ms/s");
        Stats.line(out, p + "_load_average", load, "load");
    }

    /**
     * The JVM flags that decide the window's speed (compilers, collector, heap), and the collectors
     * in use: `./canopy bench storm` gives it the desktop app's (C1 only, the parallel collector).
     */
    static String jvmFlags() {
        List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X") && !a.startsWith("-Xlog") && !a.contains("SharedArchive"))
                .toList();
        List<String> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList();
        return (flags.isEmpty() ? "the JVM's default flags" : String.join(" ", flags)) + " (collectors: " + String.join(", ", collectors) + ")";
    }

    /** ms the FX thread spent blocked on monitors and waiting (parked), or -1 when not measured. */
    private static long[] fxWaits(ThreadMXBean threads, long fxId) {
        var info = threads.getThreadInfo(fxId);
        if (info == null || info.getBlockedTime() < 0) return new long[] {-1, -1};
        return new long[] {info.getBlockedTime(), info.getWaitedTime()};
    }

    /**
     * ns a thread of this process (by its kernel name, which the JVM truncates to 15 characters)
     * has spent runnable but waiting for a core, from Linux's /proc/self/task/N/schedstat; -1 elsewhere.
     * On a loaded machine this is where a frame task's wall time goes beyond its CPU time.
     */
    private static long runQueueWaitNanos(String comm) {
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var t : (Iterable<java.nio.file.Path>) tasks::iterator) {
                if (!java.nio.file.Files.readString(t.resolve("comm")).strip().equals(comm)) continue;
                return Long.parseLong(java.nio.file.Files.readString(t.resolve("schedstat")).strip().split(" ")[1]);
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1; // not Linux, or the thread is gone: the figure is left out
        }
        return -1;
    }

    /** ms all collectors spent collecting so far (pauses included). */
    private static long gcMillis() {
        long sum = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) sum += Math.max(0, gc.getCollectionTime());
        return sum;
    }

    private static long cpuOf(ThreadMXBean threads, long id) {
        return id < 0 ? 0 : Math.max(0, threads.getThreadCpuTime(id));
    }

    /** The id of the newest live thread whose name starts with this, or -1. */
    private static long threadNamed(String prefix) {
        long id = -1;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix) && t.isAlive()) id = Math.max(id, t.threadId());
        }
        return id;
    }

    private static long lastSeq(SimulatorViewModel vm) {
        List<SimEvent> e = vm.events();
        return e.isEmpty() ? 0 : e.getLast().seq();
    }

    /** Per-pulse samples in ms, added on the FX thread, read after the measurement. */
    private static final class Samples {
        private final List<Double> values = Collections.synchronizedList(new ArrayList<>());

        void add(double ms) {
            values.add(ms);
        }

        private List<Double> sorted() {
            List<Double> s = new ArrayList<>(values);
            Collections.sort(s);
            return s;
        }

        private static double at(List<Double> sorted, double q) {
            return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(sorted.size() * q) - 1)));
        }

        /** Median, min, max, p95, p99. */
        void report(PrintStream out, String name) {
            List<Double> s = sorted();
            if (s.isEmpty()) return;
            Stats.report(out, name, s, "ms");
            Stats.line(out, name + "_p95", at(s, 0.95), "ms");
            Stats.line(out, name + "_p99", at(s, 0.99), "ms");
        }

        /** Median, p95, p99. */
        void percentiles(PrintStream out, String name) {
            List<Double> s = sorted();
            if (s.isEmpty()) return;
            Stats.line(out, name, Stats.median(s), "ms");
            Stats.line(out, name + "_p95", at(s, 0.95), "ms");
            Stats.line(out, name + "_p99", at(s, 0.99), "ms");
        }
    }
}
