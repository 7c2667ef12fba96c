package dev.canopy.engine.runtime;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.event.EventBus;
import dev.canopy.engine.process.CallReply;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.MailboxMark;
import dev.canopy.engine.process.Matcher;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessBody;
import dev.canopy.engine.process.ProcessUnwind;
import dev.canopy.engine.process.Ref;
import dev.canopy.engine.term.Term;
import dev.canopy.engine.time.Clock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * A node: the process table, names, signals and the scheduler that runs it all.
 * Semantics follow Erlang (see package-info and docs/decisions): links are bidirectional,
 * monitors one-way, exit signals obey trap_exit, {@code kill} is untrappable and seen as
 * {@code killed}, a signal or message to a dead process is dropped.
 * Rules: all process state is guarded by {@link #lock}; user code runs without it.
 */
public final class Node implements AutoCloseable {
    /** The sender of signals that come from outside the node (tests, the UI). */
    public static final Pid OUTSIDE = new Pid(0);

    final NodeLock lock = new NodeLock();
    private final Scheduler scheduler;
    private final EventBus events;
    private final Map<Pid, ProcessState> processes = new HashMap<>();
    private final RegisteredNames names;
    private final java.util.SplittableRandom randomStreams;
    private long nextPid = 1;
    private long nextRef = 1;
    private long messagesDelivered;
    /** The network between the nodes of a cluster; null on a single node (ADR 0007). */
    Distribution distribution;

    private Node(Scheduler scheduler, java.util.SplittableRandom randomStreams) {
        Fibers.ensureAvailable();
        this.scheduler = scheduler;
        this.events = new EventBus(scheduler.clock());
        this.names = new RegisteredNames(events);
        this.randomStreams = randomStreams;
        scheduler.attach(this);
    }

    /** A simulated node: seeded scheduling, virtual time, single stepping. */
    public static Node deterministic(long seed) {
        Fibers.ensureAvailable();
        var s = new DeterministicScheduler(seed);
        return new Node(s, s.randomSource().split());
    }

    /**
     * A live node: processes run on one carrier thread per core (or the number the system
     * property {@value LiveScheduler#CARRIERS_PROPERTY} gives), on the real clock.
     */
    public static Node live() {
        return live(LiveScheduler.defaultCarriers());
    }

    /** A live node whose processes run on this many carrier threads. */
    public static Node live(int carriers) {
        Fibers.ensureAvailable();
        long seed = dev.canopy.engine.random.RandomSource.entropySeed();
        return new Node(new LiveScheduler(new dev.canopy.engine.time.SystemClock(), carriers),
                new dev.canopy.engine.random.RandomSource(seed).split());
    }

    public Scheduler scheduler() { return scheduler; }

    /** The deterministic scheduler; calling this on a live node is a programming error. */
    public DeterministicScheduler simulation() {
        if (scheduler instanceof DeterministicScheduler d) return d;
        throw new IllegalStateException("not a simulated node");
    }

    public EventBus events() { return events; }

    public Clock clock() { return scheduler.clock(); }

    // ---- outside API ---------------------------------------------------------------------

    public Pid spawn(ProcessBody body) {
        lock.lock();
        try { return spawnLocked(OUTSIDE, body, false).pid; } finally { lock.unlock(); }
    }

    public void send(Pid to, Object message) {
        lock.lock();
        try { sendLocked(OUTSIDE, to, message); } finally { lock.unlock(); }
    }

    public void exit(Pid target, Term reason) {
        lock.lock();
        try { exitSignal(OUTSIDE, target, reason); } finally { lock.unlock(); }
    }

    public boolean isAlive(Pid pid) {
        lock.lock();
        try { return processes.containsKey(pid); } finally { lock.unlock(); }
    }

    public Optional<Pid> whereis(String name) {
        lock.lock();
        try { return Optional.ofNullable(whereisLocked(OUTSIDE, name)); } finally { lock.unlock(); }
    }

    /** Messages moved into a mailbox so far (the benchmarks' measure of work done). */
    public long messagesDelivered() {
        lock.lock();
        try { return messagesDelivered; } finally { lock.unlock(); }
    }

    public int processCount() {
        lock.lock();
        try { return processes.size(); } finally { lock.unlock(); }
    }

    /** A snapshot of one process for inspectors; empty when it is not alive. */
    public Optional<ProcessInfo> info(Pid pid) { return Inspection.info(this, processes, pid); }

    /**
     * The newest {@code max} messages waiting for a process, oldest first (its mailbox, then the
     * messages still in flight to it), for inspectors; empty when it is not alive.
     */
    public java.util.List<Object> peekMessages(Pid pid, int max) { return Inspection.peekMessages(this, processes, pid, max); }

    /** The processes monitoring {@code pid} (its watchers), in the order they started to; empty when it is not alive. */
    public java.util.List<Pid> watchers(Pid pid) { return Inspection.relations(this, processes, pid, true); }

    /** The processes {@code pid} monitors, in the order it started to; empty when it is not alive. */
    public java.util.List<Pid> watched(Pid pid) { return Inspection.relations(this, processes, pid, false); }

    /**
     * Kills every process. A simulation runs them until they have ended; a live node lets its
     * carriers run what is queued, then stops them and its timer thread.
     */
    @Override public void close() {
        lock.lock();
        try {
            for (var pid : processes.keySet().stream().sorted().toList()) exitSignal(OUTSIDE, pid, Term.KILL);
        } finally {
            lock.unlock();
        }
        switch (scheduler) {
            case DeterministicScheduler d -> {
                // Another thread may not run the processes; their continuations are simply dropped.
                if (d.mayDriveFrom(Thread.currentThread())) d.runUntilIdle();
            }
            case LiveScheduler l -> l.close();
        }
    }

    // ---- process lifecycle (lock held unless stated) --------------------------------------

    ProcessState spawnLocked(Pid parent, ProcessBody body, boolean link) {
        var p = new ProcessState(this, new Pid(parent.node(), nextPid++), parent, body);
        processes.put(p.pid, p);
        if (events.active()) events.emit(new Event.Spawned(p.pid, parent));
        if (link) {
            var parentState = processes.get(parent);
            if (parentState != null) {
                parentState.links().add(p.pid);
                p.links().add(parent);
                if (events.active()) events.emit(new Event.Linked(parent, p.pid));
            }
        }
        scheduler.started(p);
        return p;
    }

    /** The body of every process's continuation. */
    void runProcess(ProcessState p) {
        Term reason = Term.NORMAL;
        try {
            lock.lock();
            try {
                p.status = ProcessState.Status.RUNNING;
                handleSignals(p);
            } finally {
                lock.unlock();
            }
            p.body.run(new ProcessHandle(this, p));
        } catch (ProcessUnwind u) {
            reason = u.reason();
        } catch (Throwable t) {
            reason = Term.Crash.of(t);
        }
        lock.lock();
        try {
            terminate(p, reason);
        } finally {
            lock.unlock();
        }
    }

    private void terminate(ProcessState p, Term reason) {
        p.status = ProcessState.Status.EXITED;
        processes.remove(p.pid);
        names.exited(p);
        if (events.active()) events.emit(new Event.Exited(p.pid, reason));
        // Most processes end holding no monitors and watched by none: no walk, no lambda made.
        if (!p.monitoringView().isEmpty()) p.monitoring().forEach((ref, watched) -> {
            var target = processes.get(watched);
            if (target != null) target.monitoredBy().remove(ref);
        });
        for (var linked : p.linksView()) {
            var other = processes.get(linked);
            if (other == null) continue;
            other.links().remove(p.pid);
            signal(p.pid, other, new Signal.Exit(p.pid, reason, true));
        }
        if (!p.monitoredByView().isEmpty()) p.monitoredBy().forEach((ref, watcherPid) -> {
            var watcher = processes.get(watcherPid);
            if (watcher == null) return;
            watcher.monitoring().remove(ref);
            if (events.active()) events.emit(new Event.DownDelivered(watcher.pid, p.pid, ref, reason));
            signal(p.pid, watcher, new Down(ref, p.pid, reason));
        });
        if (distribution != null) distribution.exited(p.pid);
        p.clear();
    }

    // ---- signals (lock held) --------------------------------------------------------------

    /** Queues a signal or a message (anything that is not a {@link Signal}) for the receiver. */
    void deliver(ProcessState to, Object signal) {
        var queue = to.signals;
        if ((queue == null || queue.isEmpty()) && !(signal instanceof Signal) && !(signal instanceof CallReply)
                && !events.active()) {
            // Nothing is waiting to be applied before it and nobody records when it is applied: the
            // receiver would move it into its mailbox unchanged at its next engine call, so do it now
            // (one queue touched instead of two). Replies are checked against the receiver's aliases
            // when applied, and exit signals act then, so those always take the queue.
            to.mailbox().add(signal);
            to.mailboxAppended++;
            messagesDelivered++;
        } else {
            if (queue == null) to.signals = queue = new java.util.ArrayDeque<>(4);
            queue.add(signal);
        }
        scheduler.wake(to);
    }

    /** Delivers a signal, through the network when sender and receiver are on different nodes. */
    private void signal(Pid from, ProcessState to, Object s) {
        if (distribution != null && distribution.crosses(from, to.pid)) distribution.route(from, to.pid, s); else deliver(to, s);
    }

    void sendLocked(Pid from, Pid to, Object message) {
        sendTo(from, to, processes.get(to), message);
    }

    /** Sends to the process whose state the caller looked up already (null: not alive). */
    void sendTo(Pid from, Pid to, ProcessState target, Object message) {
        if (events.active()) events.emit(new Event.Sent(from, to, message));
        if (distribution != null && distribution.crosses(from, to)) distribution.route(from, to, message);
        else if (target != null) deliver(target, message);
    }

    void exitSignal(Pid from, Pid to, Term reason) {
        if (distribution != null && distribution.crosses(from, to)) { distribution.route(from, to, new Signal.Exit(from, reason, false)); return; }
        var target = processes.get(to);
        if (target == null) return;
        if (events.active()) events.emit(new Event.ExitSignalSent(from, to, reason));
        deliver(target, new Signal.Exit(from, reason, false));
    }

    /**
     * Applies pending signals in arrival order, on the receiver's own thread. Messages go to
     * the mailbox; exit signals kill, become messages, or are ignored (Erlang's rules).
     */
    void handleSignals(ProcessState p) {
        var queue = p.signals;
        if (queue == null) return;
        Object s;
        while ((s = queue.poll()) != null) {
            // An if, not a pattern switch: this runs for every signal, and a switch on patterns
            // goes through an invokedynamic bootstrap that the interpreter and C1 run slowly.
            if (s instanceof Signal.Exit e) {
                if (!e.viaLink() && e.reason().equals(Term.KILL)) throw new ProcessUnwind(Term.KILLED, true);
                if (p.trapExit) {
                    p.mailbox().add(new ExitMessage(e.from(), e.reason()));
                    p.mailboxAppended++;
                } else if (e.reason().equals(Term.NORMAL)) {
                    if (e.from().equals(p.pid)) throw new ProcessUnwind(Term.NORMAL, true);
                } else {
                    throw new ProcessUnwind(e.reason(), true);
                }
            } else {
                if (s instanceof CallReply r && !p.hasAlias(r.ref())) continue;
                p.mailbox().add(s);
                p.mailboxAppended++;
                messagesDelivered++;
                if (events.active()) events.emit(new Event.Delivered(p.pid, s));
            }
        }
    }

    /** A receive's deadline before the clock was read (no real deadline is negative). */
    private static final long UNSET_DEADLINE = Long.MIN_VALUE;

    <T> Optional<T> receive(ProcessState p, Matcher<T> matcher, long timeoutMs) {
        return receive(p, matcher, timeoutMs, null);
    }

    /**
     * Selective receive. With a mark, the messages that were in the mailbox when it was taken
     * are skipped (the matcher cannot accept them: OTP's receive marker), and the newer ones
     * are tried from the newest back, keeping the oldest accepted, so the cost is the number of
     * messages that arrived since the mark. When a message was removed from the mailbox since
     * the mark, the old messages can no longer be counted off and the whole mailbox is scanned.
     */
    <T> Optional<T> receive(ProcessState p, Matcher<T> matcher, long timeoutMs, MailboxMark mark) {
        // The clock is read only when the receive has to wait (its deadline counts from the first
        // time it finds nothing; on virtual time that is the same instant, on real time a scan later).
        long deadline = timeoutMs == Long.MAX_VALUE ? Long.MAX_VALUE : UNSET_DEADLINE;
        lock.lock();
        try {
            int scanned = 0;
            boolean fromTail = false;
            if (mark != null && mark.removed() == p.mailboxRemoved) {
                scanned = (int) Math.max(0, p.mailboxSize() - (p.mailboxAppended - mark.appended()));
                fromTail = true;
            }
            while (true) {
                handleSignals(p);
                var mailbox = p.mailbox;
                if (fromTail && mailbox != null && scanned < mailbox.size()) {
                    T v = MailboxScan.takeNewest(p, mailbox, mailbox.size() - scanned, matcher);
                    if (v != null) return Optional.of(v);
                    scanned = mailbox.size();
                } else if (mailbox != null && scanned < mailbox.size()) {
                    // Messages already scanned did not match and cannot start matching: skip them.
                    if (scanned == 0) {
                        T v = matcher.match(mailbox.peekFirst());
                        if (v != null) {
                            mailbox.pollFirst();
                            p.mailboxRemoved++;
                            return Optional.of(v);
                        }
                        scanned = 1;
                    }
                    Iterator<Object> it = mailbox.iterator();
                    for (int i = 0; i < scanned && it.hasNext(); i++) it.next();
                    while (it.hasNext()) {
                        Object m = it.next();
                        T v = matcher.match(m);
                        if (v != null) {
                            it.remove();
                            p.mailboxRemoved++;
                            return Optional.of(v);
                        }
                        scanned++;
                    }
                }
                if (deadline != Long.MAX_VALUE) {
                    long now = scheduler.clock().monotonicMillis();
                    if (deadline == UNSET_DEADLINE) deadline = now + Math.max(0, timeoutMs);
                    if (now >= deadline) return Optional.empty();
                }
                long wait = scheduler.beginWait(p, deadline);
                // Park with the lock released (however often this process holds it), then take it
                // again; a simulation step keeps its own hold (the scheduler's code runs next).
                int holds = lock.getHoldCount() - scheduler.holdsKeptWhileParked();
                for (int i = 0; i < holds; i++) lock.unlock();
                try {
                    Fiber.park();
                } finally {
                    for (int i = 0; i < holds; i++) lock.lock();
                }
                scheduler.endWait(p, wait);
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- links, monitors, names (lock held; names: RegisteredNames) -----------------------------------------------

    void link(ProcessState p, Pid other) {
        if (other.equals(p.pid)) return;
        var lost = distribution == null ? null : distribution.unreachable(p.pid, other);
        var o = lost != null ? null : processes.get(other);
        if (o == null) {
            // Linking to a dead process (or one on a node cut off) gives an immediate noproc (noconnection) exit signal.
            deliver(p, new Signal.Exit(other, lost != null ? lost : Term.NOPROC, true));
            handleSignals(p);
            return;
        }
        if (p.links().add(other)) {
            o.links().add(p.pid);
            if (events.active()) events.emit(new Event.Linked(p.pid, other));
        }
    }

    void unlink(ProcessState p, Pid other) {
        var o = processes.get(other);
        if (p.linksView().contains(other)) {
            p.links().remove(other);
            if (o != null) o.links().remove(p.pid);
            if (events.active()) events.emit(new Event.Unlinked(p.pid, other));
        }
    }

    Ref monitor(ProcessState p, Pid target) { return monitor(p, target, null); }

    /** known: the target's state when the caller has it at hand and it has not exited (null: look it up). */
    Ref monitor(ProcessState p, Pid target, ProcessState known) {
        var ref = newRef();
        var lost = distribution == null ? null : distribution.unreachable(p.pid, target);
        var t = lost != null ? null : known != null ? known : processes.get(target);
        if (events.active()) events.emit(new Event.Monitored(p.pid, target, ref));
        if (t == null) {
            deliver(p, new Down(ref, target, lost != null ? lost : Term.NOPROC));
        } else {
            p.monitoring().put(ref, target);
            t.monitoredBy().put(ref, p.pid);
        }
        return ref;
    }

    void demonitor(ProcessState p, Ref ref, boolean flush) { demonitor(p, ref, flush, null); }

    /** likely: a state that may be the monitored process's (a caller's last target), checked before use. */
    void demonitor(ProcessState p, Ref ref, boolean flush, ProcessState likely) {
        var target = p.monitoringView().isEmpty() ? null : p.monitoring().take(ref);
        if (target != null) {
            var t = likely != null && likely.isLiveStateOf(target) ? likely : processes.get(target);
            if (t != null) t.monitoredBy().remove(ref);
        }
        if (flush) {
            handleSignals(p);
            if (p.mailbox != null && !p.mailbox.isEmpty() && p.mailbox.removeIf(m -> m instanceof Down d && d.ref().equals(ref))) {
                p.mailboxRemoved++; // a mark only needs to know that something was removed
            }
        }
    }

    Ref newRef() { return new Ref(nextRef++); }

    /** A random stream for one process, split off on first use so unused ones cost nothing. */
    java.util.random.RandomGenerator randomFor(ProcessState p) {
        if (p.random == null) p.random = randomStreams.split();
        return p.random;
    }

    boolean register(ProcessState p, String name) { return names.register(p, name); }

    /** Unregisters a name of the caller's node (the caller: a pid on it, or an outside pid). */
    void unregister(Pid caller, String name) {
        var pid = names.unregister(caller, name);
        var p = pid == null ? null : processes.get(pid);
        if (p != null) p.registeredName = null;
    }

    /** The process registered under name on the caller's node (the caller: a pid on it, or an outside pid). */
    Pid whereisLocked(Pid caller, String name) { return names.whereis(caller, name); }

    boolean alive(Pid pid) { return processes.containsKey(pid); }

    ProcessState state(Pid pid) { return processes.get(pid); }

    /** Pids of all live processes, in creation order (for inspectors and invariant checks). */
    public java.util.List<Pid> pids() {
        lock.lock();
        try {
            var list = new ArrayList<>(processes.keySet());
            list.sort(null);
            return list;
        } finally {
            lock.unlock();
        }
    }
}
