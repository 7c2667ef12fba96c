package dev.canopy.app.ui.sim;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.canopy.app.ui.time.Ticker;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.sim.NodeState;
import dev.canopy.diagrams.sim.ProcessDetails;
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
 * work the thread publishes one coalesced {@link SimSnapshot} (latest states, new log lines, the
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
 *
 * <p>This class holds the UI state and the play clock; the engine side is {@link SimEngine} (with
 * {@link SnapshotHandOver} between the threads) the log is {@link SimEventLog} and the play clock {@link PlayClock}.
 */
public final class SimulatorViewModel implements AutoCloseable {
    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 100;
    public static final int MAX_EVENTS = 5_000;
    /** The longest wall-clock gap a frame may turn into virtual time (after a stall, not a leap). */
    static final double MAX_FRAME_MS = 100;

    private final Design design;
    private final ExecutorService ownedEngine;
    private final SimEngine engine;

    // ---- UI state (FX thread)
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final javafx.beans.property.ReadOnlyBooleanWrapper closed = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "closed");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final BooleanProperty faultScriptOn = new SimpleBooleanProperty(this, "faultScriptOn");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    private final LongProperty seed = new SimpleLongProperty(this, "seed");
    private final LongProperty nowMs = new SimpleLongProperty(this, "nowMs");
    private final LongProperty branchEnd = new SimpleLongProperty(this, "branchEndMs");
    private final LongProperty scrubbedAt = new SimpleLongProperty(this, "scrubbedAtMs", -1);
    private final StringProperty status = new SimpleStringProperty(this, "status", "Not running");
    private final ObjectProperty<Map<String, NodeState>> states = new SimpleObjectProperty<>(this, "states", Map.of());
    private final SimEventLog log = new SimEventLog(this);
    private final ObservableList<TimedInput> inputs = FXCollections.observableArrayList();
    private final ObservableList<DesignProblem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedPath = new SimpleObjectProperty<>(this, "selectedPath");
    private final ObjectProperty<SimEvent> selectedEvent = new SimpleObjectProperty<>(this, "selectedEvent");
    private final ObjectProperty<ProcessDetails> details = new SimpleObjectProperty<>(this, "details");
    /** The network and global names of a cluster run (null: a single node, or not started). */
    private final ObjectProperty<dev.canopy.diagrams.sim.ClusterView> cluster = new SimpleObjectProperty<>(this, "cluster");
    private final ObjectProperty<RunNotice> notice = new SimpleObjectProperty<>(this, "notice");
    private final ObjectProperty<SimVisualMapper.Update> lastCanvasUpdate = new SimpleObjectProperty<>(this, "canvasUpdate");
    private final PlayClock clock = new PlayClock();

    /** A simulator with its own engine thread. */
    public static SimulatorViewModel create(Design design, long seed) {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "canopy-sim-" + design.name());
            t.setDaemon(true);
            return t;
        });
        return new SimulatorViewModel(design, seed, ex, ex, 16_000_000L, Ticker.system(), dev.canopy.diagrams.sim.InputRecord.DEFAULT_CAP);
    }

    /** A simulator whose engine work runs on {@code engine}: a single thread, or inline in tests. */
    public SimulatorViewModel(Design design, long seed, Executor engine) {
        this(design, seed, engine, null, 0, Ticker.system(), dev.canopy.diagrams.sim.InputRecord.DEFAULT_CAP);
    }

    /** As above, rewind keeping at most inputCap inputs (tests of the cap use a small one). */
    SimulatorViewModel(Design design, long seed, Executor engine, int inputCap) {
        this(design, seed, engine, null, 0, Ticker.system(), inputCap);
    }

    /**
     * As above; under a stream of commands the engine thread publishes at most once per
     * {@code minPublishIntervalNanos} (states are a full copy); a skipped publish is owed and
     * paid by the next frame.
     */
    public SimulatorViewModel(Design design, long seed, Executor engine, long minPublishIntervalNanos, Ticker ticker) {
        this(design, seed, engine, null, minPublishIntervalNanos, ticker, dev.canopy.diagrams.sim.InputRecord.DEFAULT_CAP);
    }

    private SimulatorViewModel(Design design, long initialSeed, Executor engine, ExecutorService owned,
            long minPublishIntervalNanos, Ticker ticker, int inputCap) {
        this.design = design;
        this.ownedEngine = owned;
        this.engine = new SimEngine(design, engine, minPublishIntervalNanos, ticker, seed::get, inputCap);
        this.seed.set(initialSeed);
        faultScriptOn.addListener((o, was, on) -> this.engine.useScript(on ? SimulationSession.faultScript(design) : List.of()));
        speed.addListener((o, a, b) -> {
            double v = b.doubleValue();
            if (v < MIN_SPEED || v > MAX_SPEED) speed.set(Math.clamp(v, MIN_SPEED, MAX_SPEED));
        });
        selectedEvent.addListener((o, a, b) -> {
            if (b != null) selectedPath.set(b.path());
        });
        selectedPath.addListener((o, a, b) -> {
            details.set(null);
            this.engine.inspect(b);
        });
    }

    // ---- commands

    /** Starts (or restarts) the run from the beginning with the current seed. */
    public void run() {
        playing.set(false);
        engine.run();
    }

    /** Restarts the run with another seed. */
    public void restartWithSeed(long newSeed) {
        seed.set(newSeed);
        run();
    }

    /** Stops the run: the session is closed, the canvas keeps its last picture. */
    public void stop() {
        playing.set(false);
        engine.stop();
    }

    public void play() {
        if (!running.get()) run();
        clock.restart();
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
        engine.step();
    }

    /** Advances virtual time by ms at once (also what play does per frame). */
    public void advance(long ms) {
        if (ms <= 0) return;
        engine.advance(ms);
    }

    /** Applies a fault or other input to the running tree now; it is recorded for replay. */
    public void inject(SimInput input) {
        engine.inject(input);
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
        faultScriptOn.set(use);
    }

    /**
     * Whether the design's fault script plays (the toolbar's toggle is bound to it, so a replay
     * that turns it on shows it on).
     */
    public BooleanProperty faultScriptOnProperty() {
        return faultScriptOn;
    }

    /**
     * Shows the run as it was at virtual time T, by replaying the design with the same seed and
     * the inputs up to T. Scrubbing again (back or forward, up to the end of the branch) is free;
     * continuing (play, step, a fault) from T drops the inputs after T.
     */
    public void scrubTo(long t) {
        pause();
        engine.scrubTo(t);
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
        if (closed.get()) return false;
        if (playing.get() && running.get()) {
            long ms = clock.tick(nowNanos, speed.get());
            if (ms > 0 && engine.advanceFrame(ms)) clock.spent(ms);
        } else {
            clock.stop();
        }
        engine.flushIfOwed();
        return pull();
    }

    /** Applies the latest published snapshot, if any; true when there was one. */
    public boolean pull() {
        SimSnapshot s = engine.take();
        if (s == null) return false;
        running.set(s.running());
        nowMs.set(s.nowMs());
        branchEnd.set(s.branchEndMs());
        scrubbedAt.set(s.scrubbedAtMs());
        if (s.states() != null) states.set(s.states()); // none: keep the old ones
        if (s.details() != null && s.details().path().equals(selectedPath.get())) details.set(s.details());
        if (s.cluster() != null) cluster.set(s.cluster());
        log.apply(s.reset(), s.newEvents(), s.droppedEvents());
        // A replay (rewind, restart) re-lives old events: only new ones are news.
        if (!s.reset()) RunNotice.of(design.root().id(), s.newEvents()).ifPresent(notice::set);
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

    /**
     * Closes the simulation: first {@link #closedProperty()} turns true, so that its view takes its
     * frame task off the pump, then the engine; a command or frame that still arrives is a no-op.
     */
    @Override
    public void close() {
        if (closed.get()) return;
        playing.set(false);
        closed.set(true);
        engine.close();
        if (ownedEngine != null) ownedEngine.shutdown();
    }

    /** True once {@link #close()} was called: views stop pulling frames from it. */
    public javafx.beans.property.ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    /** True once closed (its tab is gone). */
    public boolean isClosed() {
        return closed.get();
    }

    /** Commands queued for or running on the engine thread (for back-pressure). */
    public int pendingTasks() {
        return engine.pendingTasks();
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
        return log.events();
    }

    /** The log lines passing the kind and node filters. */
    public FilteredList<SimEvent> visibleEvents() {
        return log.visibleEvents();
    }

    /** Log lines dropped from the head of the log to keep it bounded. */
    public int droppedEvents() {
        return log.droppedEvents();
    }

    /** The inputs of the current branch with their virtual times. */
    public ObservableList<TimedInput> inputs() {
        return inputs;
    }

    public ObservableList<DesignProblem> problems() {
        return problems;
    }

    public ObjectProperty<Set<SimEvent.Kind>> kindFilterProperty() {
        return log.kindFilterProperty();
    }

    /** Shows only the log of this node and its subtree; null for all. */
    public ObjectProperty<String> nodeFilterProperty() {
        return log.nodeFilterProperty();
    }

    /** Shows only log lines whose text or node contains this (any case); "" for all. */
    public ObjectProperty<String> textFilterProperty() {
        return log.textFilterProperty();
    }

    public ObjectProperty<String> selectedPathProperty() {
        return selectedPath;
    }

    /** The latest notice (a supervisor gave up, the run ended); a new value for each. */
    public ObjectProperty<RunNotice> noticeProperty() {
        return notice;
    }

    /** The selected node's process as last published (mailbox, links, monitors); null until read. */
    /** The network and global names now, for a design with cluster_nodes above 1 (null otherwise). */
    public javafx.beans.property.ReadOnlyObjectProperty<dev.canopy.diagrams.sim.ClusterView> clusterProperty() {
        return cluster;
    }

    /** The nodes the simulator plays for this design: a, b, c...; empty for a single node. */
    public java.util.List<String> clusterNodes() {
        return design.clusterNodes() > 1 ? dev.canopy.diagrams.design.ClusterNodes.names(design.clusterNodes()) : java.util.List.of();
    }

    public ObjectProperty<ProcessDetails> detailsProperty() {
        return details;
    }

    public ObjectProperty<SimEvent> selectedEventProperty() {
        return selectedEvent;
    }

    /** A timeline of the run: inputs and events with their virtual times. */
    public TimelineModel timeline() {
        return new TimelineModel(inputs, log.events(), Math.max(nowMs.get(), branchEnd.get()),
                nowMs.get(), scrubbedAt.get());
    }
}
