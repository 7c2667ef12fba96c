package dev.canopy.engine.process;

/** A unique reference, as made by make_ref/0: names monitors, calls and timers. */
public record Ref(long id) {
    // Written out, the same as a record's (Pid says why): refs are the keys of monitors and aliases.
    @Override public boolean equals(Object o) { return o == this || (o instanceof Ref r && r.id == id); }

    @Override public int hashCode() { return Long.hashCode(id); }

    @Override public String toString() { return "#Ref<" + id + ">"; }
}
