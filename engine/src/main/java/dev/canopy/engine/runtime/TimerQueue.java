package dev.canopy.engine.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/** Timers ordered by (deadline, creation sequence), so equal deadlines fire in creation order. */
final class TimerQueue {
    record Timer(long deadline, long seq, Runnable action) {}

    private final PriorityQueue<Timer> queue = new PriorityQueue<>((a, b) ->
            a.deadline != b.deadline ? Long.compare(a.deadline, b.deadline) : Long.compare(a.seq, b.seq));
    private final Map<Long, Timer> pending = new HashMap<>();
    private long seq;

    long add(long deadline, Runnable action) {
        var t = new Timer(deadline, ++seq, action);
        queue.add(t);
        pending.put(t.seq, t);
        return t.seq;
    }

    boolean cancel(long handle) { return pending.remove(handle) != null; }

    /** The earliest live timer, dropping cancelled ones; null if none. */
    Timer peek() {
        Timer t;
        while ((t = queue.peek()) != null && !pending.containsKey(t.seq)) queue.poll();
        return t;
    }

    Timer poll() {
        Timer t = peek();
        if (t != null) { queue.poll(); pending.remove(t.seq); }
        return t;
    }

    boolean isEmpty() { return peek() == null; }
}
