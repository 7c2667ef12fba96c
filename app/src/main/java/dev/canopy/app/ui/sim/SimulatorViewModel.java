package dev.canopy.app.ui.sim;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.sim.NodeState;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.diagrams.sim.SimulationSession;
import dev.canopy.diagrams.sim.TimedInput;
import dev.canopy.engine.term.Term;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The simulator of one design. The {@link SimulationSession} lives on ONE background thread
 * (the engine never runs on the FX thread); every command is a task for that thread. After its
 * work the thread publishes one coalesced {@link Snapshot} (latest states, new log lines, the
 * canvas changes) into an AtomicReference; the UI takes it once per frame with {@link #frame}
 * or {@link #pull} (never one Platform.runLater per event), so a storm of events costs the FX
 * thread one hand-over per pulse.
 *
 * <p>Play advances virtual time by speed × wall-clock time each frame (0.1× to 100×). Inputs
 * (faults) are recorded with their virtual time; a run is replayed from design, seed and inputs.
 * {@link #scrubTo} rewinds by replaying up to T; continuing from there drops the inputs recorded
 * after T, like a new branch, and the status line says so.
 *
 * <p>Properties are read and commands called on the FX thread (or the test thread with a direct
 * executor). Toolkit-free: no JavaFX scene classes.
 */
public final class SimulatorViewModel implements AutoCloseable {
    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 100;
    public static final int MAX_EVENTS = 5_000;
    /** The longest wall-clock gap a frame may turn into virtual time (after a stall, not a leap). */
    static final double MAX_FRAME_MS = 100;

    /** What the engine thread hands the UI; coalesced when the UI is slower than the engine. */
    public record Snapshot(boolean reset, boolean running, long nowMs, long branchEndMs, long scrubbedAtMs,
                           Map<String, NodeState> states, List<SimEvent> newEvents, int droppedEvents,
                           boolean inputsReset, List<TimedInput> inputs, SimVisualMapper.Update canvas, String message,
                           List<DesignProblem> problems) {

        Snapshot after(Snapshot prev) {
            if (prev == null || reset) return this;
            List<SimEvent> events = newEvents;
            int dropped = droppedEvents + prev.droppedEvents;
            if (!prev.newEvents.isEmpty()) {
                List<SimEvent> all = new ArrayList<>(prev.newEvents.size() + newEvents.size());
                all.addAll(prev.newEvents);
                all.addAll(newEvents);
                if (all.size() > MAX_EVENTS) {
                    dropped += all.size() - MAX_EVENTS;
                    all = all.subList(all.size() - MAX_EVENTS, all.size());
                }
                events = all;
            }
            List<TimedInput> ins = inputsReset ? inputs : concatInputs(prev.inputs, inputs);
            boolean insReset = inputsReset || prev.inputsReset;
            return new Snapshot(prev.reset, running, nowMs, branchEndMs, scrubbedAtMs, states, events, dropped, insReset, ins,
                    prev.canvas.then(canvas), message != null ? message : prev.message,
                    problems.isEmpty() ? prev.problems : problems);
        }
    }

    private static List<TimedInput> concatInputs(List<TimedInput> a, List<TimedInput> b) {
        if (b.isEmpty()) return a;
        List<TimedInput> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private final Design design;
    private final Executor engine;
    private final ExecutorService ownedEngine;

    // ---- engine-thread state (touched only by tasks on the engine executor)
    private SimulationSession session;
    private final SimVisualMapper mapper;
    private List<TimedInput> branch = new ArrayList<>();
    private long branchEndMs;
    private long scrubbedAtMs = -1;
    private final ArrayDeque<TimedInput> scheduled = new ArrayDeque<>();
    private List<TimedInput> script = List.of();
    private long lastPublishNanos;
    private int inputsPublished;
    private boolean inputsResetOwed;
    private final long minPublishIntervalNanos;
    private final AtomicBoolean publishOwed = new AtomicBoolean();
    private final AtomicBoolean flushQueued = new AtomicBoolean();

    // ---- hand-over
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final AtomicInteger pendingTasks = new AtomicInteger();
    private final AtomicBoolean advancePending = new AtomicBoolean();
    private final AtomicBoolean scrubQueued = new AtomicBoolean();
    private final AtomicLong scrubTarget = new AtomicLong();

    // ---- UI state (FX thread)
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    private final LongProperty seed = new SimpleLongProperty(this, "seed");
    private final LongProperty nowMs = new SimpleLongProperty(this, "nowMs");
    private final LongProperty branchEnd = new SimpleLongProperty(this, "branchEndMs");
    private final LongProperty scrubbedAt = new SimpleLongProperty(this, "scrubbedAtMs", -1);
    private final StringProperty status = new SimpleStringProperty(this, "status", "Not running");
    private final ObjectProperty<Map<String, NodeState>> states = new SimpleObjectProperty<>(this, "states", Map.of());
    private final ObservableList<SimEvent> events = FXCollections.observableArrayList();
    private final FilteredList<SimEvent> visibleEvents = new FilteredList<>(events);
    private final ObservableList<TimedInput> inputs = FXCollections.observableArrayList();
    private final ObservableList<DesignProblem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<Set<SimEvent.Kind>> kindFilter =
            new SimpleObjectProperty<>(this, "kindFilter", EnumSet.allOf(SimEvent.Kind.class));
    private final ObjectProperty<String> nodeFilter = new SimpleObjectProperty<>(this, "nodeFilter");
    private final ObjectProperty<String> selectedPath = new SimpleObjectProperty<>(this, "selectedPath");
    private final ObjectProperty<SimEvent> selectedEvent = new SimpleObjectProperty<>(this, "selectedEvent");
    private final ObjectProperty<SimVisualMapper.Update> lastCanvasUpdate = new SimpleObjectProperty<>(this, "canvasUpdate");
    private long lastFrameNanos = -1;
    private double debtMs;
    private int droppedEvents;

    /** A simulator with its own engine thread. */
    public static SimulatorViewModel create(Design design, long seed) {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "canopy-sim-" + design.name());
            t.setDaemon(true);
            return t;
        });
        return new SimulatorViewModel(design, seed, ex, ex, 16_000_000L);
    }

    /** A simulator whose engine work runs on {@code engine}: a single thread, or inline in tests. */
    public SimulatorViewModel(Design design, long seed, Executor engine) {
        this(design, seed, engine, null, 0);
    }

    /**
     * As above; under a stream of commands the engine thread publishes at most once per
     * {@code minPublishIntervalNanos} (states are a full copy); a skipped publish is owed and
     * paid by the next frame.
     */
    public SimulatorViewModel(Design design, long seed, Executor engine, long minPublishIntervalNanos) {
        this(design, seed, engine, null, minPublishIntervalNanos);
    }

    private SimulatorViewModel(Design design, long initialSeed, Executor engine, ExecutorService owned,
            long minPublishIntervalNanos) {
        this.minPublishIntervalNanos = minPublishIntervalNanos;
        this.design = design;
        this.engine = engine;
        this.ownedEngine = owned;
        this.mapper = new SimVisualMapper(design);
        this.seed.set(initialSeed);
        speed.addListener((o, a, b) -> {
            double v = b.doubleValue();
            if (v < MIN_SPEED || v > MAX_SPEED) speed.set(Math.clamp(v, MIN_SPEED, MAX_SPEED));
        });
        kindFilter.addListener((o, a, b) -> refilter());
        nodeFilter.addListener((o, a, b) -> refilter());
        selectedEvent.addListener((o, a, b) -> {
            if (b != null) selectedPath.set(b.path());
        });
        refilter();
    }

    // ---- commands

    /** Starts (or restarts) the run from the beginning with the current seed. */
    public void run() {
        playing.set(false);
        submit(() -> {
            closeSession();
            var start = SimulationSession.start(design, seed.get());
            if (start instanceof SimulationSession.Start.Invalid invalid) {
                publish(true, "The design has problems; fix them to simulate", invalid.problems());
                return;
            }
            session = ((SimulationSession.Start.Running) start).session();
            branch = new ArrayList<>();
            inputsResetOwed = true;
            branchEndMs = 0;
            scrubbedAtMs = -1;
            scheduled.clear();
            scheduled.addAll(script);
            mapper.reset();
            publish(true, "Running " + design.name() + " with seed " + seed.get(), List.of());
        });
    }

    /** Restarts the run with another seed. */
    public void restartWithSeed(long newSeed) {
        seed.set(newSeed);
        run();
    }

    /** Stops the run: the session is closed, the canvas keeps its last picture. */
    public void stop() {
        playing.set(false);
        submit(() -> {
            closeSession();
            publish(false, "Stopped", List.of());
        });
    }

    public void play() {
        if (!running.get()) run();
        lastFrameNanos = -1;
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) pause(); else play();
    }

    /** One process step; when nothing can run, virtual time moves on by 1 ms. */
    public void step() {
        playing.set(false);
        submit(() -> {
            if (session == null) return;
            commitBranch();
            if (!session.step()) advanceSession(1);
            publish(false, null, List.of());
        });
    }

    /** Advances virtual time by ms at once (also what play does per frame). */
    public void advance(long ms) {
        if (ms <= 0) return;
        submit(() -> {
            if (session == null) return;
            commitBranch();
            advanceSession(ms);
            publish(false, null, List.of());
        });
    }

    /** Applies a fault or other input to the running tree now; it is recorded for replay. */
    public void inject(SimInput input) {
        submit(() -> {
            if (session == null) return;
            commitBranch();
            long at = session.nowMs();
            session.inject(input);
            branch.add(new TimedInput(at, input));
            branchEndMs = Math.max(branchEndMs, session.nowMs());
            publish(false, null, List.of());
        });
    }

    public void kill(String path) {
        inject(new SimInput.Kill(path));
    }

    public void exit(String path, Term reason) {
        inject(new SimInput.Exit(path, reason));
    }

    public void raise(String path) {
        inject(new SimInput.Raise(path));
    }

    /** Plays the design's fault script: its inputs are injected when virtual time reaches them. */
    public void useFaultScript(boolean use) {
        List<TimedInput> s = use ? SimulationSession.faultScript(design) : List.of();
        submit(() -> {
            script = s;
            scheduled.clear();
            long now = session == null ? 0 : session.nowMs();
            for (TimedInput t : s) if (t.atMs() >= now) scheduled.add(t);
        });
    }

    /**
     * Shows the run as it was at virtual time T, by replaying the design with the same seed and
     * the inputs up to T. Scrubbing again (back or forward, up to the end of the branch) is free;
     * continuing (play, step, a fault) from T drops the inputs after T.
     */
    public void scrubTo(long t) {
        pause();
        scrubTarget.set(Math.max(0, t));
        if (!scrubQueued.compareAndSet(false, true)) return; // the queued task will take the latest target
        submit(() -> {
            scrubQueued.set(false);
            long target = Math.min(scrubTarget.get(), Math.max(branchEndMs, session == null ? 0 : session.nowMs()));
            if (session != null) branchEndMs = Math.max(branchEndMs, session.nowMs());
            closeSession();
            var start = SimulationSession.replay(design, seed.get(), branch, target);
            if (!(start instanceof SimulationSession.Start.Running r)) return;
            session = r.session();
            scrubbedAtMs = target < branchEndMs ? target : -1;
            inputsResetOwed = true;
            scheduled.clear();
            for (TimedInput s : script) if (s.atMs() > target) scheduled.add(s);
            mapper.reset();
            long later = branch.stream().filter(in -> in.atMs() > target).count();
            publish(true, scrubbedAtMs < 0 ? "At the end of the run (" + target + " ms)"
                    : "Rewound to " + target + " ms. Continuing from here drops the " + later
                    + " input" + (later == 1 ? "" : "s") + " recorded after it (a new branch)", List.of());
        });
    }

    /** Back to the start of the run (virtual time 0), keeping the recorded inputs until you continue. */
    public void rewind() {
        scrubTo(0);
    }

    /** Chooses the log entry; its node becomes the selected node. */
    public void selectEvent(SimEvent e) {
        selectedEvent.set(e);
    }

    // ---- frames

    /**
     * Called once per pulse on the FX thread: turns wall-clock time into virtual time while
     * playing (one advance task in flight at most; the rest accumulates) and takes the latest
     * snapshot. Returns true when the snapshot changed something.
     */
    public boolean frame(long nowNanos) {
        if (playing.get() && running.get()) {
            if (lastFrameNanos >= 0) {
                double wallMs = Math.min(MAX_FRAME_MS, (nowNanos - lastFrameNanos) / 1e6);
                debtMs += wallMs * speed.get();
            }
            lastFrameNanos = nowNanos;
            if (debtMs >= 1 && advancePending.compareAndSet(false, true)) {
                long ms = (long) Math.floor(debtMs);
                debtMs -= ms;
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
            }
        } else {
            lastFrameNanos = -1;
            debtMs = 0;
        }
        if (publishOwed.get() && flushQueued.compareAndSet(false, true)) {
            submit(() -> {
                flushQueued.set(false);
                if (publishOwed.get()) {
                    lastPublishNanos = 0;
                    publish(false, null, List.of());
                }
            });
        }
        return pull();
    }

    /** Applies the latest published snapshot, if any; true when there was one. */
    public boolean pull() {
        Snapshot s = latest.getAndSet(null);
        if (s == null) return false;
        running.set(s.running());
        nowMs.set(s.nowMs());
        branchEnd.set(s.branchEndMs());
        scrubbedAt.set(s.scrubbedAtMs());
        if (s.states() != null) states.set(s.states());
        if (s.reset()) {
            events.clear();
            droppedEvents = 0;
        }
        droppedEvents += s.droppedEvents();
        if (!s.newEvents().isEmpty()) {
            int overflow = events.size() + s.newEvents().size() - MAX_EVENTS;
            if (overflow > 0) {
                droppedEvents += Math.min(overflow, events.size());
                events.remove(0, Math.min(overflow, events.size()));
            }
            List<SimEvent> add = s.newEvents();
            if (add.size() > MAX_EVENTS) add = add.subList(add.size() - MAX_EVENTS, add.size());
            events.addAll(add);
        }
        if (s.inputsReset()) {
            inputs.setAll(s.inputs());
        } else if (!s.inputs().isEmpty()) {
            inputs.addAll(s.inputs());
        }
        if (!s.problems().isEmpty() || s.reset()) problems.setAll(s.problems());
        if (s.message() != null) status.set(s.message());
        if (!s.canvas().isEmpty() || s.reset()) lastCanvasUpdate.set(s.canvas());
        return true;
    }

    // ---- engine thread

    private void submit(Runnable task) {
        pendingTasks.incrementAndGet();
        engine.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                publishError(e);
            } finally {
                pendingTasks.decrementAndGet();
            }
        });
    }

    private void advanceSession(long ms) {
        long target = session.nowMs() + ms;
        while (!scheduled.isEmpty() && scheduled.peekFirst().atMs() <= target) {
            TimedInput in = scheduled.pollFirst();
            session.advanceTo(in.atMs());
            long at = session.nowMs();
            session.inject(in.input());
            branch.add(new TimedInput(at, in.input()));
        }
        session.advanceTo(target);
        branchEndMs = Math.max(branchEndMs, session.nowMs());
    }

    /** Continuing after a scrub: the inputs after the scrubbed time are dropped (a new branch). */
    private void commitBranch() {
        if (scrubbedAtMs < 0) return;
        long t = scrubbedAtMs;
        int dropped = (int) branch.stream().filter(in -> in.atMs() > t).count();
        branch = new ArrayList<>(session.inputs());
        branchEndMs = session.nowMs();
        scrubbedAtMs = -1;
        inputsResetOwed = true;
        pendingMessage = "Continuing from " + t + " ms" + (dropped == 0 ? ""
                : ": dropped " + dropped + " input" + (dropped == 1 ? "" : "s") + " recorded after it (a new branch)");
    }

    private String pendingMessage;

    /**
     * Publishes a snapshot, coalescing with one the UI has not taken yet. Under a stream of
     * tasks it publishes at most every few ms (states are a full copy), and always when the
     * queue is drained.
     */
    private void publish(boolean reset, String message, List<DesignProblem> problemList) {
        long now = System.nanoTime();
        if (!reset && message == null && pendingMessage == null && now - lastPublishNanos < minPublishIntervalNanos) {
            publishOwed.set(true); // the next frame asks for it
            return;
        }
        publishOwed.set(false);
        lastPublishNanos = now;
        if (message == null) {
            message = pendingMessage;
        }
        pendingMessage = null;
        boolean inputsReset = reset || inputsResetOwed;
        inputsResetOwed = false;
        List<TimedInput> newInputs;
        if (inputsReset) {
            newInputs = List.copyOf(branch);
        } else {
            newInputs = List.copyOf(branch.subList(Math.min(inputsPublished, branch.size()), branch.size()));
        }
        inputsPublished = branch.size();
        Snapshot s;
        if (session == null) {
            s = new Snapshot(reset, false, 0, branchEndMs, -1, null, List.of(), 0, inputsReset, newInputs,
                    new SimVisualMapper.Update(java.util.Optional.empty(), List.of(), List.of()), message, problemList);
        } else {
            Map<String, NodeState> st = session.states();
            List<SimEvent> fresh = session.newLogLines();
            int dropped = 0;
            if (fresh.size() > MAX_EVENTS) {
                dropped = fresh.size() - MAX_EVENTS;
                fresh = fresh.subList(fresh.size() - MAX_EVENTS, fresh.size());
            }
            s = new Snapshot(reset, true, session.nowMs(), Math.max(branchEndMs, session.nowMs()), scrubbedAtMs, st, fresh,
                    dropped, inputsReset, newInputs, mapper.apply(st), message, problemList);
        }
        Snapshot published = s;
        latest.accumulateAndGet(published, (prev, next) -> next.after(prev));
    }

    private void publishError(Throwable e) {
        String msg = "Simulation error: " + e;
        latest.accumulateAndGet(new Snapshot(false, session != null, session == null ? 0 : session.nowMs(), branchEndMs,
                scrubbedAtMs, null, List.of(), 0, false, List.of(),
                new SimVisualMapper.Update(java.util.Optional.empty(), List.of(), List.of()), msg, List.of()),
                (prev, next) -> next.after(prev));
    }

    /** When pulled snapshot has no states, keep the old ones: see {@link #pull()}. */
    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public void close() {
        playing.set(false);
        submit(this::closeSession);
        if (ownedEngine != null) ownedEngine.shutdown();
    }

    /** Commands queued for or running on the engine thread (for back-pressure). */
    public int pendingTasks() {
        return pendingTasks.get();
    }

    // ---- filters

    private void refilter() {
        Set<SimEvent.Kind> kinds = kindFilter.get();
        String node = nodeFilter.get();
        Predicate<SimEvent> p = e -> (kinds == null || kinds.contains(e.kind()))
                && (node == null || e.path().equals(node) || e.path().startsWith(node + "/"));
        visibleEvents.setPredicate(p);
    }

    // ---- properties

    public Design design() {
        return design;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public LongProperty nowMsProperty() {
        return nowMs;
    }

    /** The furthest virtual time this branch has reached (the timeline's end). */
    public LongProperty branchEndMsProperty() {
        return branchEnd;
    }

    /** The time scrubbed to, or -1 when live at the end of the branch. */
    public LongProperty scrubbedAtMsProperty() {
        return scrubbedAt;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Map<String, NodeState>> statesProperty() {
        return states;
    }

    /** The last change for the canvas (a new value per snapshot that changed the picture). */
    public ObjectProperty<SimVisualMapper.Update> canvasUpdateProperty() {
        return lastCanvasUpdate;
    }

    /** Every log line kept (the latest {@link #MAX_EVENTS}). */
    public ObservableList<SimEvent> events() {
        return events;
    }

    /** The log lines passing the kind and node filters. */
    public FilteredList<SimEvent> visibleEvents() {
        return visibleEvents;
    }

    /** Log lines dropped from the head of the log to keep it bounded. */
    public int droppedEvents() {
        return droppedEvents;
    }

    /** The inputs of the current branch with their virtual times. */
    public ObservableList<TimedInput> inputs() {
        return inputs;
    }

    public ObservableList<DesignProblem> problems() {
        return problems;
    }

    public ObjectProperty<Set<SimEvent.Kind>> kindFilterProperty() {
        return kindFilter;
    }

    /** Shows only the log of this node and its subtree; null for all. */
    public ObjectProperty<String> nodeFilterProperty() {
        return nodeFilter;
    }

    public ObjectProperty<String> selectedPathProperty() {
        return selectedPath;
    }

    public ObjectProperty<SimEvent> selectedEventProperty() {
        return selectedEvent;
    }

    /** A timeline of the run: inputs and events with their virtual times. */
    public TimelineModel timeline() {
        return new TimelineModel(inputs, events, Math.max(nowMs.get(), branchEnd.get()),
                nowMs.get(), scrubbedAt.get());
    }
}
