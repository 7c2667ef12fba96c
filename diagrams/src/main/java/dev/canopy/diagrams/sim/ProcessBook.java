package dev.canopy.diagrams.sim;

import dev.canopy.engine.process.Pid;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which design path each pid plays, and per-path fault flags. Processes write it from their
 * own init; the deterministic scheduler runs one process at a time, so one writer at a time.
 */
final class ProcessBook {
    private final Map<String, Integer> incarnations = new HashMap<>();
    private final Map<String, Pid> latest = new HashMap<>();
    private final Map<Pid, String> paths = new HashMap<>();
    private final Map<Pid, Integer> incarnationOfPid = new HashMap<>();
    private final Set<String> failNextInit = new HashSet<>();
    private final Map<String, Integer> dynamicCounters = new HashMap<>();

    synchronized int beginInit(String path, Pid pid) {
        int n = incarnations.merge(path, 1, Integer::sum);
        latest.put(path, pid);
        paths.put(pid, path);
        incarnationOfPid.put(pid, n);
        return n;
    }

    synchronized Pid latest(String path) { return latest.get(path); }

    synchronized String pathOf(Pid pid) { return paths.get(pid); }

    synchronized int incarnation(String path) { return incarnations.getOrDefault(path, 0); }

    /**
     * Which incarnation of its path this pid is. The observer reads events after the fact, when
     * later incarnations may already exist: asking by pid keeps its view independent of when it reads.
     */
    synchronized int incarnationOf(Pid pid) { return incarnationOfPid.getOrDefault(pid, 0); }

    /**
     * Forgets an exited pid's path and incarnation (not the path's latest pid), so a long restart
     * storm does not keep every pid it ever saw. Called only once nothing still reads it by pid.
     */
    synchronized void forget(Pid pid) {
        var path = paths.get(pid);
        if (path == null || pid.equals(latest.get(path))) return;
        paths.remove(pid);
        incarnationOfPid.remove(pid);
    }

    /** Pids whose path is still known (for tests: it stays bounded on a long run). */
    synchronized int knownPids() { return paths.size(); }

    synchronized void failNextInit(String path) { failNextInit.add(path); }

    /** True once for a path marked to fail its next init. */
    synchronized boolean takeFailNextInit(String path) { return failNextInit.remove(path); }

    synchronized int nextDynamicChild(String dynPath) { return dynamicCounters.merge(dynPath, 1, Integer::sum); }

    // ---- the pattern lab: where its log lines go, and names for the tasks it starts (not design nodes)
    private volatile java.util.function.Consumer<Object> reports = r -> { };
    private final Map<Pid, String> labels = new HashMap<>();

    void reportTo(java.util.function.Consumer<Object> sink) { reports = sink; }

    void report(Object r) { reports.accept(r); }

    synchronized void label(Pid pid, String name) { labels.put(pid, name); }

    synchronized String labelOf(Pid pid) { return labels.get(pid); }
}
