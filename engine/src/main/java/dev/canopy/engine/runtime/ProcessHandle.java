package dev.canopy.engine.runtime;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.process.MailboxMark;
import dev.canopy.engine.process.Matcher;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessBody;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Ref;
import dev.canopy.engine.term.Term;

import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The {@link ProcessContext} of one process: every call takes the node lock briefly. */
final class ProcessHandle implements ProcessContext {
    private final Node node;
    private final ProcessState p;
    /** The process this one sent to last (null when it was not alive): see {@link #send(Pid, Object)}. */
    private ProcessState lastTarget;

    ProcessHandle(Node node, ProcessState p) {
        this.node = node;
        this.p = p;
    }

    @Override public Pid self() { return p.pid; }

    @Override public void send(Pid to, Object message) {
        node.lock.lock();
        try {
            sendLocked(to, message);
        } finally {
            node.lock.unlock();
        }
    }

    private void sendLocked(Pid to, Object message) {
        node.sendTo(p.pid, to, targetState(to), message);
    }

    /**
     * The state of the process {@code to} (null: not alive). Most processes send to the same
     * process again and again (a ring's next, a caller's server): keep its state instead of
     * looking it up in the process table every time ({@link ProcessState#isLiveStateOf}).
     */
    private ProcessState targetState(Pid to) {
        var target = lastTarget;
        if (target == null || !target.isLiveStateOf(to)) {
            target = node.state(to);
            lastTarget = target;
        }
        return target;
    }

    @Override public boolean send(String registeredName, Object message) {
        node.lock.lock();
        try {
            var to = node.whereisLocked(p.pid, registeredName);
            if (to == null) return false;
            node.sendLocked(p.pid, to, message);
            return true;
        } finally {
            node.lock.unlock();
        }
    }

    @Override public <T> Optional<T> receive(Matcher<T> matcher, long timeoutMs) {
        return node.receive(p, matcher, timeoutMs);
    }

    @Override public MailboxMark markMailbox() {
        node.lock.lock();
        try { return new MailboxMark(p.mailboxAppended, p.mailboxRemoved); } finally { node.lock.unlock(); }
    }

    @Override public <T> Optional<T> receiveAfter(MailboxMark mark, Matcher<T> matcher, long timeoutMs) {
        return node.receive(p, matcher, timeoutMs, mark);
    }

    @Override public Pid spawn(ProcessBody body) { return spawn(body, false); }

    @Override public Pid spawnLink(ProcessBody body) { return spawn(body, true); }

    private Pid spawn(ProcessBody body, boolean link) {
        node.lock.lock();
        try { return node.spawnLocked(p.pid, body, link).pid; } finally { node.lock.unlock(); }
    }

    @Override public SpawnedMonitor spawnMonitor(ProcessBody body) {
        node.lock.lock();
        try {
            var child = node.spawnLocked(p.pid, body, false);
            return new SpawnedMonitor(child.pid, node.monitor(p, child.pid));
        } finally {
            node.lock.unlock();
        }
    }

    @Override public void link(Pid other) {
        node.lock.lock();
        try { node.link(p, other); } finally { node.lock.unlock(); }
    }

    @Override public void unlink(Pid other) {
        node.lock.lock();
        try { node.unlink(p, other); } finally { node.lock.unlock(); }
    }

    @Override public Ref monitor(Pid target) {
        node.lock.lock();
        try { return node.monitor(p, target); } finally { node.lock.unlock(); }
    }

    @Override public void demonitor(Ref ref, boolean flush) {
        node.lock.lock();
        try { node.demonitor(p, ref, flush); } finally { node.lock.unlock(); }
    }

    @Override public boolean trapExit(boolean trap) {
        node.lock.lock();
        try {
            boolean old = p.trapExit;
            p.trapExit = trap;
            return old;
        } finally {
            node.lock.unlock();
        }
    }

    @Override public boolean trapsExits() {
        node.lock.lock();
        try { return p.trapExit; } finally { node.lock.unlock(); }
    }

    @Override public void exit(Pid target, Term reason) {
        node.lock.lock();
        try {
            node.exitSignal(p.pid, target, reason);
            // A signal to oneself takes effect at once, as in Erlang.
            if (target.equals(p.pid)) node.handleSignals(p);
        } finally {
            node.lock.unlock();
        }
    }

    @Override public Ref makeRef() {
        node.lock.lock();
        try { return node.newRef(); } finally { node.lock.unlock(); }
    }

    @Override public Ref sendAfter(long ms, Pid target, Object message) {
        node.lock.lock();
        try {
            var from = p.pid;
            long deadline = node.clock().monotonicMillis() + Math.max(0, ms);
            long handle = node.scheduler().schedule(deadline, () -> node.sendLocked(from, target, message));
            return new Ref(-handle);
        } finally {
            node.lock.unlock();
        }
    }

    @Override public boolean cancelTimer(Ref timer) {
        node.lock.lock();
        try { return node.scheduler().cancel(-timer.id()); } finally { node.lock.unlock(); }
    }

    @Override public boolean register(String name) {
        node.lock.lock();
        try { return node.register(p, name); } finally { node.lock.unlock(); }
    }

    @Override public void unregister(String name) {
        node.lock.lock();
        try { node.unregister(p.pid, name); } finally { node.lock.unlock(); }
    }

    @Override public Optional<Pid> whereis(String name) {
        node.lock.lock();
        try { return Optional.ofNullable(node.whereisLocked(p.pid, name)); } finally { node.lock.unlock(); }
    }

    @Override public boolean isAlive(Pid pid) {
        node.lock.lock();
        try { return node.alive(pid); } finally { node.lock.unlock(); }
    }

    @Override public long monotonicMillis() { return node.clock().monotonicMillis(); }

    @Override public long systemMillis() { return node.clock().systemMillis(); }

    @Override public RandomGenerator random() {
        node.lock.lock();
        try { return node.randomFor(p); } finally { node.lock.unlock(); }
    }

    @Override public Map<String, String> metadata() { return p.metadata(); }

    @Override public Node node() { return node; }

    @Override public void alias(Ref ref) {
        node.lock.lock();
        try { p.addAlias(ref); } finally { node.lock.unlock(); }
    }

    @Override public void unalias(Ref ref) {
        node.lock.lock();
        try { p.removeAlias(ref); } finally { node.lock.unlock(); }
    }

    /** One hold of the node lock for both, where the default takes it twice (a call makes one per request). */
    @Override public Ref monitorWithAlias(Pid target) {
        node.lock.lock();
        try {
            var ref = node.monitor(p, target);
            p.addAlias(ref);
            return ref;
        } finally {
            node.lock.unlock();
        }
    }

    /** Mark, monitor with alias and send under one hold of the node lock (a call makes one per request). */
    @Override public RequestSent sendRequest(Pid server, java.util.function.Function<Ref, Object> request) {
        node.lock.lock();
        try {
            var mark = new MailboxMark(p.mailboxAppended, p.mailboxRemoved);
            var state = targetState(server);
            var ref = node.monitor(p, server, state);
            p.addAlias(ref);
            node.sendTo(p.pid, server, state, request.apply(ref));
            return new RequestSent(mark, ref);
        } finally {
            node.lock.unlock();
        }
    }

    @Override public void demonitorWithAlias(Ref ref, boolean flush) {
        node.lock.lock();
        try {
            node.demonitor(p, ref, flush, lastTarget);
            p.removeAlias(ref);
        } finally {
            node.lock.unlock();
        }
    }

    @Override public Pid parent() { return p.parent; }

    @Override public void emit(Event e) {
        node.lock.lock();
        try { node.events().emit(e); } finally { node.lock.unlock(); }
    }
}
