package dev.canopy.diagrams.sim;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.design.DesignValidator;
import dev.canopy.engine.event.EventRecord;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.runtime.Node;
import dev.canopy.engine.scenario.Step;
import dev.canopy.engine.term.ReasonSyntax;
import dev.canopy.engine.term.Term;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A design running on a deterministic node: virtual time, a seed, recorded inputs. The same
 * design, seed and inputs replay the same run, which is how the timeline rewinds.
 * Rules: not thread-safe; the app drives it from one background thread.
 */
public final class SimulationSession implements AutoCloseable {
    /** How many of the newest messages {@link #details} lists (the count is always exact). */
    public static final int MAILBOX_SHOWN = 200;

    /** Starting a design either gives a session or the validation problems that prevent it. */
    public sealed interface Start {
        record Running(SimulationSession session) implements Start {}
        record Invalid(List<DesignProblem> problems) implements Start {}
    }

    private final Design design;
    private final long seed;
    private final Node node;
    private final ProcessBook book = new ProcessBook();
    private final SimObserver observer;
    private final List<EventRecord> pending = new ArrayList<>();
    private final List<Object> reports = new ArrayList<>();
    private final InputRecord inputs;
    private final long startMs;
    private final Pid controller;
    /** The cluster side when the design has cluster_nodes above 1; null for a single node. */
    private final ClusterRun clusterRun;
    private StartResult rootStart;
    private long logRead;
    /** The engine's events so far, for the sequence view (the oldest are dropped past the cap). */
    private final java.util.ArrayDeque<EventRecord> history = new java.util.ArrayDeque<>();
    private final List<Pid> spawnedByController = new ArrayList<>();
    /** The pattern lab's log lines, also drawn as notes on the sequence diagram (newest kept up to the history cap). */
    private final java.util.ArrayDeque<LabWork.Note> labNotes = new java.util.ArrayDeque<>();
    static final int HISTORY_CAP = 100_000;
    /**
     * Exited pids whose exit has left the history, oldest first: their names are forgotten in the
     * book once {@value #RETIRE_LAG} more have left, by when no kept event mentions them (the last
     * events about a pid, its links' exit signals and its supervisor's 'EXIT', follow its exit closely).
     */
    private final java.util.ArrayDeque<Pid> retiring = new java.util.ArrayDeque<>();
    static final int RETIRE_LAG = 1_000;

    private SimulationSession(Design design, long seed, int inputCap) {
        this.design = design;
        this.seed = seed;
        this.inputs = new InputRecord(inputCap);
        this.clusterRun = design.clusterNodes() > 1 ? new ClusterRun(design, seed) : null;
        this.node = clusterRun == null ? Node.deterministic(seed) : clusterRun.cluster().runtime();
        this.observer = new SimObserver(design, book, clusterRun == null ? List.of() : clusterRun.names());
        book.reportTo(this::report);
        node.events().addListener(pending::add);
        this.startMs = node.clock().monotonicMillis();
        book.lessons.reportTo(this::report, startMs);
        if (clusterRun == null) {
            var ctl = new SimController(design, book, this::report);
            this.controller = node.spawn(ctl::run);
        } else {
            clusterRun.startControllers(design, book, this::report);
            this.controller = clusterRun.firstController();
        }
        node.simulation().runUntilIdle();
        absorb();
    }

    /** Validates with the same rules as the editor, then starts the tree. */
    public static Start start(Design design, long seed) {
        return start(design, seed, InputRecord.DEFAULT_CAP);
    }

    /** Starts the tree; the session keeps at most inputCap inputs for replay (see {@link InputRecord}). */
    public static Start start(Design design, long seed, int inputCap) {
        var errors = DesignValidator.validate(design).stream().filter(DesignProblem::isError).toList();
        if (!errors.isEmpty()) return new Start.Invalid(errors);
        return new Start.Running(new SimulationSession(design, seed, inputCap));
    }

    /** Replays inputs from the start up to virtual time untilMs: the basis of rewinding. */
    public static Start replay(Design design, long seed, List<TimedInput> inputs, long untilMs) {
        return replay(design, seed, inputs, untilMs, Math.max(InputRecord.DEFAULT_CAP, inputs.size()));
    }

    /** {@link #replay(Design, long, List, long)}, the new session keeping at most inputCap inputs. */
    public static Start replay(Design design, long seed, List<TimedInput> inputs, long untilMs, int inputCap) {
        var start = start(design, seed, inputCap);
        if (start instanceof Start.Running r) {
            for (var in : inputs) {
                if (in.atMs() > untilMs) break;
                r.session.advanceTo(in.atMs());
                r.session.inject(in.input());
            }
            r.session.advanceTo(untilMs);
        }
        return start;
    }

    private synchronized void report(Object r) { reports.add(r); }

    public Design design() { return design; }

    public long seed() { return seed; }

    /** Virtual ms since the tree started. */
    public long nowMs() { return node.clock().monotonicMillis() - startMs; }

    public Optional<StartResult> rootStart() { return Optional.ofNullable(rootStart); }

    public List<TimedInput> inputs() { return List.copyOf(inputs.list()); }

    /** The latest virtual time a replay of the kept inputs reproduces (Long.MAX_VALUE while all are kept). */
    public long rewindLimitMs() { return inputs.rewindLimitMs(); }

    /** Applies an input now; it is recorded for replay while the record has room (then the log says so once). */
    public void inject(SimInput input) {
        if (!inputs.add(new TimedInput(nowMs(), input)) && inputs.unkept() == 1) {
            observer.add(nowMs(), input.target(), SimEvent.Kind.INPUT, "note: " + InputRecord.fullMessage(inputs.cap(), inputs.rewindLimitMs()));
        }
        observer.add(nowMs(), input.target(), SimEvent.Kind.INPUT, "you: " + input.describe());
        whyNoEffect(design, input).ifPresent(why -> observer.add(nowMs(), input.target(), SimEvent.Kind.INPUT, "note: " + why));
        if (clusterRun == null) {
            node.send(controller, input);
        } else if (ClusterRun.isNetwork(input)) {
            clusterRun.perform((SimInput.Lab) input, book, design.root().id());
        } else {
            node.send(clusterRun.controllerFor(input), input);
        }
        node.simulation().runUntilIdle();
        absorb();
    }

    /** Runs one process step; false when nothing was runnable. */
    public boolean step() {
        boolean ran = node.simulation().step();
        absorb();
        return ran;
    }

    public void advance(long ms) {
        node.simulation().advance(ms);
        absorb();
    }

    public void advanceTo(long atMs) {
        long now = nowMs();
        if (atMs > now) advance(atMs - now);
    }

    /**
     * Why an input cannot have the effect a person expects, if it cannot: a slow terminate on a
     * worker that does not trap exits (its supervisor's shutdown kills it without running
     * terminate, as in OTP), or a slow terminate whose shutdown is brutal_kill.
     */
    public static Optional<String> whyNoEffect(Design design, SimInput input) {
        if (!(input instanceof SimInput.SlowTerminate st)) return Optional.empty();
        var node = dev.canopy.diagrams.design.DesignPaths.find(design, NodePaths.designPath(st.target())).orElse(null);
        if (!(node instanceof dev.canopy.diagrams.design.WorkerNode w)) return Optional.empty();
        var name = w.id();
        if (w.spec().shutdown() instanceof dev.canopy.engine.supervisor.Shutdown.BrutalKill) {
            return Optional.of("a slow terminate cannot delay " + name + "'s shutdown: its shutdown is brutal_kill, so its"
                    + " supervisor kills it without running terminate");
        }
        if (!w.sim().trapExit()) {
            return Optional.of("a slow terminate of " + name + " only shows when it stops itself or crashes: it does not"
                    + " trap exits, so a shutdown from its supervisor ends it at once and terminate never runs (as in OTP)."
                    + " Turn on trap_exit to see the shutdown wait");
        }
        return Optional.empty();
    }

    /** The design's fault script as inputs at their times; every kind of step is played. */
    public static List<TimedInput> faultScript(Design design) {
        var out = new ArrayList<TimedInput>();
        for (Step s : design.faultScript()) {
            SimInput in = switch (s.action()) {
                case Step.Exit e -> {
                    Term r = ReasonSyntax.parse(e.reason()).orElse(Term.KILL);
                    yield r.equals(Term.KILL) ? new SimInput.Kill(e.target()) : new SimInput.Exit(e.target(), r);
                }
                case Step.Crash c -> new SimInput.Raise(c.target());
                case Step.Stop st -> new SimInput.Stop(st.target(), ReasonSyntax.parse(st.reason()).orElse(Term.NORMAL));
                case Step.Call c -> new SimInput.Call(c.target(), c.timeoutMs());
                case Step.TerminateChild t -> new SimInput.TerminateChild(t.target(), t.childId());
                case Step.RestartChild r -> new SimInput.RestartChild(r.target(), r.childId());
                case Step.DeleteChild d -> new SimInput.DeleteChild(d.target(), d.childId());
                case Step.StartChild sc -> sc.count() == 1 ? new SimInput.StartDynamicChild(sc.target(), sc.child().id())
                        : new SimInput.StartDynamicChildren(sc.target(), sc.count());
                case Step.StopTree st -> new SimInput.StopTree(design.root().id());
            };
            out.add(new TimedInput(s.atMs(), in));
        }
        out.addAll(LessonInputs.outages(design));
        out.sort(java.util.Comparator.comparingLong(TimedInput::atMs)); // stable: steps first at the same ms
        return LabInputs.merged(out, design);
    }

    /**
     * Moves what happened since the last call into the observer: the engine's events in order, and
     * the controller's reports (the root's start, call and supervisor answers) placed among them by
     * the time they happened. The order depends only on times, not on how the run was cut into
     * commands, so a replay (fewer, larger advances) logs exactly what the live run logged.
     */
    private void absorb() {
        List<EventRecord> batch;
        List<Object> rs;
        synchronized (this) {
            rs = new ArrayList<>(reports);
            reports.clear();
        }
        batch = new ArrayList<>(pending);
        pending.clear();
        for (var e : batch) {
            if (e.event() instanceof dev.canopy.engine.event.Event.Spawned sp && isController(sp.parent())) {
                spawnedByController.add(sp.pid());
            }
            history.addLast(e);
            if (history.size() > HISTORY_CAP) retire(history.removeFirst());
        }
        rs.sort(java.util.Comparator.comparingLong(SimulationSession::reportedAt)); // stable: same-ms reports keep their order
        int next = 0;
        for (var e : batch) {
            while (next < rs.size() && reportedAt(rs.get(next)) < e.monotonicMillis()) logReport(rs.get(next++));
            observer.onEvent(e, startMs);
        }
        while (next < rs.size()) logReport(rs.get(next++));
    }

    private void retire(EventRecord dropped) {
        if (!(dropped.event() instanceof dev.canopy.engine.event.Event.Exited x)) return;
        retiring.addLast(x.pid());
        if (retiring.size() > RETIRE_LAG) book.forget(retiring.removeFirst());
    }

    /** Pids the session still knows by path (for tests: bounded on a long run). */
    int knownPids() { return book.knownPids(); }

    private static long reportedAt(Object report) {
        return switch (report) {
            case SimController.Started s -> s.atMonotonicMs();
            case SimController.CallAnswered c -> c.atMonotonicMs();
            case SimController.SupervisorAnswered a -> a.atMonotonicMs();
            case LessonBook.Line l -> l.atMonotonicMs();
            case LabWork.Note n -> n.atMonotonicMs();
            case ClusterNote n -> n.atMonotonicMs();
            default -> throw new IllegalStateException("unknown report " + report);
        };
    }

    private void logReport(Object report) {
        switch (report) {
            case SimController.Started s -> rootStarted(s);
            case SimController.CallAnswered c -> logCall(c);
            case SimController.SupervisorAnswered a -> observer.add(a.atMonotonicMs() - startMs, a.supervisor(), SimEvent.Kind.CALL,
                    "supervisor:" + a.text() + " (called on " + a.supervisor() + ")");
            case LessonBook.Line l -> observer.add(l.atMonotonicMs() - startMs, l.path(), l.kind(), l.text());
            case LabWork.Note n -> {
                observer.add(n.atMonotonicMs() - startMs, n.path(), SimEvent.Kind.CALL, n.text());
                labNotes.addLast(n);
                if (labNotes.size() > HISTORY_CAP) labNotes.removeFirst();
            }
            case ClusterNote n -> observer.add(n.atMonotonicMs() - startMs, n.path(), n.kind(), n.text());
            default -> throw new IllegalStateException("unknown report " + report);
        }
    }

    private void rootStarted(SimController.Started s) {
        if (rootStart == null || s.rootPath().equals(design.root().id())) rootStart = s.result(); // a cluster: the first node's
        var root = s.rootPath();
        observer.add(s.atMonotonicMs() - startMs, root,
                s.result() instanceof StartResult.Started ? SimEvent.Kind.STARTED : SimEvent.Kind.START_FAILED,
                switch (s.result()) {
                    case StartResult.Started st -> "the tree is up: " + root + " started as " + st.pid();
                    case StartResult.Ignored i -> root + "'s init returned :ignore";
                    case StartResult.Failed f -> "the tree failed to start: " + SimObserver.reason(f.reason());
                });
        if (s.result() instanceof StartResult.Started st) observer.rootStarted(root, st.pid(), book.incarnationOf(st.pid()));
    }

    private void logCall(SimController.CallAnswered c) {
        observer.add(c.atMonotonicMs() - startMs, c.target(), SimEvent.Kind.CALL, c.text());
    }

    /** Per design path, the state to draw now. */
    public Map<String, NodeState> states() {
        var states = observer.snapshot(node.clock().monotonicMillis(), path -> {
            var pid = book.latest(path);
            return pid == null ? 0 : node.info(pid).map(i -> i.mailboxSize()).orElse(0);
        });
        var notes = book.lessons.statuses();
        if (!notes.isEmpty()) notes.forEach((path, note) -> states.computeIfPresent(path, (k, s) -> s.withNote(note)));
        return states;
    }

    /** True while the dependency of the worker at path is down (the fault menu or an outage took it down). */
    public boolean dependencyDown(String path) { return book.lessons.isDown(path); }

    /** The live process at a design path (its latest incarnation): mailbox, links, monitors. */
    public ProcessDetails details(String path) {
        var pid = book.latest(path);
        if (pid == null) return ProcessDetails.none(path, "");
        var info = node.info(pid);
        if (info.isEmpty()) return ProcessDetails.none(path, pid.toString());
        var i = info.get();
        var messages = node.peekMessages(pid, MAILBOX_SHOWN).stream().map(SimulationSession::describeMessage).toList();
        return new ProcessDetails(path, pid.toString(), true, i.registeredName() == null ? "" : i.registeredName(),
                i.trapsExits(), i.mailboxSize(), messages, i.links().stream().map(this::describePid).toList(),
                node.watchers(pid).stream().map(this::describePid).toList(),
                node.watched(pid).stream().map(this::describePid).toList());
    }

    /**
     * The run so far as a sequence diagram: one lifeline per process of the design (by path below
     * the root), "you" for the simulator's controller and "caller N" for the callers it starts.
     */
    public dev.canopy.diagrams.sequence.SequenceDiagram sequence() {
        var root = design.root().id();
        var callers = new java.util.HashMap<Pid, String>();
        for (var pid : spawnedByController) if (book.pathOf(pid) == null) callers.put(pid, "caller " + (callers.size() + 1));
        java.util.function.Function<Pid, Optional<String>> nameOf = pid -> {
            if (isController(pid)) return Optional.of(clusterRun == null ? "you" : "you@" + clusterRun.cluster().nodeOf(pid));
            var path = book.pathOf(pid);
            if (path != null) {
                var designPath = NodePaths.designPath(path);
                var label = designPath.equals(root) ? root : designPath.substring(root.length() + 1);
                return Optional.of(NodePaths.nodeOf(path).map(n -> label + "@" + n).orElse(label));
            }
            var label = book.labelOf(pid);
            return label != null ? Optional.of(label) : Optional.ofNullable(callers.get(pid));
        };
        var diagram = dev.canopy.diagrams.sequence.SequenceBuilder.build(List.copyOf(history), nameOf, startMs);
        return LabInputs.withNotes(diagram, labNotes, startMs, root, nameOf);
    }


    private String describePid(Pid pid) {
        if (isController(pid)) return pid + " (the simulator)";
        var path = book.pathOf(pid);
        return path == null ? pid.toString() : pid + " (" + path + ")";
    }

    /** A message as a person reads it: terms in Erlang syntax, the simulator's own messages by what they mean. */
    static String describeMessage(Object m) {
        return switch (m) {
            case Term t -> t.render();
            case SimWorker.Incoming in -> "\"" + in.text() + "\"";
            case Record r -> r.toString().replace("[]", "").replace('[', '{').replace(']', '}');
            default -> String.valueOf(m);
        };
    }

    private boolean isController(Pid pid) {
        return clusterRun == null ? controller.equals(pid) : clusterRun.isController(pid);
    }

    /**
     * The log with plain design paths: a single node's whole log; in a cluster, the lines about
     * the first node's copy of the tree (where inputs with a plain path act) and the inputs
     * aimed by plain path, each path without its node. For checks written for one node (What if).
     */
    public List<SimEvent> localLog() {
        if (clusterRun == null) return log();
        String first = clusterRun.names().getFirst();
        return log().stream().filter(e -> NodePaths.nodeOf(e.path()).map(first::equals).orElse(e.kind() == SimEvent.Kind.INPUT))
                .map(e -> new SimEvent(e.seq(), e.atMs(), NodePaths.designPath(e.path()), e.kind(), e.text())).toList();
    }

    /** {@link #states()} with plain design paths: in a cluster, the first node's copy (see {@link #localLog()}). */
    public Map<String, NodeState> localStates() {
        var all = states();
        if (clusterRun == null) return all;
        String first = clusterRun.names().getFirst();
        var out = new java.util.LinkedHashMap<String, NodeState>();
        all.forEach((path, st) -> {
            if (NodePaths.nodeOf(path).map(first::equals).orElse(false)) {
                var plain = NodePaths.designPath(path);
                out.put(plain, new NodeState(plain, st.status(), st.pid(), st.incarnation(), st.restarts(), st.mailbox(),
                        st.lastExitReason(), st.recentRestarts(), st.maxRestarts(), st.windowSeconds()));
            }
        });
        return out;
    }

    /** The nodes of a cluster run (a, b, c...); empty on a single node, whose paths are plain design paths. */
    public List<String> clusterNodes() { return clusterRun == null ? List.of() : clusterRun.names(); }

    /** The network and the global names now, for a cluster run. */
    public Optional<ClusterView> cluster() { return Optional.ofNullable(clusterRun).map(c -> c.view(book)); }

    /** The log so far (its latest 100,000 lines on a very long run). */
    public List<SimEvent> log() { return observer.log(); }

    /** Log lines added since the last call (those still kept). */
    public List<SimEvent> newLogLines() {
        var out = observer.after(logRead);
        if (!out.isEmpty()) logRead = out.getLast().seq();
        return List.copyOf(out);
    }

    @Override public void close() { node.close(); }
}
