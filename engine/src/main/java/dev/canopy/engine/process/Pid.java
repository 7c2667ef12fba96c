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

    // equals and hashCode written out, the same as a record's (the same hash, so no map's order
    // changes): a record's own go through an invokedynamic bootstrap that the interpreter and C1
    // run slowly, and pids are the keys of every process-table lookup while the JIT warms up.
    @Override public boolean equals(Object o) {
        return o == this || (o instanceof Pid p && p.node == node && p.id == id);
    }

    @Override public int hashCode() { return node * 31 + Long.hashCode(id); }

    /** True for the sender that stands for a node's outside (tests, drivers), never a process. */
    public boolean isOutside() { return id == 0; }

    @Override public String toString() { return "<" + node + "." + id + ".0>"; }
}
