package dev.canopy.engine.process;

/** Selective receive: returns the value to hand to the receiver, or null to leave the message queued. */
@FunctionalInterface
public interface Matcher<T> {
    T match(Object message);

    static Matcher<Object> any() { return m -> m; }

    static <T> Matcher<T> type(Class<T> type) { return m -> type.isInstance(m) ? type.cast(m) : null; }
}
