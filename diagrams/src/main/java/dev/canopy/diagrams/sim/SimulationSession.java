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
    private final List<TimedInput> inputs = new ArrayList<>();
    private final long startMs;
    private final Pid controller;
    private StartResult rootStart;
    private int logRead;
    /** The engine's events so far, for the sequence view (the oldest are dropped past the cap). */
    private final java.util.ArrayDeque<EventRecord> history = new java.util.ArrayDeque<>();
    private final List<Pid> spawnedByController = new ArrayList<>();
    static final int HISTORY_CAP = 100_000;

    private SimulationSession(Design design, long seed) {
        this.design = design;
        this.seed = seed;
        this.node = Node.deterministic(seed);
        this.observer = new SimObserver(design, book);
        node.events().addListener(pending::add);
        this.startMs = node.clock().monotonicMillis();
        var ctl = new SimController(design, book, this::report);
        this.controller = node.spawn(ctl::run);
        node.simulation().runUntilIdle();
        absorb();
    }

    /** Validates with the same rules as the editor, then starts the tree. */
    public static Start start(Design design, long seed) {
        var errors = DesignValidator.validate(design).stream().filter(DesignProblem::isError).toList();
        if (!errors.isEmpty()) return new Start.Invalid(errors);
        return new Start.Running(new SimulationSession(design, seed));
    }

    /** Replays inputs from the start up to virtual time untilMs: the basis of rewinding. */
    public static Start replay(Design design, long seed, List<TimedInput> inputs, long untilMs) {
        var start = start(design, seed);
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

    public List<TimedInput> inputs() { return List.copyOf(inputs); }

    /** Applies an input now; it is recorded for replay. */
    public void inject(SimInput input) {
        inputs.add(new TimedInput(nowMs(), input));
        observer.add(nowMs(), input.target(), SimEvent.Kind.INPUT, "you: " + input.describe());
        node.send(controller, input);
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

    /** The design's fault script as inputs at their times (steps the simulator cannot play are skipped). */
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
                case Step.StartChild sc -> new SimInput.StartDynamicChild(sc.target(), sc.child().id());
                case Step.StopTree st -> new SimInput.StopTree(design.root().id());
                default -> null;
            };
            if (in != null) out.add(new TimedInput(s.atMs(), in));
        }
        return out;
    }

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
            if (e.event() instanceof dev.canopy.engine.event.Event.Spawned sp && controller.equals(sp.parent())) {
                spawnedByController.add(sp.pid());
            }
            history.addLast(e);
            if (history.size() > HISTORY_CAP) history.removeFirst();
        }
        for (var r : rs) {
            if (r instanceof SimController.Started s) {
                rootStart = s.result();
                var root = design.root().id();
                observer.add(0, root, s.result() instanceof StartResult.Started ? SimEvent.Kind.STARTED : SimEvent.Kind.START_FAILED,
                        switch (s.result()) {
                            case StartResult.Started st -> "the tree is up: " + root + " started as " + st.pid();
                            case StartResult.Ignored i -> root + "'s init returned :ignore";
                            case StartResult.Failed f -> "the tree failed to start: " + SimObserver.reason(f.reason());
                        });
                if (s.result() instanceof StartResult.Started st) observer.rootStarted(root, st.pid(), book.incarnation(root));
            }
        }
        // Call outcomes go into the log at the time the call ended, among the engine's events.
        var calls = new ArrayList<SimController.CallAnswered>();
        for (var r : rs) if (r instanceof SimController.CallAnswered c) calls.add(c);
        calls.sort(java.util.Comparator.comparingLong(SimController.CallAnswered::atMonotonicMs));
        int nextCall = 0;
        for (var e : batch) {
            while (nextCall < calls.size() && calls.get(nextCall).atMonotonicMs() < e.monotonicMillis()) logCall(calls.get(nextCall++));
            observer.onEvent(e, startMs);
        }
        while (nextCall < calls.size()) logCall(calls.get(nextCall++));
    }

    private void logCall(SimController.CallAnswered c) {
        observer.add(c.atMonotonicMs() - startMs, c.target(), SimEvent.Kind.CALL, "call to " + c.target() + " " + c.text());
    }

    /** Per design path, the state to draw now. */
    public Map<String, NodeState> states() {
        return observer.snapshot(node.clock().monotonicMillis(), path -> {
            var pid = book.latest(path);
            return pid == null ? 0 : node.info(pid).map(i -> i.mailboxSize()).orElse(0);
        });
    }

    /**
     * The run so far as a sequence diagram: one lifeline per process of the design (by path below
     * the root), "you" for the simulator's controller and "caller N" for the callers it starts.
     */
    public dev.canopy.diagrams.sequence.SequenceDiagram sequence() {
        var root = design.root().id();
        var callers = new java.util.HashMap<Pid, String>();
        for (var pid : spawnedByController) if (book.pathOf(pid) == null) callers.put(pid, "caller " + (callers.size() + 1));
        return dev.canopy.diagrams.sequence.SequenceBuilder.build(List.copyOf(history), pid -> {
            if (pid.equals(controller)) return Optional.of("you");
            var path = book.pathOf(pid);
            if (path != null) return Optional.of(path.equals(root) ? root : path.substring(root.length() + 1));
            return Optional.ofNullable(callers.get(pid));
        }, startMs);
    }

    /** The whole log so far. */
    public List<SimEvent> log() { return List.copyOf(observer.log()); }

    /** Log lines added since the last call. */
    public List<SimEvent> newLogLines() {
        var log = observer.log();
        var out = List.copyOf(log.subList(logRead, log.size()));
        logRead = log.size();
        return out;
    }

    @Override public void close() { node.close(); }
}
