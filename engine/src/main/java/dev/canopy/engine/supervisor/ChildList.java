package dev.canopy.engine.supervisor;

import dev.canopy.engine.process.Pid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A supervisor's children in start order (the order of the spec list; start_child appends).
 * Children start in this order and stop in the reverse order. Lookups by id and by pid are
 * indexed because a supervisor of thousands of workers looks up every exit.
 */
final class ChildList {
    private final List<Child> ordered = new ArrayList<>();
    private final Map<String, Child> byId = new HashMap<>();
    private final Map<Pid, Child> byPid = new HashMap<>();

    void append(Child c) {
        ordered.add(c);
        byId.put(c.id(), c);
        if (c.pid != null) byPid.put(c.pid, c);
    }

    void remove(Child c) {
        ordered.remove(c);
        byId.remove(c.id());
        if (c.pid != null) byPid.remove(c.pid);
    }

    Child byId(String id) { return byId.get(id); }

    Child byPid(Pid pid) { return byPid.get(pid); }

    void setPid(Child c, Pid pid) {
        if (c.pid != null) byPid.remove(c.pid);
        c.pid = pid;
        c.restarting = false;
        if (pid != null) byPid.put(pid, c);
    }

    /** In start order; a copy, safe to iterate while changing the list. */
    List<Child> inStartOrder() { return List.copyOf(ordered); }

    /** The child with this id and every child started after it. */
    List<Child> fromOn(Child c) {
        int i = ordered.indexOf(c);
        return List.copyOf(ordered.subList(i, ordered.size()));
    }

    int size() { return ordered.size(); }
}
