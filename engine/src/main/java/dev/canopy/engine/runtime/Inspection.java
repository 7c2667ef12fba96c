package dev.canopy.engine.runtime;

import dev.canopy.engine.process.Pid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What inspectors read about one process of a node: each read takes the node lock briefly. */
final class Inspection {
    private Inspection() {}

    static Optional<ProcessInfo> info(Node node, Map<Pid, ProcessState> processes, Pid pid) {
        node.lock.lock();
        try {
            var p = processes.get(pid);
            if (p == null) return Optional.empty();
            return Optional.of(new ProcessInfo(pid, p.registeredName, p.mailboxSize() + pendingMessages(p),
                    p.trapExit, List.copyOf(p.linksView()), p.monitoredByView().size(),
                    p.status == ProcessState.Status.WAITING));
        } finally {
            node.lock.unlock();
        }
    }

    static List<Object> peekMessages(Node node, Map<Pid, ProcessState> processes, Pid pid, int max) {
        node.lock.lock();
        try {
            var p = processes.get(pid);
            if (p == null || max <= 0) return List.of();
            var all = new ArrayList<Object>(p.mailbox());
            if (p.signals != null) for (var s : p.signals) if (!(s instanceof Signal)) all.add(s);
            return List.copyOf(all.subList(Math.max(0, all.size() - max), all.size()));
        } finally {
            node.lock.unlock();
        }
    }

    /** The watchers of pid (watchers true) or the processes it watches, in the order the monitors began. */
    static List<Pid> relations(Node node, Map<Pid, ProcessState> processes, Pid pid, boolean watchers) {
        node.lock.lock();
        try {
            var p = processes.get(pid);
            if (p == null) return List.of();
            return List.copyOf((watchers ? p.monitoredByView() : p.monitoringView()).values());
        } finally {
            node.lock.unlock();
        }
    }

    private static int pendingMessages(ProcessState p) {
        int n = 0;
        if (p.signals == null) return 0;
        for (var s : p.signals) if (!(s instanceof Signal)) n++;
        return n;
    }
}
