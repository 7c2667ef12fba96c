package dev.canopy.diagrams.attach;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to attach: the node ({@code name@host}), its cookie (empty: the user's ~/.erlang.cookie,
 * which erl reads itself), the hidden node's name prefix, how often to read the trees, the
 * environment erl runs in (its PATH decides which erl), and how long connecting may take.
 * The cookie is held in memory only and travels to the bridge over its standard input.
 */
public record AttachOptions(String target, Optional<String> cookie, String probeName, int intervalMs,
                            Map<String, String> environment, Duration connectTimeout) {

    public static final String DEFAULT_PROBE = "canopy_probe";

    /**
     * How often the trees are read (queues, memory, structure). Exits do not wait for it: they
     * come from monitors at once, and each one makes the bridge look again 30 ms later for the
     * restart.
     */
    public static final int DEFAULT_INTERVAL_MS = 500;

    public AttachOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(cookie, "cookie");
        Objects.requireNonNull(probeName, "probeName");
        environment = Map.copyOf(environment);
    }

    public static AttachOptions of(String target, Optional<String> cookie) {
        return new AttachOptions(target, cookie, DEFAULT_PROBE, DEFAULT_INTERVAL_MS, System.getenv(), Duration.ofSeconds(40));
    }

    public AttachOptions withEnvironment(Map<String, String> env) {
        return new AttachOptions(target, cookie, probeName, intervalMs, env, connectTimeout);
    }

    public AttachOptions withProbeName(String name) {
        return new AttachOptions(target, cookie, name, intervalMs, environment, connectTimeout);
    }

    public AttachOptions withIntervalMs(int ms) {
        return new AttachOptions(target, cookie, probeName, ms, environment, connectTimeout);
    }

    /** The cookie is never printed. */
    @Override
    public String toString() {
        return "AttachOptions[target=" + target + ", cookie=" + (cookie.isPresent() ? "(given)" : "(default)")
                + ", probeName=" + probeName + ", intervalMs=" + intervalMs + "]";
    }
}
