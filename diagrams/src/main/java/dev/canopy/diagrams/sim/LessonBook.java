package dev.canopy.diagrams.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the lessons' workers share with the session: which dependencies are down (by the design path
 * of the worker that needs them; an outage outlives the worker's restarts, as a real one would), a
 * short status per worker for its node ("down · next try at 1,400 ms", "queue 3", "ALARM"), and the
 * log lines they write ("domain: …" / "server: …"), reported with their engine time so the session
 * places them among the engine's events. Written from inside the engine, one process at a time.
 */
final class LessonBook {
    /** A line a worker wrote, at engine time atMonotonicMs. */
    record Line(String path, long atMonotonicMs, SimEvent.Kind kind, String text) {}

    private final Set<String> down = new HashSet<>();
    private final Map<String, String> status = new HashMap<>();
    private Consumer<Object> reporter = r -> { };
    private long startMs;

    /** Where log lines go, and the engine time the tree started at (log texts give times since then). */
    void reportTo(Consumer<Object> reporter, long startMonotonicMs) {
        this.reporter = reporter;
        this.startMs = startMonotonicMs;
    }

    /** An engine time as virtual ms since the tree started, as the log and timeline count. */
    long sinceStart(long monotonicMs) { return monotonicMs - startMs; }

    synchronized boolean isDown(String path) { return down.contains(path); }

    /** True when this changed it (down was up). */
    synchronized boolean takeDown(String path) { return down.add(path); }

    /** True when this changed it (down was down). */
    synchronized boolean bringUp(String path) { return down.remove(path); }

    synchronized void status(String path, String text) {
        if (text.isEmpty()) status.remove(path);
        else status.put(path, text);
    }

    synchronized Map<String, String> statuses() { return Map.copyOf(status); }

    void domain(String path, long atMonotonicMs, String text) {
        reporter.accept(new Line(path, atMonotonicMs, SimEvent.Kind.DOMAIN, "domain: " + text));
    }

    void server(String path, long atMonotonicMs, String text) {
        reporter.accept(new Line(path, atMonotonicMs, SimEvent.Kind.SERVER, "server: " + text));
    }
}
