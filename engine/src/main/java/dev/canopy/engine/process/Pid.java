package dev.canopy.engine.process;

/**
 * A process identifier: the node the process lives on and its number there. Pids are never
 * reused within one runtime: a restart gets a new pid. Node 0 is the only node of a
 * single-node runtime (and the first of a cluster); {@code new Pid(id)} means node 0. Id 0 on
 * any node stands for "outside the processes" of that node (tests, the UI, a scenario driver).
 * Pids order by node, then number (as Erlang orders pids of different nodes by node first).
 */
public record Pid(int node, long id) implements Comparable<Pid> {
    /** A pid on node 0. */
    public Pid(long id) { this(0, id); }

    @Override public int compareTo(Pid o) {
        return node != o.node ? Integer.compare(node, o.node) : Long.compare(id, o.id);
    }

    /** True for the sender that stands for a node's outside (tests, drivers), never a process. */
    public boolean isOutside() { return id == 0; }

    @Override public String toString() { return "<" + node + "." + id + ".0>"; }
}
