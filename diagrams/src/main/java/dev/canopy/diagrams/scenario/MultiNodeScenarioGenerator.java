package dev.canopy.diagrams.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.canopy.engine.cluster.scenario.MultiNodeScenario;
import dev.canopy.engine.cluster.scenario.MultiNodeScenario.Action;
import dev.canopy.engine.cluster.scenario.MultiNodeScenario.ProcessRef;
import dev.canopy.engine.cluster.scenario.MultiNodeScenario.Step;
import dev.canopy.engine.random.RandomSource;

/**
 * Random multi-node scenarios (conformance/MULTINODE-FORMAT.md) for differential testing against
 * real OTP: 2 or 3 nodes, processes spawned on them, global names, calls, monitors, links, and
 * clean partitions followed by heals; a function of the seed alone.
 *
 * <p>Only what OTP does not leave to timing is produced (MULTINODE-FORMAT.md §2, ADR 0007):
 * <ul>
 *   <li>at least {@value #STEP_GAP_MS} ms between steps, {@value #AFTER_PARTITION_MS} ms after a
 *       partition and {@value #AFTER_HEAL_MS} ms after a heal (global settles in a few hundred ms);</li>
 *   <li>while the cluster is split, a call, monitor, monitor_node or link may try to reach a node
 *       it cannot (an auto-connect attempt that is refused): such steps get a call timeout of
 *       {@value #SPLIT_CALL_TIMEOUT_MS} ms and {@value #AFTER_SPLIT_REACH_MS} ms before the next step;</li>
 *   <li>partitions are clean (every node in exactly one group), at most one per scenario: the
 *       OTP runner partitions with {@code net_kernel:allow/1}, which can only widen, so after a
 *       heal a second partition is undone by the next auto-connect on OTP. No {@code disconnect}: an overlapping cut is
 *       resolved by global in an order OTP leaves to timing (the recordings saw both outcomes);</li>
 *   <li>a process id is never reused, a process never links to itself, and the process that links
 *       is one that is surely alive (the OTP harness asks it to link);</li>
 *   <li>with three nodes, a partition is a|b|c or a|b,c only: after a,b|c OTP's global sometimes
 *       cuts a-b as well and sometimes not; during a|b,c nothing goes between b and c (global
 *       cut them, but OTP reconnects them on demand: an auto-connect Canopy does not model).</li>
 * </ul>
 * Whatever still races is caught by running OTP more than once (conformance/differential).
 */
public final class MultiNodeScenarioGenerator {

    static final long STEP_GAP_MS = 100;
    static final long AFTER_PARTITION_MS = 1000;
    static final long AFTER_HEAL_MS = 2000;
    static final long SPLIT_CALL_TIMEOUT_MS = 500;
    static final long AFTER_SPLIT_REACH_MS = 700;
    private static final long DEFAULT_CALL_TIMEOUT_MS = 1000;
    private static final String[] NAMES = {"alpha", "beta"};
    private static final String[] RESOLVERS = {"default", "keep_first_node"};

    private final RandomSource random;
    private final List<String> nodes = new ArrayList<>();
    private final List<ProcessRef> processes = new ArrayList<>();
    /** Processes that may have died (killed, linked, or holding a global name): never a link's target. */
    private final Set<ProcessRef> mayBeDead = new HashSet<>();
    private boolean split;
    /** A partition happened: the OTP runner's net_kernel:allow/1 only ever widens, so a second one would not hold. */
    private boolean partitioned;
    /** The split is a|b,c on three nodes, after which global has cut b-c as well. */
    private boolean bcCutByGlobal;
    private int nextId = 1;

    private MultiNodeScenarioGenerator(long seed) {
        this.random = new RandomSource(seed);
    }

    /** The scenario for one seed; the same name and seed always give the same scenario. */
    public static MultiNodeScenario generate(String name, long seed) {
        return new MultiNodeScenarioGenerator(seed).scenario(name, seed);
    }

    private MultiNodeScenario scenario(String name, long seed) {
        int nodeCount = chance(45) ? 3 : 2;
        for (int i = 0; i < nodeCount; i++) nodes.add(String.valueOf((char) ('a' + i)));
        List<Step> steps = new ArrayList<>();
        long at = 0;
        // Two processes first, so every other step has something to name.
        for (int i = 0; i < 2; i++) {
            Action spawn = spawn();
            steps.add(new Step(at, spawn));
            at += gapAfter(spawn);
        }
        int count = 4 + random.nextInt(10);
        for (int i = 0; i < count; i++) {
            Action action = action();
            steps.add(new Step(at, action));
            at += gapAfter(action);
        }
        if (split && chance(70)) {
            // Heal at the end, so a name clash (two copies registered during the split) is resolved.
            steps.add(new Step(at, new MultiNodeScenario.Heal()));
            at += AFTER_HEAL_MS;
            split = false;
            steps.add(new Step(at, new MultiNodeScenario.WhereisGlobal(node(), pick(NAMES))));
            at += STEP_GAP_MS;
            steps.add(new Step(at, new MultiNodeScenario.Nodes(node())));
        }
        return new MultiNodeScenario(name, "generated by MultiNodeScenarioGenerator, seed " + seed, nodes, steps);
    }

    private Action action() {
        for (int attempt = 0; attempt < 20; attempt++) {
            Action a = anyAction();
            if (!reachesAcrossGlobalCut(a)) return a;
        }
        return new MultiNodeScenario.Nodes(node());
    }

    /**
     * During a|b,c OTP's global also cuts b-c, but net_kernel:allow still lets b and c connect,
     * so a call, monitor, monitor_node or link between b and c connects them again on OTP (an
     * auto-connect) while Canopy keeps the pair apart: not generated (see the report of the
     * multi-node differential test; Canopy does not model auto-connect yet).
     */
    private boolean reachesAcrossGlobalCut(Action a) {
        if (!split || !bcCutByGlobal) return false;
        return switch (a) {
            case MultiNodeScenario.Call c -> c.target() instanceof MultiNodeScenario.ProcessTarget t && betweenBAndC(c.from(), t.process().node());
            case MultiNodeScenario.Monitor m -> betweenBAndC(m.on(), m.target().node());
            case MultiNodeScenario.MonitorNode m -> betweenBAndC(m.on(), m.node());
            case MultiNodeScenario.Link l -> betweenBAndC(l.target().node(), l.to().node());
            default -> false;
        };
    }

    private static boolean betweenBAndC(String x, String y) {
        return (x.equals("b") && y.equals("c")) || (x.equals("c") && y.equals("b"));
    }

    private Action anyAction() {
        int roll = random.nextInt(100);
        if (roll < 10) return spawn();
        if (roll < 17) {
            ProcessRef p = process();
            mayBeDead.add(p);
            return new MultiNodeScenario.Kill(p);
        }
        if (roll < 30) {
            ProcessRef p = process();
            mayBeDead.add(p);
            return new MultiNodeScenario.RegisterGlobal(pick(NAMES), p, pick(RESOLVERS));
        }
        if (roll < 39) return new MultiNodeScenario.WhereisGlobal(node(), pick(NAMES));
        if (roll < 53) return call();
        if (roll < 60) return new MultiNodeScenario.Monitor(node(), process());
        if (roll < 65) return monitorNode();
        if (roll < 71) return link();
        if (roll < 83) {
            if (split) {
                split = false;
                return new MultiNodeScenario.Heal();
            }
            if (partitioned) return new MultiNodeScenario.Nodes(node());
            split = true;
            partitioned = true;
            return partition();
        }
        if (roll < 95) return new MultiNodeScenario.Nodes(node());
        return split ? new MultiNodeScenario.Overlap() : new MultiNodeScenario.Nodes(node());
    }

    private Action spawn() {
        ProcessRef p = new ProcessRef(node(), "p" + nextId++);
        processes.add(p);
        return new MultiNodeScenario.Spawn(p);
    }

    private Action call() {
        MultiNodeScenario.Target target = chance(40)
                ? new MultiNodeScenario.GlobalTarget(pick(NAMES))
                : new MultiNodeScenario.ProcessTarget(process());
        return new MultiNodeScenario.Call(node(), target, split ? SPLIT_CALL_TIMEOUT_MS : DEFAULT_CALL_TIMEOUT_MS);
    }

    /**
     * A link from a process that is surely alive (the harness asks the target process itself to
     * link, which fails if it is gone): never killed, never linked before, never holding a
     * global name (a clash on heal may kill it). Both ends are then no longer surely alive.
     */
    private Action link() {
        List<ProcessRef> alive = processes.stream().filter(p -> !mayBeDead.contains(p)).toList();
        if (alive.isEmpty()) return spawn();
        ProcessRef target = alive.get(random.nextInt(alive.size()));
        ProcessRef to = process();
        if (target.equals(to)) return spawn();
        mayBeDead.add(target);
        mayBeDead.add(to);
        return new MultiNodeScenario.Link(target, to);
    }

    private Action monitorNode() {
        String on = node();
        String other;
        do other = node(); while (other.equals(on));
        return new MultiNodeScenario.MonitorNode(on, other);
    }

    /** A clean partition: every node in one group, at least two groups, groups in node order. */
    private Action partition() {
        List<List<String>> groups = new ArrayList<>();
        if (nodes.size() == 2) {
            groups.add(List.of(nodes.get(0)));
            groups.add(List.of(nodes.get(1)));
        } else {
            // Only a|b|c and a|b,c: after a,b|c (and a,c|b) OTP's global sometimes also cuts a-b,
            // sometimes not (seen in the differential runs); a|b,c ends with b-c cut in every run
            // (mn_owner_node_cut_off, recorded 5 times).
            if (chance(50)) {
                for (String n : nodes) groups.add(List.of(n));
            } else {
                groups.add(List.of(nodes.get(0)));
                groups.add(nodes.subList(1, nodes.size()));
                bcCutByGlobal = true;
            }
        }
        return new MultiNodeScenario.Partition(groups);
    }

    /** Time until the next step may run (MULTINODE-FORMAT.md §2's settle rules). */
    static long gapAfter(Action action, boolean splitBefore) {
        return switch (action) {
            case MultiNodeScenario.Partition p -> AFTER_PARTITION_MS;
            case MultiNodeScenario.Heal h -> AFTER_HEAL_MS;
            case MultiNodeScenario.Call c when splitBefore -> AFTER_SPLIT_REACH_MS;
            case MultiNodeScenario.Monitor m when splitBefore -> AFTER_SPLIT_REACH_MS;
            case MultiNodeScenario.MonitorNode m when splitBefore -> AFTER_SPLIT_REACH_MS;
            case MultiNodeScenario.Link l when splitBefore -> AFTER_SPLIT_REACH_MS;
            default -> STEP_GAP_MS;
        };
    }

    private long gapAfter(Action action) {
        // split now is the state after the action: for a partition or heal the rule ignores it.
        return gapAfter(action, split);
    }

    private String node() {
        return nodes.get(random.nextInt(nodes.size()));
    }

    private ProcessRef process() {
        return processes.get(random.nextInt(processes.size()));
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
