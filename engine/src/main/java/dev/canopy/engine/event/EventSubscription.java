package dev.canopy.engine.event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded buffer of events that any thread may drain. When it is full, new events are
 * counted instead of stored, and the next drain starts with an {@link Event.Overflow} marker
 * saying how many were lost: never a silent gap.
 */
public final class EventSubscription implements AutoCloseable {
    private final EventBus bus;
    private final int capacity;
    private final ArrayDeque<EventRecord> buffer = new ArrayDeque<>();
    private long dropped;
    private boolean closed;

    EventSubscription(EventBus bus, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.bus = bus;
        this.capacity = capacity;
    }

    synchronized void offer(EventRecord record) {
        if (closed) return;
        if (buffer.size() >= capacity) { dropped++; return; }
        if (dropped > 0) {
            // The marker goes in when room returns, so a reader sees the gap where it happened.
            buffer.add(new EventRecord(record.seq(), record.monotonicMillis(), record.systemMillis(), new Event.Overflow(dropped)));
            dropped = 0;
            if (buffer.size() >= capacity) { dropped++; return; }
        }
        buffer.add(record);
    }

    /** Takes every buffered event (and an overflow marker if events were lost). */
    public synchronized List<EventRecord> drain() {
        var out = new ArrayList<EventRecord>(buffer.size() + 1);
        out.addAll(buffer);
        buffer.clear();
        if (dropped > 0) {
            out.add(new EventRecord(-1, 0, 0, new Event.Overflow(dropped)));
            dropped = 0;
        }
        return out;
    }

    public synchronized boolean isClosed() { return closed; }

    @Override public void close() {
        synchronized (this) { closed = true; buffer.clear(); }
        bus.remove(this);
    }
}
