package dev.canopy.engine.runtime;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessBody;
import dev.canopy.engine.process.Ref;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;

/**
 * One process's bookkeeping. Rules: every field is read and written only with the node's
 * lock held, except {@link #turn}, the deterministic scheduler's baton. Collections keep
 * insertion order so that signal fan-out (links, monitors) is the same on every run.
 */
final class ProcessState {
    enum Status { NEW, RUNNING, WAITING, EXITED }

    final Pid pid;
    final Pid parent;
    final ProcessBody body;
    final ArrayDeque<Signal> signals = new ArrayDeque<>();
    final ArrayDeque<Object> mailbox = new ArrayDeque<>();
    final Set<Pid> links = new LinkedHashSet<>();
    /** Monitors this process holds, by reference: ref → target. */
    final Map<Ref, Pid> monitoring = new LinkedHashMap<>();
    /** Monitors on this process: ref → watcher. */
    final Map<Ref, Pid> monitoredBy = new LinkedHashMap<>();
    /** References of calls still waiting for a reply; replies to other refs are dropped (OTP aliases). */
    final Set<Ref> activeAliases = new LinkedHashSet<>(2);
    final Semaphore turn = new Semaphore(0);
    Condition wakeup;
    Status status = Status.NEW;
    boolean trapExit;
    /** In the deterministic scheduler's runnable set. */
    boolean queued;
    String registeredName;
    /** Virtual deadline of the current wait, or Long.MAX_VALUE. */
    long waitDeadline = Long.MAX_VALUE;
    long timeoutTimerSeq = -1;
    Map<String, String> metadata;
    java.util.random.RandomGenerator random;
    Thread thread;

    ProcessState(Pid pid, Pid parent, ProcessBody body) {
        this.pid = pid;
        this.parent = parent;
        this.body = body;
    }

    Map<String, String> metadata() {
        if (metadata == null) metadata = new HashMap<>();
        return metadata;
    }
}
