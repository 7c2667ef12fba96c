package dev.canopy.diagrams.attach;

import java.util.List;
import java.util.Optional;

/**
 * One process of a live supervision tree as the bridge read it. {@code kind} is supervisor,
 * dynamic_supervisor, worker, registry or unknown_supervisor; {@code status} is running, or
 * OTP's word for a child without a process (restarting, undefined). Numbers OTP did not report
 * are -1; texts it did not report are empty. {@code specRead} is false when the parent would
 * not give the child spec. Supervisor flags are meaningful for supervisors only; {@code template}
 * is a simple_one_for_one supervisor's child spec (what it starts on demand).
 */
public record LiveProcess(String id, String kind, String pid, String status, String registered,
                          long messageQueue, long memory, String module,
                          String startModule, String startFunction, List<String> startArgs,
                          String restart, String shutdown, boolean significant, boolean specRead, String type,
                          List<String> modules, String strategy, int intensity, int period, String autoShutdown,
                          String maxChildren, List<LiveProcess> children, Optional<LiveProcess> template) {

    public LiveProcess {
        startArgs = List.copyOf(startArgs);
        modules = List.copyOf(modules);
        children = List.copyOf(children);
    }

    public boolean isSupervisor() {
        return kind.endsWith("supervisor");
    }

    public boolean running() {
        return "running".equals(status);
    }

    /** The child with this id, if any. */
    public Optional<LiveProcess> child(String childId) {
        return children.stream().filter(c -> c.id().equals(childId)).findFirst();
    }

    /** This process and every one below it, depth first, with their paths ({@code prefix} + ids). */
    public void walk(List<String> prefix, java.util.function.BiConsumer<List<String>, LiveProcess> visit) {
        List<String> path = new java.util.ArrayList<>(prefix);
        path.add(id);
        visit.accept(List.copyOf(path), this);
        for (LiveProcess c : children) c.walk(path, visit);
    }
}
