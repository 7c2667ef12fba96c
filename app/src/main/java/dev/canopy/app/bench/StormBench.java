package dev.canopy.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.canopy.app.bench.CanvasBench.FxBench;
import dev.canopy.app.ui.render.FramePump;
import dev.canopy.app.ui.sim.SimulatorView;
import dev.canopy.app.ui.sim.SimulatorViewModel;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimInput;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * {@code canopy bench storm}: the simulator UI under a restart storm. A dynamic supervisor with
 * {@value #WORKERS} workers (intensity high enough never to give up) has random workers killed
 * up to {@value #KILLS_PER_S} times a second (as fast as the engine thread takes them, never more
 * than 256 commands ahead of it) while the run plays at 1×, with the whole simulator
 * view attached (canvas, timeline, log) in a 1600 × 1000 window. Measures the FX-thread work of
 * each pulse: the one AnimationTimer's handle, i.e. taking the coalesced snapshot, restyling,
 * building the display list and issuing the canvas commands (Prism then rasterises on its own
 * thread). Target: 8 ms per pulse.
 * <p>
 * Prints {@code canopy_storm_fx_ms_per_pulse} (median, {@code _min}, {@code _max}, {@code _p95}
 * over the measured pulses), {@code canopy_storm_events_per_s} (simulator log lines, each an
 * engine event explained: exit, restart, input), {@code canopy_storm_kills_per_s}, {@code canopy_storm_pulses_per_s}, the FX thread's CPU time
 * per pulse ({@code canopy_storm_fx_cpu_ms_per_pulse}: wall time minus time the thread was
 * descheduled, the fairer figure on a loaded machine) and the load average. Needs a display (xvfb-run otherwise).
 */
public final class StormBench implements Bench {
    static final int WORKERS = 2_000;
    static final int KILLS_PER_S = 3_400;
    private final int workers;
    private final int killsPerSecond;
    private final long warmMs;
    private final long measureMs;

    public StormBench() {
        this(WORKERS, KILLS_PER_S, 2_000, 6_000);
    }

    StormBench(int workers, int killsPerSecond, long warmMs, long measureMs) {
        this.workers = workers;
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
        SimulatorViewModel vm = SimulatorViewModel.create(design(), 1);
        Stage stage = FxBench.onFx(() -> {
            SimulatorView view = new SimulatorView(vm);
            Stage s = new Stage();
            s.setScene(new Scene(view, 1600, 1000));
            s.show();
            vm.run();
            return s;
        });
        for (int i = 0; i < workers; i++) vm.inject(new SimInput.StartDynamicChild("root/pool"));
        long deadline = System.nanoTime() + 60_000_000_000L;
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
        long[] kills = new long[1];
        Thread storm = Thread.ofPlatform().name("storm").daemon().start(() -> {
            SplittableRandom random = new SplittableRandom(7);
            long start = System.nanoTime();
            while (storming.get()) {
                long due = (System.nanoTime() - start) * killsPerSecond / 1_000_000_000L;
                // back-pressure: never more than a few hundred commands ahead of the engine
                while (kills[0] < due && vm.pendingTasks() < 256) {
                    vm.kill("root/pool/w_" + (1 + random.nextInt(workers)));
                    kills[0]++;
                }
                if (kills[0] < due - killsPerSecond / 10) start += 1_000_000L; // the engine is the limit: do not build up a debt
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Thread.sleep(warmMs);

        List<Double> samples = Collections.synchronizedList(new ArrayList<>());
        List<Double> cpuSamples = Collections.synchronizedList(new ArrayList<>());
        long seq0 = FxBench.onFx(() -> lastSeq(vm));
        long kills0 = kills[0];
        long pulses0 = FxBench.onFx(() -> FramePump.get().pulses());
        FxBench.onFx(() -> {
            FramePump.get().setOnPulse((wall, cpu) -> {
                samples.add(wall / 1e6);
                cpuSamples.add(cpu / 1e6);
            });
            return null;
        });
        long t0 = System.nanoTime();
        Thread.sleep(measureMs);
        FxBench.onFx(() -> {
            FramePump.get().setOnPulse(null);
            return null;
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        long seq1 = FxBench.onFx(() -> lastSeq(vm));
        long kills1 = kills[0];
        long pulses1 = FxBench.onFx(() -> FramePump.get().pulses());
        storming.set(false);
        storm.join();
        FxBench.onFx(() -> {
            vm.close();
            stage.close();
            return null;
        });

        List<Double> s = new ArrayList<>(samples);
        Stats.report(out, "canopy_storm_fx_ms_per_pulse", s, "ms");
        List<Double> sorted = new ArrayList<>(s);
        Collections.sort(sorted);
        Stats.line(out, "canopy_storm_fx_ms_per_pulse_p95", sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1)), "ms");
        Stats.report(out, "canopy_storm_fx_cpu_ms_per_pulse", new ArrayList<>(cpuSamples), "ms");
        Stats.line(out, "canopy_storm_events_per_s", (seq1 - seq0) / seconds, "events/s");
        Stats.line(out, "canopy_storm_kills_per_s", (kills1 - kills0) / seconds, "kills/s");
        Stats.line(out, "canopy_storm_load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), "load");
        Stats.line(out, "canopy_storm_pulses_per_s", (pulses1 - pulses0) / seconds, "pulses/s");
    }

    private static long lastSeq(SimulatorViewModel vm) {
        List<SimEvent> e = vm.events();
        return e.isEmpty() ? 0 : e.getLast().seq();
    }
}
