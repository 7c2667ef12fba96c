package dev.canopy.engine.runtime;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.NodeDown;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessBody;
import dev.canopy.engine.term.Term;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network between the Erlang nodes of one runtime (ADR 0007). A cluster is one {@link Node}
 * (one process table, one scheduler, one clock) whose pids carry the number of the Erlang node
 * they live on; this class routes every signal between two different nodes: a message, an
 * exit signal, a link's exit, a monitor's DOWN. A connection can be delayed (each direction on
 * its own; signals of one pair of nodes keep FIFO order whatever the delays do), cut and made
 * again. A cut breaks every link across it with {@code noconnection}, fires every monitor
 * across it with {@code DOWN noconnection}, sends {nodedown, N} to monitor_node watchers and
 * loses what was in flight on it. A cut made by {@link #cut} is refused from then on (as with
 * {@code net_kernel:allow/1}) until {@link #connect}: a signal to a node that is not connected is
 * dropped; a link or monitor to a process there gets {@code noconnection} at once; the
 * auto-connect fails. A connection dropped by {@link #drop} (global's overlap prevention) is not
 * refused: the next signal, link, monitor or monitor_node across it connects the pair again
 * (Erlang's auto-connect), as OTP 25 does (conformance/multinode/mn_autoconnect_after_global_cut).
 * Signals from an outside pid (id 0: tests, drivers, the UI) are local to the target's node.
 * Rules: every method takes the node lock; the observers are called with it held.
 */
public final class Distribution {
    /** The reason of a link exit or DOWN caused by a lost connection. */
    public static final Term NOCONNECTION = Term.atom("noconnection");

    /** The layer above the network (OTP's global) hears of connections and deaths through this. */
    public interface Observer {
        /** The connection initiator–other was cut; initiator noticed first. */
        default void connectionLost(int initiator, int other) {}

        /** a and b are connected again. */
        default void connected(int a, int b) {}

        /** A process (on any node) has terminated. */
        default void exited(Pid pid) {}
    }

    private record NodeWatch(Pid watcher, int node) {}

    private final Node node;
    private final List<String> names;
    private final boolean[][] connected;
    /** Per pair: a cut that refuses connection attempts (net_kernel:allow/1) until connect. */
    private final boolean[][] refused;
    private final long[][] delayMs;
    /** Per ordered pair: when the last signal sent on it arrives (FIFO under changing delays). */
    private final long[][] lastArrival;
    /** Per pair: bumped by every cut, so signals in flight on an older connection are lost. */
    private final long[][] generation;
    private final List<NodeWatch> nodeWatches = new ArrayList<>();
    private final List<Observer> observers = new CopyOnWriteArrayList<>();

    private Distribution(Node node, List<String> names) {
        this.node = node;
        this.names = List.copyOf(names);
        int n = names.size();
        connected = new boolean[n][n];
        refused = new boolean[n][n];
        delayMs = new long[n][n];
        lastArrival = new long[n][n];
        generation = new long[n][n];
        for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) connected[a][b] = a != b;
    }

    /**
     * Makes {@code node} the runtime of a cluster of these nodes (names in node order: pid node
     * 0 is {@code names.get(0)}), fully connected with no delay. Call it before any process runs.
     */
    public static Distribution attach(Node node, List<String> names) {
        if (names.isEmpty()) throw new IllegalArgumentException("a cluster needs at least one node");
        if (names.stream().distinct().count() != names.size()) throw new IllegalArgumentException("node names repeat: " + names);
        node.lock.lock();
        try {
            if (node.distribution != null) throw new IllegalStateException("the node is a cluster already");
            var d = new Distribution(node, names);
            node.distribution = d;
            return d;
        } finally {
            node.lock.unlock();
        }
    }

    public Node node() { return node; }

    public int size() { return names.size(); }

    public List<String> names() { return names; }

    public String name(int n) { return names.get(n); }

    /** The number of the node with this name, or -1. */
    public int indexOf(String name) { return names.indexOf(name); }

    public void addObserver(Observer o) { observers.add(o); }

    /** Runs action with the node lock held (the layer above keeps its state under the same lock). */
    public <T> T locked(java.util.function.Supplier<T> action) {
        node.lock.lock();
        try { return action.get(); } finally { node.lock.unlock(); }
    }

    /** Emits an event on the runtime's stream (with the lock held, as the bus requires). */
    public void emit(Event e) {
        node.lock.lock();
        try { node.events().emit(e); } finally { node.lock.unlock(); }
    }

    /** True when the process is alive (on any node, reachable or not). */
    public boolean alive(Pid pid) {
        node.lock.lock();
        try { return node.alive(pid); } finally { node.lock.unlock(); }
    }

    // ---- the network ------------------------------------------------------------------------

    public boolean connected(int a, int b) {
        node.lock.lock();
        try { return a == b || connected[a][b]; } finally { node.lock.unlock(); }
    }

    /** The nodes a is connected to, in node order (erlang:nodes/0). */
    public List<Integer> connectedTo(int a) {
        node.lock.lock();
        try {
            var out = new ArrayList<Integer>();
            for (int b = 0; b < size(); b++) if (connected[a][b]) out.add(b);
            return out;
        } finally {
            node.lock.unlock();
        }
    }

    public long delay(int from, int to) {
        node.lock.lock();
        try { return delayMs[from][to]; } finally { node.lock.unlock(); }
    }

    /** Every signal from {@code from} to {@code to} sent from now on takes this long (virtual ms). */
    public void setDelay(int from, int to, long ms) {
        if (ms < 0) throw new IllegalArgumentException("a delay cannot be negative: " + ms);
        node.lock.lock();
        try {
            delayMs[from][to] = ms;
            node.events().emit(new Event.ConnectionDelayed(name(from), name(to), ms));
        } finally {
            node.lock.unlock();
        }
    }

    /**
     * Cuts the connection initiator–other (erlang:disconnect_node/1 on initiator) and refuses a
     * new one until {@link #connect} (net_kernel:allow/1, as a partition does). Returns false
     * when they were not connected. Observers hear of it after its effects on processes.
     */
    public boolean cut(int initiator, int other) {
        node.lock.lock();
        try {
            if (initiator != other) refused[initiator][other] = refused[other][initiator] = true;
            return drop(initiator, other);
        } finally {
            node.lock.unlock();
        }
    }

    /**
     * Cuts the connection initiator–other without refusing a new one (what global does to
     * prevent overlapping partitions): the next signal across it connects the pair again.
     */
    public boolean drop(int initiator, int other) {
        node.lock.lock();
        try {
            if (initiator == other || !connected[initiator][other]) return false;
            connected[initiator][other] = connected[other][initiator] = false;
            generation[initiator][other]++;
            generation[other][initiator]++;
            for (var pid : node.pids()) {
                if (pid.node() == initiator) breakRelations(node.state(pid), other);
                else if (pid.node() == other) breakRelations(node.state(pid), initiator);
            }
            fireNodeWatches(initiator, other);
            node.events().emit(new Event.ConnectionLost(name(initiator), name(other)));
            for (var o : observers) o.connectionLost(initiator, other);
            return true;
        } finally {
            node.lock.unlock();
        }
    }

    /** Connects a and b (net_kernel:connect_node/1). Returns false when they were connected. */
    public boolean connect(int a, int b) {
        node.lock.lock();
        try {
            if (a == b) return false;
            refused[a][b] = refused[b][a] = false;
            if (connected[a][b]) return false;
            connected[a][b] = connected[b][a] = true;
            node.events().emit(new Event.ConnectionUp(name(a), name(b)));
            for (var o : observers) o.connected(a, b);
            return true;
        } finally {
            node.lock.unlock();
        }
    }

    // ---- per-node operations ----------------------------------------------------------------

    /** Spawns a process on node n (its parent is n's outside). */
    public Pid spawn(int n, ProcessBody body) {
        node.lock.lock();
        try { return node.spawnLocked(new Pid(n, 0), body, false).pid; } finally { node.lock.unlock(); }
    }

    /**
     * monitor_node(Node, true) for the watcher: {@link NodeDown} when the connection to n is lost
     * (at once when it is not connected now). One message per call, as in Erlang.
     */
    public void monitorNode(Pid watcher, int n) {
        node.lock.lock();
        try {
            if (watcher.node() == n) return;
            if (reach(watcher.node(), n)) nodeWatches.add(new NodeWatch(watcher, n));
            else nodeDown(watcher, n);
        } finally {
            node.lock.unlock();
        }
    }

    /** The process registered under name on node n (a local name: erlang:whereis/1 on n). */
    public Optional<Pid> whereis(int n, String name) {
        node.lock.lock();
        try { return Optional.ofNullable(node.whereisLocked(new Pid(n, 0), name)); } finally { node.lock.unlock(); }
    }

    /** Sends exit(Pid, Reason) from n's outside (the kill a scenario or a resolver does on that node). */
    public void exitFrom(int n, Pid target, Term reason) {
        node.lock.lock();
        try { node.exitSignal(new Pid(n, 0), target, reason); } finally { node.lock.unlock(); }
    }

    // ---- hooks of Node (lock held) ----------------------------------------------------------

    /** True when a signal from → to goes over the network. */
    boolean crosses(Pid from, Pid to) { return !from.isOutside() && from.node() != to.node(); }

    /** {@code noconnection} when a link or monitor from → to cannot be set up; null when it can. */
    Term unreachable(Pid from, Pid to) {
        return crosses(from, to) && (!known(to.node()) || !reach(from.node(), to.node())) ? NOCONNECTION : null;
    }

    /** Sends a message or signal across the network: after the pair's delay, FIFO, lost on a cut. */
    void route(Pid from, Pid to, Object item) {
        int f = from.node(), t = to.node();
        if (!known(t) || !reach(f, t)) return; // a pid made up for a node the cluster does not have: nowhere to go
        long now = node.clock().monotonicMillis();
        long at = Math.max(now + delayMs[f][t], lastArrival[f][t]);
        if (at <= now) {
            arrive(to, item);
            return;
        }
        lastArrival[f][t] = at;
        long gen = generation[f][t];
        node.scheduler().schedule(at, () -> {
            if (generation[f][t] == gen) arrive(to, item);
        });
    }

    /** Connected now, or connected by this attempt (auto-connect) when the pair does not refuse it. */
    private boolean reach(int from, int to) {
        if (from == to || connected[from][to]) return true;
        if (refused[from][to]) return false;
        connect(from, to);
        return true;
    }

    private boolean known(int n) { return n >= 0 && n < names.size(); }

    private void arrive(Pid to, Object item) {
        var target = node.state(to);
        if (target == null) return;
        if (item instanceof Signal.Exit e && !e.viaLink()) node.events().emit(new Event.ExitSignalSent(e.from(), to, e.reason()));
        node.deliver(target, item);
    }

    void exited(Pid pid) {
        nodeWatches.removeIf(w -> w.watcher().equals(pid));
        for (var o : observers) o.exited(pid);
    }

    /** Registered names are per node: the key carries the node, except on node 0 (a single node's names stay as they were). */
    static String nameKey(Pid owner, String name) { return owner.node() == 0 ? name : owner.node() + "\u0000" + name; }

    /**
     * The reason a gen_server call ends with when its monitor fired: gen.erl turns
     * {@code noconnection} into {@code {nodedown, Node}}; other reasons stay.
     */
    public static Term callExitReason(Node node, Pid server, Term downReason) {
        var d = node.distribution;
        if (d == null || !downReason.equals(NOCONNECTION)) return downReason;
        return Term.tuple(Term.atom("nodedown"), Term.atom(d.name(server.node())));
    }

    // ---- effects of a cut -------------------------------------------------------------------

    /** Breaks p's links and monitors to processes on node far: both ends learn it at once. */
    private void breakRelations(ProcessState p, int far) {
        if (p == null) return;
        for (var other : List.copyOf(p.linksView())) {
            if (other.node() != far || other.isOutside()) continue;
            p.links().remove(other);
            node.deliver(p, new Signal.Exit(other, NOCONNECTION, true));
            var o = node.state(other);
            if (o != null && o.links().remove(p.pid)) node.deliver(o, new Signal.Exit(p.pid, NOCONNECTION, true));
        }
        for (var m : p.monitoringView().entries()) {
            if (m.getValue().node() != far) continue;
            p.monitoring().remove(m.getKey());
            var t = node.state(m.getValue());
            if (t != null) t.monitoredBy().remove(m.getKey());
            node.events().emit(new Event.DownDelivered(p.pid, m.getValue(), m.getKey(), NOCONNECTION));
            node.deliver(p, new Down(m.getKey(), m.getValue(), NOCONNECTION));
        }
    }

    private void fireNodeWatches(int a, int b) {
        var fired = new ArrayList<NodeWatch>();
        nodeWatches.removeIf(w -> {
            boolean hit = (w.watcher().node() == a && w.node() == b) || (w.watcher().node() == b && w.node() == a);
            if (hit) fired.add(w);
            return hit;
        });
        for (var w : fired) nodeDown(w.watcher(), w.node());
    }

    private void nodeDown(Pid watcher, int n) {
        var p = node.state(watcher);
        if (p == null) return;
        node.events().emit(new Event.NodeDown(watcher, name(n)));
        node.deliver(p, new NodeDown(name(n)));
    }
}
