package dev.canopy.engine.event;

/** An event with its place in the stream: a gap-free sequence number and the clock when it happened. */
public record EventRecord(long seq, long monotonicMillis, long systemMillis, Event event) {}
