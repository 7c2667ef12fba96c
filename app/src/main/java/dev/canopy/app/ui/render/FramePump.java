package dev.canopy.app.ui.render;

import java.util.ArrayList;
import java.util.List;

import javafx.animation.AnimationTimer;

/**
 * The one AnimationTimer of the app's live views: every pulse it runs the registered frame tasks
 * in order (a simulator pulls its snapshot, then the canvases redraw if dirty) and records how
 * long that FX-thread work took, for the storm benchmark. FX thread only.
 */
public final class FramePump {
    /** Work done once per pulse; {@code now} is the pulse's timestamp in ns. */
    @FunctionalInterface
    public interface Task {
        void frame(long now);

        /** This task with a name, under which the storm benchmark reports its share of a pulse. */
        static Task named(String name, Task task) {
            return new Named(name, task);
        }
    }

    /** A task with the name its per-stage timings carry. */
    private record Named(String name, Task task) implements Task {
        @Override
        public void frame(long now) {
            task.frame(now);
        }
    }

    /** Receives each task's part of a pulse (for benchmarks): its name, wall-clock ns and FX-thread CPU ns. */
    @FunctionalInterface
    public interface StageListener {
        void stage(String name, long wallNanos, long cpuNanos);
    }

    private static final FramePump INSTANCE = new FramePump();

    private final List<Task> tasks = new ArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };
    private boolean running;
    private long lastWorkNanos;
    private long totalWorkNanos;
    private long pulses;
    private PulseListener onPulse;
    private StageListener onStage;
    /** Measures each pulse's FX-thread work (for the storm benchmark), never decides anything. */
    private final dev.canopy.app.ui.time.Ticker ticker = dev.canopy.app.ui.time.Ticker.system();
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private long lastCpuNanos;

    /** Receives each pulse's FX-thread work: wall-clock ns and CPU ns of the FX thread. */
    @FunctionalInterface
    public interface PulseListener {
        void pulse(long wallNanos, long cpuNanos);
    }

    private FramePump() {
    }

    public static FramePump get() {
        return INSTANCE;
    }

    /** Adds a task; tasks run in the order they were added. Starts the timer with the first. */
    public void add(Task task) {
        if (tasks.contains(task)) return;
        tasks.add(task);
        if (!running) {
            timer.start();
            running = true;
        }
    }

    /** Adds a task to run before all others (e.g. a view model pulling state the canvases draw). */
    public void addFirst(Task task) {
        tasks.remove(task);
        tasks.addFirst(task);
        if (!running) {
            timer.start();
            running = true;
        }
    }

    public void remove(Task task) {
        tasks.remove(task);
        if (tasks.isEmpty() && running) {
            timer.stop();
            running = false;
        }
    }

    /** Runs all tasks now, as a pulse would; public for tests and benchmarks. */
    public void pulse(long now) {
        boolean cpu = onPulse != null && threads.isCurrentThreadCpuTimeSupported();
        long cpu0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long start = ticker.nanos();
        StageListener stages = cpu ? onStage : null;
        for (Task t : List.copyOf(tasks)) {
            if (stages == null) {
                t.frame(now);
                continue;
            }
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = ticker.nanos();
            t.frame(now);
            stages.stage(t instanceof Named n ? n.name() : "task", ticker.nanos() - w0, threads.getCurrentThreadCpuTime() - c0);
        }
        lastWorkNanos = ticker.nanos() - start;
        lastCpuNanos = cpu ? threads.getCurrentThreadCpuTime() - cpu0 : 0;
        totalWorkNanos += lastWorkNanos;
        pulses++;
        if (onPulse != null) onPulse.pulse(lastWorkNanos, lastCpuNanos);
    }

    /** Receives each pulse's FX-thread work (for benchmarks); null to stop. */
    public void setOnPulse(PulseListener listener) {
        onPulse = listener;
    }

    /** Receives each task's part of every pulse while a pulse listener is set (for benchmarks); null to stop. */
    public void setOnStage(StageListener listener) {
        onStage = listener;
    }

    /** FX-thread time the last pulse's tasks took, in ns. */
    public long lastWorkNanos() {
        return lastWorkNanos;
    }

    public long totalWorkNanos() {
        return totalWorkNanos;
    }

    public long pulses() {
        return pulses;
    }
}
