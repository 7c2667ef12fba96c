package dev.canopy.diagrams.sim;

/**
 * A line of the simulator's event log: when (virtual ms), which node it is about, what kind
 * of thing happened, and a plain-language sentence that says why.
 */
public record SimEvent(long seq, long atMs, String path, Kind kind, String text) {
    public enum Kind { STARTED, RESTARTED, EXITED, STOPPED_BY_SUPERVISOR, START_FAILED, IGNORED, GAVE_UP, AUTO_SHUTDOWN, INPUT, CALL,
        /** lessons 2, 4, 5: what a pure module returned, and what the server did with it (timers, retries). */
        DOMAIN, SERVER,
        /** The network between nodes: a cut, a heal, a delay, a nodedown. */
        NETWORK,
        /** Global names: a registration, a standby, a name clash resolved. */
        GLOBAL }
}
