package dev.canopy.engine.scenario;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.event.EventRecord;
import dev.canopy.engine.process.Pid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects trace lines (FORMAT.md §2). Processes report their own start, ignore, init_failed,
 * terminate and trapped lines; exits and give-ups come from the node's event stream, at the
 * moment they happen. Synchronized: on a live node processes and the event stream report
 * from many threads at once (on the deterministic scheduler the lock is never contended).
 */
final class TraceRecorder {
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Integer> incarnations = new HashMap<>();
    private final Map<String, Pid> latest = new HashMap<>();
    private final Map<Pid, String> labels = new HashMap<>();
    private final Set<Pid> silent = new HashSet<>();

    /** A process for path runs init: count the incarnation and label the pid "path#N". */
    synchronized int beginInit(String path, Pid pid) {
        int n = incarnations.merge(path, 1, Integer::sum);
        latest.put(path, pid);
        labels.put(pid, path + "#" + n);
        return n;
    }

    synchronized void started(Pid pid) { lines.add("start " + labels.get(pid)); }

    /** init crashed or returned ignore: no exit line will follow for this incarnation. */
    synchronized void initFailed(Pid pid) {
        silent.add(pid);
        lines.add("init_failed " + labels.get(pid) + " error");
    }

    synchronized void ignored(Pid pid) {
        silent.add(pid);
        lines.add("ignore " + labels.get(pid));
    }

    synchronized void terminating(Pid pid, String reason) { lines.add("terminate " + labels.get(pid) + " " + reason); }

    synchronized void trapped(Pid pid, String reason) { lines.add("trapped " + labels.get(pid) + " " + reason); }

    synchronized void line(String text) { lines.add(text); }

    synchronized void onEvent(EventRecord record) {
        switch (record.event()) {
            case Event.Exited e -> {
                var label = labels.get(e.pid());
                if (label != null && !silent.contains(e.pid())) lines.add("exit " + label + " " + e.reason().render());
            }
            case Event.SupervisorGaveUp g -> {
                var label = labels.get(g.supervisor());
                if (label != null) lines.add("give_up " + label);
            }
            default -> { }
        }
    }

    /** The latest incarnation of a path, alive or dead; null if it never ran. */
    synchronized Pid latest(String path) { return latest.get(path); }

    synchronized Set<Pid> knownPids() { return Set.copyOf(labels.keySet()); }

    synchronized List<String> lines() { return List.copyOf(lines); }
}
