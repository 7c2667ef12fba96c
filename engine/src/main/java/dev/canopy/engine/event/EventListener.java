package dev.canopy.engine.event;

/**
 * Called synchronously on the emitting process's thread while the node is locked: must be
 * quick and must not call back into the node. Use {@link EventBus#subscribe(int)} for anything else.
 */
@FunctionalInterface
public interface EventListener {
    void onEvent(EventRecord record);
}
