package dev.canopy.engine.runtime;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.event.EventBus;
import dev.canopy.engine.process.Pid;

import java.util.HashMap;
import java.util.Map;

/**
 * The local name registry of every node of a runtime (erlang:register/2, unregister/1,
 * whereis/1): names are per node, so a name is kept with the node of the pid that asks.
 * Rules: the node lock is held for every call.
 */
final class RegisteredNames {
    private final Map<String, Pid> names = new HashMap<>();
    private final EventBus events;

    RegisteredNames(EventBus events) {
        this.events = events;
    }

    /** Registers the process under name on its node; false if the name is taken or the process has a name. */
    boolean register(ProcessState p, String name) {
        var key = Distribution.nameKey(p.pid, name);
        if (names.containsKey(key) || p.registeredName != null) return false;
        names.put(key, p.pid);
        p.registeredName = name;
        events.emit(new Event.Registered(name, p.pid));
        return true;
    }

    /** Frees a name of the caller's node (the caller: a pid on it, or an outside pid); the pid that held it, or null. */
    Pid unregister(Pid caller, String name) {
        var pid = names.remove(Distribution.nameKey(caller, name));
        if (pid != null) events.emit(new Event.Unregistered(name, pid));
        return pid;
    }

    /** The name of a process that exits goes with it. */
    void exited(ProcessState p) {
        if (p.registeredName == null) return;
        names.remove(Distribution.nameKey(p.pid, p.registeredName));
        events.emit(new Event.Unregistered(p.registeredName, p.pid));
    }

    /** The process registered under name on the caller's node, or null. */
    Pid whereis(Pid caller, String name) {
        return names.get(Distribution.nameKey(caller, name));
    }
}
