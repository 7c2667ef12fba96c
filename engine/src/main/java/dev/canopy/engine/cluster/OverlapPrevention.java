package dev.canopy.engine.cluster;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.runtime.Distribution;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * OTP 25's {@code prevent_overlapping_partitions} (on by default): when a node loses its
 * connection to another, its {@code global} tells every node it is still connected to
 * ({lost_connection, A, B}); a node that hears "A lost B" passes it on to the nodes it knows
 * and, when it is still connected to B, disconnects from B (B itself, hearing it, disconnects
 * from A). So no node stays connected to two nodes that cannot see each other.
 * <p>
 * Modelled as messages on the network's connections, handled in FIFO order, each one lost when
 * the connection it travels on is gone before it is handled: the node that cut a connection
 * tells first, then the other end. That order is the rule that decides which connections go
 * when reports race (OTP's outcome there depends on timing; see ADR 0007). The reaction runs to
 * completion in {@link #settle()}, which the cluster calls after every change of the network.
 */
final class OverlapPrevention implements Distribution.Observer {
    /** "reporter lost lost", sent by via to to; op numbers one loss so a repeated report is handled once per node. */
    private record Report(int reporter, int lost, long op, int via, int to) {}

    private record Seen(int at, int reporter, int lost, long op) {}

    private final Distribution net;
    private final ArrayDeque<Report> queue = new ArrayDeque<>();
    private final Set<Seen> seen = new HashSet<>();
    private boolean enabled = true;
    private long ops;

    OverlapPrevention(Distribution net) { this.net = net; }

    void enabled(boolean on) { enabled = on; }

    boolean enabled() { return enabled; }

    @Override public void connectionLost(int initiator, int other) {
        if (!enabled) return;
        long op = ++ops;
        tellAll(initiator, other, op, initiator, -1);
        tellAll(other, initiator, op, other, -1);
    }

    private void tellAll(int reporter, int lost, long op, int via, int except) {
        for (int to : net.connectedTo(via)) if (to != except) queue.add(new Report(reporter, lost, op, via, to));
    }

    /** Handles every report until none is left (each may cut more connections and so make more). */
    void settle() {
        Report r;
        while ((r = queue.poll()) != null) {
            if (!net.connected(r.via(), r.to())) continue; // lost with its connection
            int at = r.to();
            if (!seen.add(new Seen(at, r.reporter(), r.lost(), r.op()))) continue;
            tellAll(r.reporter(), r.lost(), r.op(), at, r.reporter());
            int remove = at == r.lost() ? r.reporter() : r.lost();
            if (remove != at && net.connected(at, remove)) {
                net.emit(new Event.OverlapPrevented(net.name(at), net.name(remove)));
                net.drop(at, remove); // not refused: OTP auto-connects the pair on the next signal
            }
        }
        seen.clear(); // op numbers are never reused: nothing later can repeat a handled report
    }
}
