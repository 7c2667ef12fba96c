package dev.canopy.engine.process;

/** A process identifier. Pids are never reused within one node: a restart gets a new pid. */
public record Pid(long id) implements Comparable<Pid> {
    @Override public int compareTo(Pid o) { return Long.compare(id, o.id); }
    @Override public String toString() { return "<0." + id + ".0>"; }
}
