package dev.canopy.diagrams.design;

import java.util.Objects;

/**
 * Something a worker needs: nothing, a local resource, or a remote service. {@code connect} says
 * how init gets it: {@code SYNC_IN_INIT} (init blocks on it and crashes if it is unavailable; the
 * right choice for a local dependency the process cannot work without) or
 * {@code ASYNC_WITH_BACKOFF} (init returns at once and the process connects afterwards, retrying
 * every {@code backoffMs}; the right choice for a remote one). {@code backoffMs} is 0 unless
 * connecting asynchronously.
 */
public record Dependency(Kind kind, Connect connect, long backoffMs) {

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
    }

    public static Dependency local() {
        return new Dependency(Kind.LOCAL, Connect.SYNC_IN_INIT, 0);
    }

    public static Dependency remote(long backoffMs) {
        return new Dependency(Kind.REMOTE, Connect.ASYNC_WITH_BACKOFF, backoffMs);
    }
}
