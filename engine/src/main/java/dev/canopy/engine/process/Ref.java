package dev.canopy.engine.process;

/** A unique reference, as made by make_ref/0: names monitors, calls and timers. */
public record Ref(long id) {
    @Override public String toString() { return "#Ref<" + id + ">"; }
}
