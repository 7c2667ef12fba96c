package dev.canopy.engine.runtime;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessBody;
import dev.canopy.engine.process.Ref;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One process's bookkeeping. Rules: every field is read and written only with the node's
 * lock held, except {@link #runState} (the live scheduler's hand-over between the carrier that
 * ran the process and whoever wakes it) and {@link #fiber} (run by one thread at a time).
 * Collections keep insertion order so that signal fan-out (links, monitors) is the same on
 * every run; they are made on first use, since most processes never link, monitor or alias
 * anything beyond a few (a million idle processes must fit in a small heap).
 */
final class ProcessState implements Runnable {
    enum Status { NEW, RUNNING, WAITING, EXITED }

    /** Live scheduler: not queued and not on a carrier. */
    static final int IDLE = 0;
    /** Live scheduler: in a run queue. */
    static final int QUEUED = 1;
    /** Live scheduler: on a carrier. */
    static final int RUNNING = 2;
    /** Live scheduler: on a carrier and woken meanwhile; the carrier queues it again when it parks. */
    static final int RUNNING_WOKEN = 3;

    static final VarHandle RUN_STATE;

    static {
        try {
            RUN_STATE = MethodHandles.lookup().findVarHandle(ProcessState.class, "runState", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Pid pid;
    final Pid parent;
    final ProcessBody body;
    /** Signals ({@link Signal}) and messages not yet applied, in arrival order; null while there are none yet. */
    ArrayDeque<Object> signals;
    /** Messages applied and not yet received; null while there are none yet. */
    ArrayDeque<Object> mailbox;
    /** Messages ever appended to / removed from the mailbox (receive markers, {@link dev.canopy.engine.process.MailboxMark}). */
    long mailboxAppended;
    long mailboxRemoved;
    private Set<Pid> links;
    /** Monitors this process holds, by reference: ref → target. */
    private RefTable monitoring;
    /** Monitors on this process: ref → watcher. */
    private RefTable monitoredBy;
    /** References of calls still waiting for a reply (ref → null); replies to other refs are dropped (OTP aliases). */
    private RefTable activeAliases;
    Status status = Status.NEW;
    boolean trapExit;
    /** In the deterministic scheduler's runnable set. */
    boolean queued;
    String registeredName;
    /** Live scheduler: the deadline of the current wait, or Long.MAX_VALUE. */
    long waitDeadline = Long.MAX_VALUE;
    /** Live scheduler: the deadline of this process's entry in the timer queue, or Long.MAX_VALUE. */
    long timerDue = Long.MAX_VALUE;
    Map<String, String> metadata;
    java.util.random.RandomGenerator random;
    Fiber fiber;
    /** Live scheduler: the carrier this process always runs on. */
    Carrier home;
    @SuppressWarnings("unused") // through RUN_STATE
    private volatile int runState;

    /** Null only in unit tests of the bookkeeping itself. */
    final Node node;

    ProcessState(Node node, Pid pid, Pid parent, ProcessBody body) {
        this.node = node;
        this.pid = pid;
        this.parent = parent;
        this.body = body;
    }

    /** The body of this process's continuation (no separate lambda per process: memory). */
    @Override public void run() { node.runProcess(this); }

    Map<String, String> metadata() {
        if (metadata == null) metadata = new HashMap<>();
        return metadata;
    }

    Set<Pid> links() {
        if (links == null) links = new LinkedHashSet<>(4);
        return links;
    }

    /** The links, or an empty set (never made for reading). */
    Set<Pid> linksView() { return links == null ? Set.of() : links; }

    RefTable monitoring() {
        if (monitoring == null) monitoring = new RefTable();
        return monitoring;
    }

    /** The monitors this process holds, or the shared empty table (never made for reading; never write to it). */
    RefTable monitoringView() { return monitoring == null ? RefTable.NONE : monitoring; }

    RefTable monitoredBy() {
        if (monitoredBy == null) monitoredBy = new RefTable();
        return monitoredBy;
    }

    /** The monitors on this process, or the shared empty table (never write to it). */
    RefTable monitoredByView() { return monitoredBy == null ? RefTable.NONE : monitoredBy; }

    void addAlias(Ref ref) {
        if (activeAliases == null) activeAliases = new RefTable();
        if (!activeAliases.contains(ref)) activeAliases.put(ref, null);
    }

    void removeAlias(Ref ref) {
        if (activeAliases != null) activeAliases.remove(ref);
    }

    boolean hasAlias(Ref ref) { return activeAliases != null && activeAliases.contains(ref); }

    ArrayDeque<Object> mailbox() {
        if (mailbox == null) mailbox = new ArrayDeque<>(4);
        return mailbox;
    }

    int mailboxSize() { return mailbox == null ? 0 : mailbox.size(); }

    /**
     * True when this is the state the process table holds for pid: a state is removed from the
     * table when its process exits, so one that has not exited and carries pid is that entry.
     * Lets a caller keep a state it looked up (a sender's last target) instead of looking it up again.
     */
    boolean isLiveStateOf(Pid pid) { return status != Status.EXITED && (this.pid == pid || this.pid.equals(pid)); }

    /** Drops every relation and queued item (the process has exited). */
    void clear() {
        links = null;
        monitoring = null;
        monitoredBy = null;
        activeAliases = null;
        mailbox = null;
        signals = null;
    }
}
