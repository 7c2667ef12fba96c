package dev.canopy.engine.runtime;

import dev.canopy.engine.time.Clock;
import dev.canopy.engine.time.SystemClock;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Real concurrency on the real clock: every process is a virtual thread that runs as soon
 * as it can; waits use the node lock's conditions; timers run on one daemon thread.
 */
public final class LiveScheduler extends Scheduler implements AutoCloseable {
    private final Clock clock;
    private final ScheduledExecutorService timerThread = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "canopy-timers");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, ScheduledFuture<?>> timers = new HashMap<>();
    private long timerSeq;

    public LiveScheduler() { this(new SystemClock()); }

    public LiveScheduler(Clock clock) { this.clock = clock; }

    @Override public Clock clock() { return clock; }

    @Override void started(ProcessState p) {
        p.wakeup = node.lock.newCondition();
        p.thread = Thread.ofVirtual().start(() -> node.runProcess(p));
    }

    @Override void enter(ProcessState p) {}

    @Override void leave(ProcessState p) {}

    @Override void await(ProcessState p, long deadline) {
        p.status = ProcessState.Status.WAITING;
        try {
            if (deadline == Long.MAX_VALUE) {
                p.wakeup.awaitUninterruptibly();
            } else {
                long left = deadline - clock.monotonicMillis();
                if (left > 0) p.wakeup.await(left, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            p.status = ProcessState.Status.RUNNING;
        }
    }

    @Override void wake(ProcessState p) {
        if (p.wakeup != null) p.wakeup.signal();
    }

    @Override long schedule(long deadline, Runnable action) {
        long handle = ++timerSeq;
        long delay = Math.max(0, deadline - clock.monotonicMillis());
        var future = timerThread.schedule(() -> {
            node.lock.lock();
            try {
                if (timers.remove(handle) != null) action.run();
            } finally {
                node.lock.unlock();
            }
        }, delay, TimeUnit.MILLISECONDS);
        timers.put(handle, future);
        return handle;
    }

    @Override boolean cancel(long handle) {
        var f = timers.remove(handle);
        if (f == null) return false;
        f.cancel(false);
        return true;
    }

    @Override public void close() { timerThread.shutdownNow(); }
}
