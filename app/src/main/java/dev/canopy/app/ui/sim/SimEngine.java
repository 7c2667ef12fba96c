package dev.canopy.app.ui.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import dev.canopy.app.ui.time.Ticker;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.sim.NodeState;
import dev.canopy.diagrams.sim.ProcessDetails;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.diagrams.sim.InputRecord;
import dev.canopy.diagrams.sim.SimulationSession;
import dev.canopy.diagrams.sim.TimedInput;

/**
 * The engine side of a {@link SimulatorViewModel}: the {@link SimulationSession}, the recorded
 * branch of inputs, the fault script, scrubbing (replay up to T) and branching (continuing after
 * a scrub drops later inputs), and building the snapshots it publishes through a
 * {@link SnapshotHandOver}. The command methods may be called from any thread (the FX thread in
 * the app); each queues a task, and all state below is touched only by those tasks on the engine
 * executor.
 */
final class SimEngine {
    private final Design design;
    private final Executor executor;
    private final LongSupplier seed;
    private final SnapshotHandOver handOver;

    // ---- engine-thread state (touched only by tasks on the engine executor)
    private SimulationSession session;
    private final SimVisualMapper mapper;
    /** The branch's inputs for replay, up to the cap (the one record of them; the session's own is only for its replays). */
    private InputRecord branch;
    private final int inputCap;
    private long branchEndMs;
    private long scrubbedAtMs = -1;
    private final ArrayDeque<TimedInput> scheduled = new ArrayDeque<>();
    private List<TimedInput> script = List.of();
    private int inputsPublished;
    private boolean inputsResetOwed;
    private String pendingMessage;

    // ---- shared with the calling thread
    private final AtomicInteger pendingTasks = new AtomicInteger();
    private final AtomicBoolean advancePending = new AtomicBoolean();
    private final AtomicBoolean scrubQueued = new AtomicBoolean();
    private final AtomicLong scrubTarget = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The design path the inspector shows (null: none); read by each publish. */
    private volatile String inspected;

    SimEngine(Design design, Executor executor, long minPublishIntervalNanos, Ticker ticker, LongSupplier seed) {
        this(design, executor, minPublishIntervalNanos, ticker, seed, InputRecord.DEFAULT_CAP);
    }

    /** inputCap: how many inputs rewind keeps (see {@link InputRecord}); tests use a small one. */
    SimEngine(Design design, Executor executor, long minPublishIntervalNanos, Ticker ticker, LongSupplier seed, int inputCap) {
        this.inputCap = inputCap;
        this.branch = new InputRecord(inputCap);
        this.design = design;
        this.executor = executor;
        this.seed = seed;
        this.handOver = new SnapshotHandOver(minPublishIntervalNanos, ticker);
        this.mapper = new SimVisualMapper(design);
    }

    // ---- commands (any thread)

    /** Starts (or restarts) the run from the beginning with the current seed. */
    void run() {
        submit(() -> {
            closeSession();
            long s = seed.getAsLong();
            var start = SimulationSession.start(design, s, inputCap);
            if (start instanceof SimulationSession.Start.Invalid invalid) {
                publish(true, "The design has problems; fix them to simulate", invalid.problems());
                return;
            }
            session = ((SimulationSession.Start.Running) start).session();
            branch = new InputRecord(inputCap);
            inputsResetOwed = true;
            branchEndMs = 0;
            scrubbedAtMs = -1;
            scheduled.clear();
            scheduled.addAll(script);
            mapper.reset();
            publish(true, "Running " + design.name() + " with seed " + seed.getAsLong(), List.of());
        });
    }

    /** Closes the session; the canvas keeps its last picture. */
    void stop() {
        submit(() -> {
            closeSession();
            publish(false, "Stopped", List.of());
        });
    }

    /** One process step; when nothing can run, virtual time moves on by 1 ms. */
    void step() {
        submit(() -> {
            if (session == null) return;
            commitBranch();
            if (!session.step()) advanceSession(1);
            publish(false, null, List.of());
        });
    }

    /** Advances virtual time by ms (ms > 0). */
    void advance(long ms) {
        submit(() -> {
            if (session == null) return;
            commitBranch();
            advanceSession(ms);
            publish(false, null, List.of());
        });
    }

    /** Advances by ms for a frame of play, unless the previous frame's advance is still in flight; true if queued. */
    boolean advanceFrame(long ms) {
        if (!advancePending.compareAndSet(false, true)) return false;
        submit(() -> {
            try {
                if (session == null) return;
                commitBranch();
                advanceSession(ms);
                publish(false, null, List.of());
            } finally {
                advancePending.set(false);
            }
        });
        return true;
    }

    /** Applies an input to the running tree now and records it in the branch. */
    void inject(SimInput input) {
        submit(() -> {
            if (session == null) return;
            commitBranch();
            long at = session.nowMs();
            session.inject(input);
            record(new TimedInput(at, input));
            branchEndMs = Math.max(branchEndMs, session.nowMs());
            publish(false, null, List.of());
        });
    }

    /** Plays this script: its inputs are injected when virtual time reaches them. */
    void useScript(List<TimedInput> s) {
        submit(() -> {
            boolean wasOn = !script.isEmpty();
            script = s;
            scheduled.clear();
            long now = session == null ? 0 : session.nowMs();
            for (TimedInput t : s) if (t.atMs() >= now) scheduled.add(t);
            if (session != null) publish(false, scriptMessage(wasOn, s.size(), scheduled.size(), now), List.of());
        });
    }

    /** What switching the script on or off mid-run means: it applies from now on. */
    static String scriptMessage(boolean wasOn, int steps, int toPlay, long nowMs) {
        if (steps == 0) return wasOn ? "Fault script off: its remaining steps will not play" : "This design has no fault script";
        int skipped = steps - toPlay;
        String plays = toPlay + " of its " + steps + " step" + (steps == 1 ? "" : "s") + " will play at their times";
        if (nowMs == 0 || skipped == 0) return "Fault script on from " + nowMs + " ms: " + plays;
        return "Fault script on from " + nowMs + " ms (it applies from now on): " + plays + "; " + skipped
                + " earlier step" + (skipped == 1 ? " was" : "s were") + " before now and will not play (Rewind to play all)";
    }

    /** Replays the branch up to T (at most its end); several calls before the task runs take the latest T. */
    void scrubTo(long t) {
        scrubTarget.set(Math.max(0, t));
        if (!scrubQueued.compareAndSet(false, true)) return; // the queued task will take the latest target
        submit(() -> {
            scrubQueued.set(false);
            long wanted = Math.min(scrubTarget.get(), Math.max(branchEndMs, session == null ? 0 : session.nowMs()));
            long target = Math.min(wanted, branch.rewindLimitMs());
            if (session != null) branchEndMs = Math.max(branchEndMs, session.nowMs());
            closeSession();
            var start = SimulationSession.replay(design, seed.getAsLong(), branch.list(), target, inputCap);
            if (!(start instanceof SimulationSession.Start.Running r)) return;
            session = r.session();
            scrubbedAtMs = target < branchEndMs ? target : -1;
            inputsResetOwed = true;
            scheduled.clear();
            for (TimedInput s : script) if (s.atMs() > target) scheduled.add(s);
            mapper.reset();
            long later = branch.list().stream().filter(in -> in.atMs() > target).count() + branch.unkept();
            String limited = target < wanted ? String.format(java.util.Locale.ROOT,
                    " (rewind reaches only the first %,d inputs, up to %,d ms)", inputCap, target) : "";
            publish(true, scrubbedAtMs < 0 ? "At the end of the run (" + target + " ms)"
                    : "Rewound to " + target + " ms" + limited + ". Continuing from here drops the " + later
                    + " input" + (later == 1 ? "" : "s") + " recorded after it (a new branch)", List.of());
        });
    }

    /** Inspects the process at this path (null: none): each snapshot then carries its details. */
    void inspect(String path) {
        inspected = path;
        submit(() -> publish(false, null, List.of()));
    }

    /** Queues the publish a rate-limited task skipped, if one is owed and not queued yet. */
    void flushIfOwed() {
        if (handOver.claimFlush()) {
            submit(() -> {
                if (handOver.takeOwedFlush()) publish(false, null, List.of());
            });
        }
    }

    /** The latest published snapshot, or null (FX thread). */
    SimSnapshot take() {
        return handOver.take();
    }

    /** Closes the session on the engine thread; every command after this is a no-op. */
    void close() {
        if (!closed.compareAndSet(false, true)) return;
        queue(this::closeSession);
    }

    /** Commands queued for or running on the engine thread (for back-pressure). */
    int pendingTasks() {
        return pendingTasks.get();
    }

    // ---- engine thread

    private void submit(Runnable task) {
        if (closed.get()) return;
        queue(task);
    }

    /**
     * Queues a task on the engine executor. One that arrives while the executor is shutting down
     * (a frame racing the close of its simulation) is dropped: there is nothing left to update.
     */
    private void queue(Runnable task) {
        pendingTasks.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    publishError(e);
                } finally {
                    pendingTasks.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            pendingTasks.decrementAndGet();
        }
    }

    private void advanceSession(long ms) {
        long target = session.nowMs() + ms;
        while (!scheduled.isEmpty() && scheduled.peekFirst().atMs() <= target) {
            TimedInput in = scheduled.pollFirst();
            session.advanceTo(in.atMs());
            long at = session.nowMs();
            session.inject(in.input());
            record(new TimedInput(at, in.input()));
        }
        session.advanceTo(target);
        branchEndMs = Math.max(branchEndMs, session.nowMs());
    }

    /** Records an input of the branch; the first one past the cap makes the status line say rewind stops there. */
    private void record(TimedInput in) {
        if (!branch.add(in) && branch.unkept() == 1) {
            pendingMessage = "R" + InputRecord.fullMessage(inputCap, branch.rewindLimitMs()).substring(1);
        }
    }

    /** Continuing after a scrub: the inputs after the scrubbed time are dropped (a new branch). */
    private void commitBranch() {
        if (scrubbedAtMs < 0) return;
        long t = scrubbedAtMs;
        long dropped = branch.list().stream().filter(in -> in.atMs() > t).count() + branch.unkept();
        branch.dropAfter(t); // what the replayed session injected: the inputs up to t
        branchEndMs = session.nowMs();
        scrubbedAtMs = -1;
        inputsResetOwed = true;
        pendingMessage = "Continuing from " + t + " ms" + (dropped == 0 ? ""
                : ": dropped " + dropped + " input" + (dropped == 1 ? "" : "s") + " recorded after it (a new branch)");
    }

    /**
     * Publishes a snapshot, coalescing with one the UI has not taken yet. Under a stream of
     * tasks it publishes at most every few ms (states are a full copy), and always when the
     * queue is drained.
     */
    private void publish(boolean reset, String message, List<DesignProblem> problemList) {
        if (handOver.deferIfTooSoon(reset || message != null || pendingMessage != null)) return;
        long started = handOver.now();
        if (message == null) {
            message = pendingMessage;
        }
        pendingMessage = null;
        boolean inputsReset = reset || inputsResetOwed;
        inputsResetOwed = false;
        List<TimedInput> newInputs;
        if (inputsReset) {
            newInputs = List.copyOf(branch.list());
        } else {
            newInputs = List.copyOf(branch.list().subList(Math.min(inputsPublished, branch.size()), branch.size()));
        }
        inputsPublished = branch.size();
        SimSnapshot s;
        if (session == null) {
            s = new SimSnapshot(reset, false, 0, branchEndMs, -1, null, List.of(), 0, inputsReset, newInputs,
                    noCanvasChange(), message, problemList, null, null);
        } else {
            Map<String, NodeState> st = session.states();
            List<SimEvent> fresh = session.newLogLines();
            int dropped = 0;
            if (fresh.size() > SimulatorViewModel.MAX_EVENTS) {
                dropped = fresh.size() - SimulatorViewModel.MAX_EVENTS;
                fresh = fresh.subList(fresh.size() - SimulatorViewModel.MAX_EVENTS, fresh.size());
            }
            String path = inspected;
            ProcessDetails details = path == null ? null : session.details(path);
            var cluster = session.cluster().orElse(null);
            s = new SimSnapshot(reset, true, session.nowMs(), Math.max(branchEndMs, session.nowMs()), scrubbedAtMs, st,
                    fresh, dropped, inputsReset, newInputs, mapper.apply(st, cluster), message, problemList, details, cluster);
        }
        handOver.publishedIn(handOver.now() - started);
        handOver.offer(s);
    }

    private void publishError(Throwable e) {
        String msg = "Simulation error: " + e;
        handOver.offer(new SimSnapshot(false, session != null, session == null ? 0 : session.nowMs(), branchEndMs,
                scrubbedAtMs, null, List.of(), 0, false, List.of(), noCanvasChange(), msg, List.of(), null, null));
    }

    private static SimVisualMapper.Update noCanvasChange() {
        return new SimVisualMapper.Update(Optional.empty(), List.of(), List.of());
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
