package dev.canopy.diagrams.design;

import java.util.List;
import java.util.Objects;

/**
 * Something a worker needs: nothing, a local resource, or a remote service. {@code connect} says
 * how init gets it: {@code SYNC_IN_INIT} (init blocks on it and crashes if it is unavailable; the
 * right choice for a local dependency the process cannot work without) or
 * {@code ASYNC_WITH_BACKOFF} (init returns at once and the process connects afterwards, retrying
 * with a backoff that starts at {@code backoffMs} and doubles (see {@code dev.canopy.diagrams.sim.Backoff}); the
 * right choice for a remote one). {@code backoffMs} is 0 unless connecting asynchronously.
 * {@code outages} (simulator-only, not exported) are the windows in which the dependency is unavailable,
 * played with the fault script like its steps; the fault menu takes it down and brings it back too.
 */
public record Dependency(Kind kind, Connect connect, long backoffMs, List<Outage> outages) {

    public enum Kind {
        NONE, LOCAL, REMOTE;

        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public enum Connect {
        SYNC_IN_INIT, ASYNC_WITH_BACKOFF;

        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public static final Dependency NONE = new Dependency(Kind.NONE, Connect.SYNC_IN_INIT, 0);

    public Dependency {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(connect, "connect");
        outages = List.copyOf(outages);
    }

    /** A dependency that is never unavailable on its own (only the fault menu takes it down). */
    public Dependency(Kind kind, Connect connect, long backoffMs) {
        this(kind, connect, backoffMs, List.of());
    }

    public Dependency withKind(Kind v) { return new Dependency(v, connect, backoffMs, outages); }

    public Dependency withConnect(Connect v) { return new Dependency(kind, v, backoffMs, outages); }

    public Dependency withBackoffMs(long v) { return new Dependency(kind, connect, v, outages); }

    public Dependency withOutages(List<Outage> v) { return new Dependency(kind, connect, backoffMs, v); }

    public static Dependency local() {
        return new Dependency(Kind.LOCAL, Connect.SYNC_IN_INIT, 0);
    }

    public static Dependency remote(long backoffMs) {
        return new Dependency(Kind.REMOTE, Connect.ASYNC_WITH_BACKOFF, backoffMs);
    }
}
