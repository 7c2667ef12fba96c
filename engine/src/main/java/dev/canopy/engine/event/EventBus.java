package dev.canopy.engine.event;

import dev.canopy.engine.time.Clock;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Numbers events and hands them to listeners and subscriptions. Emitting is cheap when
 * nobody listens, so hot paths (send, deliver) check {@link #active()} first.
 * Rules: {@link #emit} is called with the node locked; subscribe/close from any thread.
 */
public final class EventBus {
    private final Clock clock;
    private final CopyOnWriteArrayList<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<EventSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean active;
    private long seq;

    public EventBus(Clock clock) { this.clock = clock; }

    public boolean active() { return active; }

    public void emit(Event event) {
        if (!active) return;
        var record = new EventRecord(++seq, clock.monotonicMillis(), clock.systemMillis(), event);
        for (var l : listeners) l.onEvent(record);
        for (var s : subscriptions) s.offer(record);
    }

    public void addListener(EventListener listener) { listeners.add(listener); refresh(); }

    public void removeListener(EventListener listener) { listeners.remove(listener); refresh(); }

    /** A bounded subscription; close it when done so the node stops recording for it. */
    public EventSubscription subscribe(int capacity) {
        var s = new EventSubscription(this, capacity);
        subscriptions.add(s);
        refresh();
        return s;
    }

    void remove(EventSubscription s) { subscriptions.remove(s); refresh(); }

    private void refresh() { active = !listeners.isEmpty() || !subscriptions.isEmpty(); }
}
