package dev.canopy.engine.process;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.event.EventRecord;
import dev.canopy.engine.runtime.DeterministicScheduler;
import dev.canopy.engine.runtime.Node;
import dev.canopy.engine.term.Term;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test harness around a deterministic node: runs code inside processes, drives virtual time
 * and records every event so tests can assert on exits, restarts and their order.
 */
public final class Sim {
    /** Code run inside a process that hands a value back to the test thread. */
    @FunctionalInterface
    public interface Body<T> {
        T run(ProcessContext ctx) throws Exception;
    }

    public final Node node;
    public final DeterministicScheduler sched;
    public final List<EventRecord> events = new CopyOnWriteArrayList<>();
    private final Map<Pid, String> labels = new ConcurrentHashMap<>();

    public Sim() { this(1); }

    public Sim(long seed) {
        node = Node.deterministic(seed);
        sched = node.simulation();
        node.events().addListener(events::add);
    }

    public long now() { return node.clock().monotonicMillis(); }

    public void settle() { sched.runUntilIdle(); }

    public void advance(long ms) { sched.advance(ms); }

    /** Moves virtual time to the absolute monotonic instant t (running everything due on the way). */
    public void advanceTo(long t) {
        settle();
        if (t > now()) sched.advance(t - now());
    }

    public Pid spawn(ProcessBody body) {
        Pid p = node.spawn(body);
        settle();
        return p;
    }

    /**
     * Runs body in a fresh process (parent: outside) until it returns, firing timers as needed.
     * Assertion failures and exceptions inside the process are rethrown here.
     */
    public <T> T run(Body<T> body) { return run(body, 24L * 3600 * 1000); }

    public <T> T run(Body<T> body, long maxVirtualMs) {
        var result = new AtomicReference<T>();
        var failure = new AtomicReference<Throwable>();
        var done = new AtomicBoolean();
        node.spawn(ctx -> {
            try {
                result.set(body.run(ctx));
            } catch (Throwable t) {
                failure.set(t);
                throw t;
            } finally {
                done.set(true);
            }
        });
        long limit = now() + maxVirtualMs;
        while (true) {
            settle();
            if (done.get()) break;
            if (now() > limit) throw new AssertionError("process did not finish within " + maxVirtualMs + " virtual ms");
            if (!sched.advanceToNextTimer()) throw new AssertionError("stuck: the process waits and no timer is pending");
        }
        var t = failure.get();
        if (t instanceof ProcessUnwind u) throw new AssertionError("process exited with " + u.reason() + " (bySignal=" + u.bySignal() + ")");
        if (t instanceof Error e) throw e;
        if (t != null) throw new AssertionError(t);
        return result.get();
    }

    /**
     * A long-lived process that traps exits and runs code on request: the parent of the
     * supervisors and servers a test starts. Messages that are not requests go to inbox.
     */
    public final class Owner {
        public final Pid pid;
        public final List<Object> inbox = new CopyOnWriteArrayList<>();

        private Owner() {
            pid = node.spawn(ctx -> {
                ctx.trapExit(true);
                while (true) {
                    Object m = ctx.receive();
                    if (m instanceof Request<?> r) r.perform(ctx);
                    else inbox.add(m);
                }
            });
            settle();
        }

        /** Runs body inside the owner and waits for it (advancing virtual time as needed). */
        public <T> T ask(Body<T> body) {
            var req = new Request<T>(body);
            node.send(pid, req);
            long limit = now() + 24L * 3600 * 1000;
            while (true) {
                settle();
                if (req.done.get()) break;
                if (!node.isAlive(pid)) throw new AssertionError("owner died: " + exitReason(pid));
                if (now() > limit) throw new AssertionError("owner request did not finish");
                if (!sched.advanceToNextTimer()) throw new AssertionError("stuck: the owner waits and no timer is pending");
            }
            var t = req.failure.get();
            if (t instanceof Error e) throw e;
            if (t != null) throw new AssertionError(t);
            return req.result.get();
        }

        /** The exit reasons of linked processes the owner has seen, in order. */
        public List<ExitMessage> exits() {
            return inbox.stream().filter(ExitMessage.class::isInstance).map(ExitMessage.class::cast).toList();
        }
    }

    private static final class Request<T> {
        final Body<T> body;
        final AtomicReference<T> result = new AtomicReference<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicBoolean done = new AtomicBoolean();

        Request(Body<T> body) { this.body = body; }

        void perform(ProcessContext ctx) {
            try {
                result.set(body.run(ctx));
            } catch (ProcessUnwind u) {
                failure.set(u);
                done.set(true);
                throw u;
            } catch (Throwable t) {
                failure.set(t);
            }
            done.set(true);
        }
    }

    public Owner owner() { return new Owner(); }

    // ---- event queries ---------------------------------------------------------------------

    public Optional<Term> exitReason(Pid pid) {
        for (var r : events) if (r.event() instanceof Event.Exited e && e.pid().equals(pid)) return Optional.of(e.reason());
        return Optional.empty();
    }

    public Optional<Long> exitTime(Pid pid) {
        for (var r : events) if (r.event() instanceof Event.Exited e && e.pid().equals(pid)) return Optional.of(r.monotonicMillis());
        return Optional.empty();
    }

    public void label(Pid pid, String name) { labels.put(pid, name); }

    /** Pids a supervisor started for a child id, oldest first. */
    public List<Pid> childPids(Pid sup, String id) {
        var out = new ArrayList<Pid>();
        for (var r : events) {
            if (r.event() instanceof Event.ChildStarted s && s.supervisor().equals(sup) && s.childId().equals(id)) out.add(s.child());
        }
        return out;
    }

    /** The newest pid a supervisor started for the child id. */
    public Pid latestChild(Pid sup, String id) {
        var l = childPids(sup, id);
        if (l.isEmpty()) throw new AssertionError("no child " + id + " was started by " + sup);
        return l.getLast();
    }

    /** Pids of any supervisor's child with this id, oldest first. */
    public List<Pid> pidsOfChild(String id) {
        var out = new ArrayList<Pid>();
        for (var r : events) if (r.event() instanceof Event.ChildStarted s && s.childId().equals(id)) out.add(s.child());
        return out;
    }

    private String name(Pid pid) {
        var l = labels.get(pid);
        if (l != null) return l;
        for (var r : events) if (r.event() instanceof Event.ChildStarted s && s.child().equals(pid)) return s.childId();
        return null;
    }

    /**
     * Supervision-level events as text, in order: "start a", "restart a", "ignore a",
     * "start_failed a R", "terminated a R" (stopped by its supervisor), "give_up S a",
     * "auto_shutdown S a", "exit a R" (only for labelled pids and supervisor children).
     */
    public List<String> timeline() {
        var out = new ArrayList<String>();
        for (var r : events) {
            switch (r.event()) {
                case Event.ChildStarted s -> out.add((s.restart() ? "restart " : "start ") + s.childId());
                case Event.ChildIgnored i -> out.add("ignore " + i.childId());
                case Event.ChildStartFailed f -> out.add("start_failed " + f.childId() + " " + f.reason().render());
                case Event.ChildTerminated t -> out.add("terminated " + t.childId() + " " + t.reason().render());
                case Event.SupervisorGaveUp g -> out.add("give_up " + nameOr(g.supervisor()) + " " + g.childId());
                case Event.AutoShutdown a -> out.add("auto_shutdown " + nameOr(a.supervisor()) + " " + a.childId());
                case Event.Exited e -> {
                    var n = name(e.pid());
                    if (n != null) out.add("exit " + n + " " + e.reason().render());
                }
                default -> { }
            }
        }
        return out;
    }

    /** timeline() restricted to lines starting with one of the prefixes. */
    public List<String> timeline(String... prefixes) {
        return timeline().stream().filter(l -> {
            for (var p : prefixes) if (l.startsWith(p)) return true;
            return false;
        }).toList();
    }

    private String nameOr(Pid pid) {
        var n = name(pid);
        return n == null ? pid.toString() : n;
    }

    public long count(Class<? extends Event> type) {
        return events.stream().filter(r -> type.isInstance(r.event())).count();
    }
}
