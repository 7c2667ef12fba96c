package dev.canopy.diagrams.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.canopy.engine.random.RandomSource;
import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.scenario.InitOutcome;
import dev.canopy.engine.scenario.NodeKind;
import dev.canopy.engine.scenario.NodeSpec;
import dev.canopy.engine.scenario.Scenario;
import dev.canopy.engine.scenario.Step;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.Strategy;

/**
 * Random conformance scenarios for differential testing against real OTP: a random tree and a
 * random list of fault and API steps, a function of the seed alone.
 *
 * <p>Only scenarios whose OTP trace does not depend on real timing are produced (FORMAT.md §3):
 * <ul>
 *   <li>steps are spaced so that every effect of a step is over before the next: 200 ms plus
 *       twice the sum of every slow {@code terminate/2} in the tree plus a call's sleep; the one
 *       exception is a call that times out (sleep 600, timeout 150): the next step comes while
 *       the worker still sleeps, 250 ms before it wakes, and the step after waits for it;</li>
 *   <li>every restart-intensity window is longer than the whole run plus a second, so two
 *       restarts are always inside one window (OTP's whole-second rounding never matters);</li>
 *   <li>a supervisor is killed outright only in a step flagged {@code unordered}, and when a
 *       supervisor child has {@code brutal_kill} (so any step may kill it) every step is; the
 *       initial tree has such a child only if it cannot fail to start (start_tree has no
 *       unordered flag);</li>
 *   <li>a supervisor child's shutdown is {@code infinity}, {@code brutal_kill} or 5000 ms, far
 *       above any slow terminate, so it is never killed half-way through its own shutdown;</li>
 *   <li>dynamic supervisors get only worker children with distinct ids, so the trace's
 *       normalisation of their concurrent shutdown covers every line it produces;</li>
 *   <li>no significant child is a bad combination (its supervisor's exit races with the reply);</li>
 *   <li>crash, stop and call go to workers only; restart_child and delete_child to static
 *       supervisors only; the last step is an explicit {@code stop_tree}.</li>
 * </ul>
 * Whatever still races is caught by running OTP more than once (see conformance/differential).
 */
public final class ScenarioGenerator {

    private static final long STEP_GAP_MS = 200;
    private static final String[] REASONS = {"normal", "shutdown", "kill", "boom", "{shutdown,bye}"};

    private final RandomSource random;
    private int nextId = 1;
    private final List<String> workers = new ArrayList<>();
    /** Static supervisor path → ids of its children (including ones added by start_child). */
    private final Map<String, List<String>> supervisors = new LinkedHashMap<>();
    /** Dynamic supervisor path → ids of the children started under it. */
    private final Map<String, List<String>> dynamics = new LinkedHashMap<>();
    private boolean supervisorMayBeBrutallyKilled;
    private long slowTerminateMs;
    /** Until when a worker is still asleep in a call that timed out (0: none). */
    private long busyUntil;
    private boolean busyNow;

    private ScenarioGenerator(long seed) {
        this.random = new RandomSource(seed);
    }

    /** The scenario for one seed; the same name and seed always give the same scenario. */
    public static Scenario generate(String name, long seed) {
        return new ScenarioGenerator(seed).scenario(name, seed);
    }

    /** The seed of case {@code index} in a run started with {@code runSeed}: spread, so neighbours differ. */
    public static long caseSeed(long runSeed, int index) {
        long z = runSeed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private Scenario scenario(String name, long seed) {
        NodeSpec root = chance(10) ? dynamicSupervisor("root", "root") : supervisor("root", "root", 0, false);
        if (chance(3)) root = withInit(root, new InitBehaviour.CrashFirst(1));
        if (startMayFail(root)) {
            // A failing start terminates the children already started, and a brutally killed
            // supervisor's children then race with the rest: start_tree cannot be unordered.
            root = withoutBrutalSupervisors(root);
            supervisorMayBeBrutallyKilled = false;
        }
        List<Step> steps = new ArrayList<>();
        long at = 100;
        int count = 2 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            long gap = STEP_GAP_MS + 2 * slowTerminateMs;
            boolean duringBusyCall = at < busyUntil;
            Step step = step(at);
            steps.add(step);
            long next = at + gap;
            if (step.action() instanceof Step.Call c && c.request() == Step.Request.SLEEP) {
                if (c.timeoutMs() < c.sleepMs()) {
                    // The call times out but the worker sleeps on: the next step finds it busy, so
                    // whatever that step sends waits in its mailbox (or kills it, if not trapped).
                    next = at + c.timeoutMs() + gap;
                    busyUntil = at + c.sleepMs();
                } else {
                    next = at + c.sleepMs() + gap;
                }
            } else if (duringBusyCall) {
                next = Math.max(next, busyUntil + gap); // its effects may wait for the worker to wake
            }
            at = next;
        }
        steps.add(new Step(at, supervisorMayBeBrutallyKilled, new Step.StopTree()));
        int minSeconds = (int) (at / 1000) + 2;
        List<Step> widened = steps.stream().map(st -> st.action() instanceof Step.StartChild c
                ? new Step(st.atMs(), st.unordered(), new Step.StartChild(c.target(), widenWindows(c.child(), minSeconds)))
                : st).toList();
        return new Scenario(name, "generated by ScenarioGenerator, seed " + seed, widenWindows(root, minSeconds), widened);
    }

    // ---- tree

    private NodeSpec supervisor(String id, String path, int depth, boolean asChild) {
        supervisors.put(path, new ArrayList<>());
        NodeSpec n = NodeSpec.defaults(id, NodeKind.SUPERVISOR);
        Strategy strategy = pick(Strategy.values());
        int maxRestarts = pick(new Integer[] {0, 1, 1, 2, 3, 5, 10});
        int maxSeconds = pick(new Integer[] {5, 10, 30});
        AutoShutdown autoShutdown = asChild && chance(20) ? pick(new AutoShutdown[] {AutoShutdown.ANY_SIGNIFICANT, AutoShutdown.ALL_SIGNIFICANT}) : AutoShutdown.NEVER;
        int childCount = 1 + random.nextInt(depth == 0 ? 4 : 3);
        List<NodeSpec> children = new ArrayList<>();
        for (int i = 0; i < childCount; i++) {
            NodeSpec c = child(path, depth + 1);
            // Never a bad combination (significant and permanent, or under auto_shutdown never): OTP 25's
            // supervisor then acknowledges the failure before it exits, and its exit line races.
            if (autoShutdown != AutoShutdown.NEVER && c.restart() != Restart.PERMANENT && chance(50)) c = significant(c);
            children.add(c);
            supervisors.get(path).add(c.id());
        }
        n = new NodeSpec(id, NodeKind.SUPERVISOR, supervisorInit(), n.restart(), n.shutdown(), false, false, 0,
                strategy, maxRestarts, maxSeconds, autoShutdown, -1, children);
        return asChild ? withChildSpec(n, supervisorRestart(autoShutdown), supervisorShutdown()) : n;
    }

    private NodeSpec dynamicSupervisor(String id, String path) {
        dynamics.put(path, new ArrayList<>());
        NodeSpec d = NodeSpec.defaults(id, NodeKind.DYNAMIC_SUPERVISOR);
        int maxChildren = chance(30) ? 1 + random.nextInt(3) : -1;
        return new NodeSpec(id, NodeKind.DYNAMIC_SUPERVISOR, supervisorInit(), d.restart(), d.shutdown(), false, false, 0,
                d.strategy(), pick(new Integer[] {0, 1, 3, 5}), pick(new Integer[] {5, 10}), AutoShutdown.NEVER, maxChildren,
                List.of());
    }

    private NodeSpec child(String parentPath, int depth) {
        int r = random.nextInt(100);
        if (depth < 3 && r < 18) {
            String id = "s" + nextId++;
            return supervisor(id, parentPath + "/" + id, depth, true);
        }
        if (depth < 3 && r < 30) {
            String id = "d" + nextId++;
            NodeSpec d = dynamicSupervisor(id, parentPath + "/" + id);
            return withChildSpec(d, supervisorRestart(AutoShutdown.NEVER), supervisorShutdown());
        }
        return worker("w" + nextId++, parentPath);
    }

    private NodeSpec worker(String id, String parentPath) {
        workers.add(parentPath + "/" + id);
        boolean trap = chance(35);
        long terminateMs = chance(12) ? pick(new Long[] {200L, 300L}) : 0;
        slowTerminateMs += terminateMs;
        Shutdown shutdown = switch (random.nextInt(10)) {
            case 0, 1 -> Shutdown.BRUTAL_KILL;
            case 2 -> Shutdown.INFINITY;
            case 3 -> new Shutdown.Timeout(50);
            case 4 -> new Shutdown.Timeout(1000);
            default -> new Shutdown.Timeout(5000);
        };
        Restart restart = pick(new Restart[] {Restart.PERMANENT, Restart.PERMANENT, Restart.TRANSIENT, Restart.TEMPORARY});
        NodeSpec d = NodeSpec.defaults(id, NodeKind.WORKER);
        return new NodeSpec(id, NodeKind.WORKER, workerInit(), restart, shutdown, false, trap, terminateMs,
                d.strategy(), d.maxRestarts(), d.maxSeconds(), d.autoShutdown(), d.maxChildren(), List.of());
    }

    private InitBehaviour workerInit() {
        int r = random.nextInt(100);
        if (r < 80) return InitBehaviour.OK;
        if (r < 84) return once(InitOutcome.IGNORE);
        if (r < 87) return once(InitOutcome.CRASH);
        if (r < 93) return new InitBehaviour.CrashFirst(1 + random.nextInt(2));
        List<InitOutcome> seq = new ArrayList<>();
        int len = 2 + random.nextInt(3);
        for (int i = 0; i < len; i++) seq.add(pick(new InitOutcome[] {InitOutcome.OK, InitOutcome.OK, InitOutcome.CRASH, InitOutcome.IGNORE}));
        return new InitBehaviour.Sequence(seq);
    }

    private InitBehaviour supervisorInit() {
        int r = random.nextInt(100);
        if (r < 92) return InitBehaviour.OK;
        if (r < 95) return new InitBehaviour.Sequence(List.of(InitOutcome.OK, InitOutcome.CRASH, InitOutcome.OK));
        if (r < 97) return once(InitOutcome.IGNORE);
        return new InitBehaviour.CrashFirst(1);
    }

    private Restart supervisorRestart(AutoShutdown autoShutdown) {
        // A supervisor that shuts itself down is normally transient or temporary (SEMANTICS.md §11).
        if (autoShutdown != AutoShutdown.NEVER) return chance(50) ? Restart.TRANSIENT : Restart.TEMPORARY;
        return pick(new Restart[] {Restart.PERMANENT, Restart.PERMANENT, Restart.TRANSIENT, Restart.TEMPORARY});
    }

    private Shutdown supervisorShutdown() {
        int r = random.nextInt(100);
        if (r < 8) {
            supervisorMayBeBrutallyKilled = true;
            return Shutdown.BRUTAL_KILL;
        }
        return r < 15 ? new Shutdown.Timeout(5000) : Shutdown.INFINITY;
    }

    // ---- steps

    private Step step(long at) {
        busyNow = at < busyUntil;
        while (true) {
            int r = random.nextInt(100);
            Step s;
            if (r < 24) s = onWorker(at, w -> new Step.Crash(w));
            else if (r < 42) s = onWorker(at, w -> new Step.Exit(w, pick(REASONS)));
            else if (r < 52) s = onWorker(at, w -> new Step.Stop(w, pick(REASONS)));
            else if (r < 59) s = onWorker(at, w -> call(w));
            else if (r < 65) s = exitSupervisor(at);
            else if (r < 73) s = startChild(at);
            else if (r < 81) s = startDynamicChild(at);
            else if (r < 88) s = terminateChild(at);
            else if (r < 94) s = childApi(at, true);
            else s = childApi(at, false);
            if (s != null) return s;
        }
    }

    private Step onWorker(long at, java.util.function.Function<String, Step.Action> action) {
        List<String> all = new ArrayList<>(workers);
        dynamics.forEach((path, ids) -> ids.forEach(id -> all.add(path + "/" + id)));
        if (all.isEmpty()) return null;
        return new Step(at, supervisorMayBeBrutallyKilled, action.apply(all.get(random.nextInt(all.size()))));
    }

    private Step.Action call(String target) {
        // While a worker sleeps on after a timed-out call, only pings (waiting for it) are made,
        // so that no second sleep stretches the busy time.
        if (chance(45) || busyNow) return new Step.Call(target, Step.Request.PING, 0, 5000);
        return switch (random.nextInt(4)) {
            case 0 -> new Step.Call(target, Step.Request.SLEEP, 20, 150);   // far from the timeout on either side
            case 1 -> new Step.Call(target, Step.Request.SLEEP, 20, 5000);
            case 2 -> new Step.Call(target, Step.Request.SLEEP, 300, 5000);
            default -> new Step.Call(target, Step.Request.SLEEP, 600, 150); // times out; the worker stays busy
        };
    }

    private Step exitSupervisor(long at) {
        List<String> all = new ArrayList<>(supervisors.keySet());
        all.addAll(dynamics.keySet());
        String target = all.get(random.nextInt(all.size()));
        boolean isRoot = !target.contains("/");
        String reason = isRoot ? (chance(50) ? "kill" : pick(REASONS)) : pick(REASONS);
        if (isRoot && !reason.equals("kill") && !chance(30)) return null; // ending the run early is rarely interesting
        return new Step(at, supervisorMayBeBrutallyKilled || reason.equals("kill"), new Step.Exit(target, reason));
    }

    private Step startChild(long at) {
        if (supervisors.isEmpty()) return null;
        List<String> sups = new ArrayList<>(supervisors.keySet());
        String target = sups.get(random.nextInt(sups.size()));
        List<String> ids = supervisors.get(target);
        NodeSpec child;
        List<String> workerIds = ids.stream().filter(id -> workers.contains(target + "/" + id)).toList();
        if (!workerIds.isEmpty() && chance(25)) {
            // already_started / already_present; a worker for a worker, so every path keeps its kind
            child = worker(workerIds.get(random.nextInt(workerIds.size())), target);
            workers.removeLast();
        } else if (chance(20)) {
            String id = "s" + nextId++;
            child = supervisor(id, target + "/" + id, 2, true);
            ids.add(id);
        } else {
            child = worker("w" + nextId++, target);
            ids.add(child.id());
        }
        return new Step(at, supervisorMayBeBrutallyKilled, new Step.StartChild(target, child));
    }

    private Step startDynamicChild(long at) {
        if (dynamics.isEmpty()) return null;
        List<String> dyns = new ArrayList<>(dynamics.keySet());
        String target = dyns.get(random.nextInt(dyns.size()));
        NodeSpec child = worker("c" + nextId++, target);
        workers.removeLast(); // tracked under its dynamic supervisor instead
        dynamics.get(target).add(child.id());
        return new Step(at, supervisorMayBeBrutallyKilled, new Step.StartChild(target, child));
    }

    private Step terminateChild(long at) {
        if (chance(50) && !dynamics.isEmpty()) {
            List<String> dyns = new ArrayList<>(dynamics.keySet());
            String target = dyns.get(random.nextInt(dyns.size()));
            List<String> ids = dynamics.get(target);
            String id = ids.isEmpty() || chance(15) ? "nope" : ids.get(random.nextInt(ids.size()));
            return new Step(at, supervisorMayBeBrutallyKilled, new Step.TerminateChild(target, id));
        }
        String target = pick(supervisors.keySet().toArray(String[]::new));
        if (target == null) return null;
        return new Step(at, supervisorMayBeBrutallyKilled, new Step.TerminateChild(target, childOf(target)));
    }

    private Step childApi(long at, boolean restart) {
        String target = pick(supervisors.keySet().toArray(String[]::new));
        if (target == null) return null;
        String id = childOf(target);
        Step.Action a = restart ? new Step.RestartChild(target, id) : new Step.DeleteChild(target, id);
        return new Step(at, supervisorMayBeBrutallyKilled, a);
    }

    private String childOf(String supervisor) {
        List<String> ids = supervisors.get(supervisor);
        return ids.isEmpty() || chance(10) ? "nope" : ids.get(random.nextInt(ids.size()));
    }

    // ---- helpers

    /** Whether starting this tree can fail: some first init crashes, or a spec is a bad combination. */
    private static boolean startMayFail(NodeSpec n) {
        if (n.init().outcomeFor(1) == InitOutcome.CRASH) return true;
        for (NodeSpec c : n.children()) {
            if (c.significant() && (c.restart() == Restart.PERMANENT || n.autoShutdown() == AutoShutdown.NEVER)) return true;
            if (startMayFail(c)) return true;
        }
        return false;
    }

    private static NodeSpec withoutBrutalSupervisors(NodeSpec n) {
        List<NodeSpec> children = n.children().stream().map(ScenarioGenerator::withoutBrutalSupervisors).toList();
        Shutdown shutdown = n.isSupervisor() && n.shutdown() instanceof Shutdown.BrutalKill ? Shutdown.INFINITY : n.shutdown();
        return new NodeSpec(n.id(), n.kind(), n.init(), n.restart(), shutdown, n.significant(), n.trapExit(),
                n.terminateMs(), n.strategy(), n.maxRestarts(), n.maxSeconds(), n.autoShutdown(), n.maxChildren(), children);
    }

    /** Every supervisor's window at least {@code minSeconds}: all restarts of the run fall in one window. */
    private static NodeSpec widenWindows(NodeSpec n, int minSeconds) {
        List<NodeSpec> children = n.children().stream().map(c -> widenWindows(c, minSeconds)).toList();
        int maxSeconds = n.isSupervisor() ? Math.max(n.maxSeconds(), minSeconds) : n.maxSeconds();
        return new NodeSpec(n.id(), n.kind(), n.init(), n.restart(), n.shutdown(), n.significant(), n.trapExit(),
                n.terminateMs(), n.strategy(), n.maxRestarts(), maxSeconds, n.autoShutdown(), n.maxChildren(), children);
    }

    private static NodeSpec withInit(NodeSpec n, InitBehaviour init) {
        return new NodeSpec(n.id(), n.kind(), init, n.restart(), n.shutdown(), n.significant(), n.trapExit(),
                n.terminateMs(), n.strategy(), n.maxRestarts(), n.maxSeconds(), n.autoShutdown(), n.maxChildren(), n.children());
    }

    private static NodeSpec withChildSpec(NodeSpec n, Restart restart, Shutdown shutdown) {
        return new NodeSpec(n.id(), n.kind(), n.init(), restart, shutdown, n.significant(), n.trapExit(),
                n.terminateMs(), n.strategy(), n.maxRestarts(), n.maxSeconds(), n.autoShutdown(), n.maxChildren(), n.children());
    }

    private static NodeSpec significant(NodeSpec n) {
        return new NodeSpec(n.id(), n.kind(), n.init(), n.restart(), n.shutdown(), true, n.trapExit(),
                n.terminateMs(), n.strategy(), n.maxRestarts(), n.maxSeconds(), n.autoShutdown(), n.maxChildren(), n.children());
    }

    private static InitBehaviour once(InitOutcome outcome) {
        return new InitBehaviour.Sequence(List.of(outcome));
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(T[] values) {
        return values.length == 0 ? null : values[random.nextInt(values.length)];
    }
}
