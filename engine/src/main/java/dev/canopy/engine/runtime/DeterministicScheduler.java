package dev.canopy.engine.runtime;

import dev.canopy.engine.random.RandomSource;
import dev.canopy.engine.time.Clock;
import dev.canopy.engine.time.VirtualClock;

import java.util.ArrayList;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;

/**
 * Runs exactly one process at a time on virtual time. The next process is drawn from the
 * runnable set by a seeded random source, so a seed and the same inputs replay the same run.
 * A process runs until it waits in receive or exits; then control returns to the caller of
 * {@link #step()}. Time moves only in {@link #advance(long)} and {@link #advanceToNextTimer()}.
 * Rules: the driving methods are called from one outside thread, never from a process.
 */
public final class DeterministicScheduler extends Scheduler {
    private final VirtualClock clock;
    private final RandomSource random;
    private final TimerQueue timers = new TimerQueue();
    private final ArrayList<ProcessState> ready = new ArrayList<>();
    private final Semaphore baton = new Semaphore(0);
    private long steps;

    public DeterministicScheduler(long seed) {
        this(seed, new VirtualClock(1_700_000_000_000L));
    }

    public DeterministicScheduler(long seed, VirtualClock clock) {
        this.clock = clock;
        this.random = new RandomSource(seed);
    }

    @Override public Clock clock() { return clock; }

    public VirtualClock virtualClock() { return clock; }

    public long seed() { return random.seed(); }

    RandomSource randomSource() { return random; }

    public long stepsTaken() { return steps; }

    @Override void started(ProcessState p) {
        p.thread = Thread.ofVirtual().unstarted(() -> node.runProcess(p));
        p.thread.start();
        makeReady(p);
    }

    @Override void enter(ProcessState p) { p.turn.acquireUninterruptibly(); }

    @Override void leave(ProcessState p) { baton.release(); }

    @Override void await(ProcessState p, long deadline) {
        var lock = node.lock;
        long timer = deadline == Long.MAX_VALUE ? -1 : timers.add(deadline, () -> makeReady(p));
        p.status = ProcessState.Status.WAITING;
        lock.unlock();
        baton.release();
        p.turn.acquireUninterruptibly();
        lock.lock();
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
        ProcessState p;
        node.lock.lock();
        try {
            if (ready.isEmpty()) return false;
            int i = ready.size() == 1 ? 0 : random.nextInt(ready.size());
            p = ready.get(i);
            ready.set(i, ready.get(ready.size() - 1));
            ready.remove(ready.size() - 1);
            p.queued = false;
            steps++;
        } finally {
            node.lock.unlock();
        }
        p.turn.release();
        baton.acquireUninterruptibly();
        return true;
    }

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
