package dev.canopy.engine.cluster;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.event.EventBus;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessBody;
import dev.canopy.engine.runtime.DeterministicScheduler;
import dev.canopy.engine.runtime.Distribution;
import dev.canopy.engine.runtime.Node;
import dev.canopy.engine.term.Term;

import dev.canopy.engine.process.ProcessContext;

import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A cluster of Erlang nodes in one simulation (ADR 0007): one deterministic runtime whose pids
 * say which node they live on, the network between the nodes ({@link Distribution}: delays,
 * cuts, heals) and OTP's {@code global} on top ({@link GlobalNames}, with
 * {@code prevent_overlapping_partitions} on, as in OTP 25). Same seed, same operations at the
 * same virtual times: same run.
 * <p>
 * The operations change the network at once and let {@code global} react to completion; the
 * processes affected (links broken, DOWN and nodedown messages, a clash's kill) run when the
 * simulation is driven ({@link #runUntilIdle()}, {@link #advance(long)}). Everything that
 * happens is on {@link #events()}: {@link Event.ConnectionLost}, {@link Event.ConnectionUp},
 * {@link Event.Partitioned}, {@link Event.Healed}, {@link Event.NodeDown}, {@link Event.OverlapPrevented},
 * {@link Event.GlobalRegistered}, {@link Event.GlobalUnregistered}, {@link Event.GlobalNameClash},
 * next to the usual process events.
 * Rules: drive it from one thread (the simulation's rule); processes may use {@link #global()}
 * and {@link #monitorNode} from inside.
 */
public final class Cluster implements AutoCloseable {
    private final Node runtime;
    private final Distribution net;
    private final GlobalNames global;
    private final OverlapPrevention overlap;

    private Cluster(Node runtime, List<String> nodeNames) {
        for (var n : nodeNames) {
            if (!n.matches("[A-Za-z0-9_]+")) throw new IllegalArgumentException("a node name is letters, digits and _: '" + n + "'");
        }
        this.runtime = runtime;
        this.net = Distribution.attach(runtime, nodeNames);
        this.global = new GlobalNames(net);
        this.overlap = new OverlapPrevention(net);
        net.addObserver(global);
        net.addObserver(overlap);
    }

    /** A simulated cluster of these nodes (in this order; pid node 0 is the first), fully connected. */
    public static Cluster deterministic(long seed, List<String> nodeNames) {
        return new Cluster(Node.deterministic(seed), nodeNames);
    }

    public static Cluster deterministic(long seed, String... nodeNames) { return deterministic(seed, List.of(nodeNames)); }

    /** The runtime that runs every node's processes (its process table holds them all). */
    public Node runtime() { return runtime; }

    public DeterministicScheduler simulation() { return runtime.simulation(); }

    public EventBus events() { return runtime.events(); }

    /**
     * The network underneath. Changing it directly skips global's overlap prevention until the
     * next change made through this class: use {@link #disconnect}, {@link #partition}, {@link #heal}.
     */
    public Distribution network() { return net; }

    public GlobalNames global() { return global; }

    public List<String> nodeNames() { return net.names(); }

    /** The number of a node by name; an unknown name is a programming error (IllegalArgumentException). */
    public int node(String name) {
        int i = net.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no node '" + name + "' in the cluster " + net.names());
        return i;
    }

    /** The name of the node a pid lives on. */
    public String nodeOf(Pid pid) { return net.name(pid.node()); }

    // ---- processes --------------------------------------------------------------------------

    /** Spawns a process on the node (unlinked; its parent is that node's outside). */
    public Pid spawn(String node, ProcessBody body) { return net.spawn(node(node), body); }

    /**
     * Runs action in a new process on the node and drives the simulation (moving virtual time
     * when it waits) until that process has ended; returns what the action returned. For
     * operations that need a calling process (a gen_server call from a node, a link).
     * A RuntimeException from the action is rethrown wrapped; a process killed before it
     * finished is an IllegalStateException.
     */
    public <T> T runOn(String node, Function<ProcessContext, T> action) {
        var result = new AtomicReference<T>();
        var failure = new AtomicReference<RuntimeException>();
        var finished = new AtomicBoolean();
        Pid pid = spawn(node, ctx -> {
            try {
                result.set(action.apply(ctx));
                finished.set(true);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        var sim = simulation();
        while (true) {
            sim.runUntilIdle();
            if (!runtime.isAlive(pid)) break;
            if (!sim.advanceToNextTimer()) throw new IllegalStateException("an action on node " + node + " waits and nothing is scheduled");
        }
        if (failure.get() != null) throw new IllegalStateException("an action on node " + node + " failed: " + failure.get(), failure.get());
        if (!finished.get()) throw new IllegalStateException("an action on node " + node + " was killed before it finished");
        return result.get();
    }

    /** exit(Pid, Reason) from the process's own node. */
    public void exit(Pid pid, Term reason) { net.exitFrom(pid.node(), pid, reason); }

    public void kill(Pid pid) { exit(pid, Term.KILL); }

    public boolean isAlive(Pid pid) { return runtime.isAlive(pid); }

    /** monitor_node(Node, true) for a process: it gets a {@link dev.canopy.engine.process.NodeDown} message. */
    public void monitorNode(Pid watcher, String node) { net.monitorNode(watcher, node(node)); }

    // ---- the network ------------------------------------------------------------------------

    /** erlang:nodes() on a node: the nodes it is connected to, in cluster order. */
    public List<String> nodes(String on) { return net.connectedTo(node(on)).stream().map(net::name).toList(); }

    public boolean connected(String a, String b) { return net.connected(node(a), node(b)); }

    /**
     * Cuts only the connection a–b (and keeps it cut until {@link #heal()}); every other
     * connection stays, so the partitions may overlap until global removes the overlap.
     */
    public void disconnect(String a, String b) {
        net.cut(node(a), node(b));
        overlap.settle();
    }

    /**
     * A netsplit: every node may only talk to its own group. The connections between groups are
     * cut one at a time (for each group in order, each of its nodes from each node of the other
     * groups, as the OTP runner does), global reacting to each before the next.
     */
    public void partition(List<List<String>> groups) {
        var seen = new HashSet<String>();
        for (var g : groups) {
            for (var n : g) {
                node(n);
                if (!seen.add(n)) throw new IllegalArgumentException("node '" + n + "' is in two groups of " + groups);
            }
        }
        if (seen.size() != net.size()) throw new IllegalArgumentException("the groups " + groups + " do not hold every node of " + net.names());
        net.emit(new Event.Partitioned(groups.stream().map(List::copyOf).toList()));
        for (var g : groups) {
            for (var a : g) {
                for (var h : groups) {
                    if (h == g) continue;
                    for (var b : h) {
                        net.cut(node(a), node(b));
                        overlap.settle();
                    }
                }
            }
        }
    }

    /** Every node may talk to every node again; every pair is connected (in node order), global merging names. */
    public void heal() {
        net.emit(new Event.Healed());
        for (int a = 0; a < net.size(); a++) {
            for (int b = a + 1; b < net.size(); b++) {
                net.connect(a, b);
                overlap.settle();
            }
        }
    }

    /** Connects two nodes again (without healing the rest). */
    public void connect(String a, String b) {
        net.connect(node(a), node(b));
        overlap.settle();
    }

    /** Every signal between a and b (both directions) sent from now on takes ms of virtual time. */
    public void delay(String a, String b, long ms) {
        net.setDelay(node(a), node(b), ms);
        net.setDelay(node(b), node(a), ms);
    }

    /** OTP 25's prevent_overlapping_partitions (on by default). */
    public void preventOverlappingPartitions(boolean on) { overlap.enabled(on); }

    /** A node connected to two nodes that are not connected to each other. */
    public record Overlap(String bridge, String a, String b) {}

    /** Every overlap now (none when the partitions are cliques), by bridge then pair. */
    public List<Overlap> overlaps() {
        var out = new ArrayList<Overlap>();
        for (int x = 0; x < net.size(); x++) {
            var seen = net.connectedTo(x);
            for (int i = 0; i < seen.size(); i++) {
                for (int j = i + 1; j < seen.size(); j++) {
                    if (!net.connected(seen.get(i), seen.get(j))) out.add(new Overlap(net.name(x), net.name(seen.get(i)), net.name(seen.get(j))));
                }
            }
        }
        return out;
    }

    // ---- global -----------------------------------------------------------------------------

    /** global:register_name/2 on the pid's node: true for yes, false for no. */
    public boolean registerGlobal(String name, Pid pid) { return global.register(name, pid, GlobalResolver.DEFAULT); }

    public boolean registerGlobal(String name, Pid pid, GlobalResolver resolver) { return global.register(name, pid, resolver); }

    /** global:whereis_name/1 on a node. */
    public Optional<Pid> whereisGlobal(String on, String name) { return global.whereis(node(on), name); }

    public void unregisterGlobal(String on, String name) { global.unregister(node(on), name); }

    // ---- driving the simulation -------------------------------------------------------------

    public void runUntilIdle() { runtime.simulation().runUntilIdle(); }

    /** Moves virtual time forward, running everything due on the way. */
    public void advance(long ms) { runtime.simulation().advance(ms); }

    public long nowMillis() { return runtime.clock().monotonicMillis(); }

    @Override public void close() { runtime.close(); }
}
