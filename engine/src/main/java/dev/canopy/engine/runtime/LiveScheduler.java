package dev.canopy.engine.runtime;

import dev.canopy.engine.time.Clock;
import dev.canopy.engine.time.SystemClock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * Real concurrency on the real clock: a fixed set of {@link Carrier} threads (one per core
 * unless told otherwise) runs the processes' continuations. Every process lives on one carrier
 * (its home, chosen at spawn: the spawning process's carrier, or the next one in turn for a spawn
 * from outside the node) and only ever runs there, one at a time ({@link ProcessState#runState}
 * makes a wake queue it exactly once). A process woken by a process on its own carrier runs right
 * after it there (a message and its reply stay on one core, with no thread hand-off); a wake from
 * another thread goes to the home carrier's inbox. Timers (receive timeouts, send_after) fire on
 * one timer thread on real time.
 * Rules: {@link #wake}, {@link #await}, {@link #schedule} and {@link #cancel} run with the node locked.
 */
public final class LiveScheduler extends Scheduler implements AutoCloseable {
    /** System property: the number of carrier threads (default: available processors). */
    public static final String CARRIERS_PROPERTY = "canopy.carriers";

    private final Clock clock;
    private final int carrierCount;
    private Carrier[] carriers;
    private int nextHome;
    private final TimerQueue timers = new TimerQueue();
    private Condition timerChanged;
    private Thread timerThread;
    volatile boolean closed;

    public LiveScheduler() { this(new SystemClock()); }

    public LiveScheduler(Clock clock) { this(clock, defaultCarriers()); }

    public LiveScheduler(Clock clock, int carriers) {
        if (carriers < 1) throw new IllegalArgumentException("a live node needs at least one carrier thread, not " + carriers);
        this.clock = clock;
        this.carrierCount = carriers;
    }

    static int defaultCarriers() {
        String v = System.getProperty(CARRIERS_PROPERTY);
        if (v == null || v.isBlank()) return Runtime.getRuntime().availableProcessors();
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + CARRIERS_PROPERTY + " must be a whole number of at least 1, not '" + v + "'");
    }

    public int carriers() { return carrierCount; }

    @Override void attach(Node node) {
        super.attach(node);
        timerChanged = node.lock.newCondition();
        carriers = new Carrier[carrierCount];
        for (int i = 0; i < carrierCount; i++) carriers[i] = new Carrier(this, i);
        for (var c : carriers) {
            c.start();
            Watchdog.watch(c);
        }
        timerThread = new Thread(this::runTimers, "canopy-timers");
        timerThread.setDaemon(true);
        timerThread.start();
    }

    @Override public Clock clock() { return clock; }

    @Override void started(ProcessState p) {
        p.fiber = new Fiber(p);
        if (Thread.currentThread() instanceof Carrier c && c.scheduler == this) {
            p.home = c;
        } else {
            p.home = carriers[nextHome];
            nextHome = (nextHome + 1) % carriers.length;
        }
        ProcessState.RUN_STATE.setVolatile(p, ProcessState.QUEUED);
        enqueue(p);
    }

    @Override long beginWait(ProcessState p, long deadline) {
        p.status = ProcessState.Status.WAITING;
        p.waitDeadline = deadline;
        if (deadline != Long.MAX_VALUE && p.timerDue > deadline) {
            // One timer entry per process at a time: a later wait with a later deadline reuses it.
            p.timerDue = deadline;
            addTimer(deadline, () -> waitTimerDue(p));
        }
        return 0;
    }

    @Override void endWait(ProcessState p, long unused) {
        p.status = ProcessState.Status.RUNNING;
        p.waitDeadline = Long.MAX_VALUE;
    }

    /** The timer entry of p is due: wake p if its wait has ended, else move the entry to its current deadline. */
    private void waitTimerDue(ProcessState p) {
        p.timerDue = Long.MAX_VALUE;
        if (p.status != ProcessState.Status.WAITING || p.waitDeadline == Long.MAX_VALUE) return;
        if (p.waitDeadline <= clock.monotonicMillis()) {
            wake(p);
        } else {
            p.timerDue = p.waitDeadline;
            addTimer(p.waitDeadline, () -> waitTimerDue(p));
        }
    }

    @Override void wake(ProcessState p) {
        if (p.status != ProcessState.Status.WAITING) return;
        p.status = ProcessState.Status.RUNNING;
        while (true) {
            int s = (int) ProcessState.RUN_STATE.getVolatile(p);
            if (s == ProcessState.IDLE) {
                if (ProcessState.RUN_STATE.compareAndSet(p, ProcessState.IDLE, ProcessState.QUEUED)) {
                    enqueue(p);
                    return;
                }
            } else if (s == ProcessState.RUNNING) {
                // Still on its carrier, between deciding to wait and parking: the carrier queues it.
                if (ProcessState.RUN_STATE.compareAndSet(p, ProcessState.RUNNING, ProcessState.RUNNING_WOKEN)) return;
            } else {
                return;
            }
        }
    }

    /** Queues a runnable process on its home carrier: the next slot when woken there, else the inbox. */
    private void enqueue(ProcessState p) {
        var home = p.home;
        if (Thread.currentThread() == home) {
            home.offerNext(p);
        } else {
            home.offerRemote(p);
        }
    }

    @Override long schedule(long deadline, Runnable action) { return addTimer(deadline, action); }

    @Override boolean cancel(long handle) { return timers.cancel(handle); }

    private long addTimer(long deadline, Runnable action) {
        var before = timers.peek();
        long handle = timers.add(deadline, action);
        if (before == null || deadline < before.deadline()) timerChanged.signal();
        return handle;
    }

    /** The timer thread: fires due timers with the node locked, sleeping until the earliest deadline. */
    private void runTimers() {
        var lock = node.lock;
        lock.lock();
        try {
            while (!closed) {
                var t = timers.peek();
                long now = clock.monotonicMillis();
                if (t != null && t.deadline() <= now) {
                    timers.poll();
                    t.action().run();
                    continue;
                }
                long waitMs = t == null ? Watchdog.PERIOD_MS : Math.min(Watchdog.PERIOD_MS, t.deadline() - now);
                try {
                    timerChanged.await(waitMs, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    Carrier[] carrierThreads() { return carriers; }

    /** Stops the carriers and the timer thread once the processes already queued have run. */
    @Override public void close() {
        closed = true;
        for (var c : carriers) c.nudge();
        timerThread.interrupt();
    }
}
