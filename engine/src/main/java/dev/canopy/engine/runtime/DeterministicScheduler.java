package dev.canopy.engine.runtime;

import dev.canopy.engine.random.RandomSource;
import dev.canopy.engine.time.Clock;
import dev.canopy.engine.time.VirtualClock;

import java.util.ArrayList;
import java.util.OptionalLong;

/**
 * Runs exactly one process at a time on virtual time, all on the thread that drives it: a step
 * draws the next process from the runnable set with a seeded random source and runs its
 * continuation right there until it waits in receive or exits (no thread switch, no hand-off).
 * A seed and the same inputs replay the same run. Time moves only in {@link #advance(long)}
 * and {@link #advanceToNextTimer()}.
 * Rules: the driving methods are called from one outside thread at a time, never from a process.
 */
public final class DeterministicScheduler extends Scheduler implements Watchdog.Runner {
    private final VirtualClock clock;
    private final RandomSource random;
    private final TimerQueue timers = new TimerQueue();
    private final ArrayList<ProcessState> ready = new ArrayList<>();
    private long steps;
    /** The process being run by {@link #step()} now (read racily by the watchdog). */
    private ProcessState running;
    /** The thread that runs this simulation's processes (set by the first step). */
    private Thread driver;

    public DeterministicScheduler(long seed) {
        this(seed, new VirtualClock(1_700_000_000_000L));
    }

    public DeterministicScheduler(long seed, VirtualClock clock) {
        this.clock = clock;
        this.random = new RandomSource(seed);
    }

    @Override void attach(Node node) {
        super.attach(node);
        Watchdog.watch(this);
    }

    @Override public ProcessState running() { return running; }

    @Override public long runs() { return steps; }

    @Override public String where() { return "the thread driving the simulation"; }

    @Override public Clock clock() { return clock; }

    public VirtualClock virtualClock() { return clock; }

    public long seed() { return random.seed(); }

    RandomSource randomSource() { return random; }

    public long stepsTaken() { return steps; }

    @Override void started(ProcessState p) {
        p.fiber = new Fiber(p);
        makeReady(p);
    }

    @Override long beginWait(ProcessState p, long deadline) {
        long timer = deadline == Long.MAX_VALUE ? -1 : timers.add(deadline, () -> makeReady(p));
        p.status = ProcessState.Status.WAITING;
        return timer;
    }

    @Override void endWait(ProcessState p, long timer) {
        p.status = ProcessState.Status.RUNNING;
        if (timer >= 0) timers.cancel(timer);
    }

    @Override void wake(ProcessState p) {
        if (p.status == ProcessState.Status.WAITING) makeReady(p);
    }

    private void makeReady(ProcessState p) {
        if (p.status == ProcessState.Status.EXITED || p.queued) return;
        p.queued = true;
        ready.add(p);
    }

    @Override long schedule(long deadline, Runnable action) { return timers.add(deadline, action); }

    @Override boolean cancel(long handle) { return timers.cancel(handle); }

    /** Runs one process until it waits or exits. Returns false when nothing was runnable. */
    public boolean step() {
        if (Fiber.insideProcess()) throw new IllegalStateException("step() was called from inside a process");
        checkDriver();
        // The node lock is held for the whole step: the process's own engine calls then take it
        // re-entrantly (no atomic operation), and it parks with only the step's hold left (Node#receive).
        node.lock.lock();
        try {
            if (ready.isEmpty()) return false;
            int i = ready.size() == 1 ? 0 : random.nextInt(ready.size());
            ProcessState p = ready.get(i);
            ready.set(i, ready.get(ready.size() - 1));
            ready.remove(ready.size() - 1);
            p.queued = false;
            steps++;
            running = p;
            p.fiber.run();
            return true;
        } finally {
            running = null;
            node.lock.unlock();
        }
    }

    /** A process parks keeping the one hold of the node lock that {@link #step()} took for it. */
    @Override int holdsKeptWhileParked() { return 1; }

    /**
     * A continuation must resume on the thread it ran on: compiled code may keep
     * {@code Thread.currentThread()} across its yield (ADR 0005), so a simulation is driven from one thread.
     */
    private void checkDriver() {
        var t = Thread.currentThread();
        if (driver == t) return;
        if (driver != null) {
            throw new IllegalStateException("a simulation runs on one thread: it ran on '" + driver.getName()
                    + "' and step() was called on '" + t.getName() + "'");
        }
        driver = t;
    }

    /** True when the calling thread may drive this simulation (it is the one that has, or none has yet). */
    boolean mayDriveFrom(Thread t) { return driver == null || driver == t; }

    /** Runs processes until none is runnable, without moving time. Returns the steps taken. */
    public long runUntilIdle() {
        long n = 0;
        while (step()) n++;
        return n;
    }

    public boolean isIdle() {
        node.lock.lock();
        try { return ready.isEmpty(); } finally { node.lock.unlock(); }
    }

    public OptionalLong nextTimerDeadline() {
        node.lock.lock();
        try {
            var t = timers.peek();
            return t == null ? OptionalLong.empty() : OptionalLong.of(t.deadline());
        } finally {
            node.lock.unlock();
        }
    }

    /** Runs until idle, then fires the earliest timer (moving time to it). False if there was none. */
    public boolean advanceToNextTimer() {
        runUntilIdle();
        node.lock.lock();
        try {
            var t = timers.poll();
            if (t == null) return false;
            clock.advanceTo(Math.max(clock.monotonicMillis(), t.deadline()));
            t.action().run();
        } finally {
            node.lock.unlock();
        }
        runUntilIdle();
        return true;
    }

    /** Moves virtual time forward by ms, running everything that becomes due on the way. */
    public void advance(long ms) {
        if (ms < 0) throw new IllegalArgumentException("cannot advance by a negative time");
        long target = clock.monotonicMillis() + ms;
        while (true) {
            runUntilIdle();
            node.lock.lock();
            try {
                var t = timers.peek();
                if (t == null || t.deadline() > target) {
                    clock.advanceTo(target);
                    break;
                }
                timers.poll();
                clock.advanceTo(Math.max(clock.monotonicMillis(), t.deadline()));
                t.action().run();
            } finally {
                node.lock.unlock();
            }
        }
        runUntilIdle();
    }
}
