package dev.canopy.engine.event;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.Ref;
import dev.canopy.engine.term.Term;

/** Everything that happens in a node, as typed values. Wrapped in an {@link EventRecord} when emitted. */
public sealed interface Event {
    record Spawned(Pid pid, Pid parent) implements Event {}
    record Exited(Pid pid, Term reason) implements Event {}
    record Linked(Pid a, Pid b) implements Event {}
    record Unlinked(Pid a, Pid b) implements Event {}
    record Monitored(Pid watcher, Pid target, Ref ref) implements Event {}
    record DownDelivered(Pid watcher, Pid target, Ref ref, Term reason) implements Event {}
    record ExitSignalSent(Pid from, Pid to, Term reason) implements Event {}
    record Sent(Pid from, Pid to, Object message) implements Event {}
    record Delivered(Pid to, Object message) implements Event {}
    record Registered(String name, Pid pid) implements Event {}
    record Unregistered(String name, Pid pid) implements Event {}
    /** A supervisor started a child; restart is true when it replaces an exited incarnation. */
    record ChildStarted(Pid supervisor, String childId, Pid child, boolean restart) implements Event {}
    record ChildIgnored(Pid supervisor, String childId) implements Event {}
    record ChildStartFailed(Pid supervisor, String childId, Term reason) implements Event {}
    record ChildTerminated(Pid supervisor, String childId, Pid child, Term reason) implements Event {}
    record SupervisorGaveUp(Pid supervisor, String childId, Term lastReason) implements Event {}
    record AutoShutdown(Pid supervisor, String childId) implements Event {}
    record RegistryChanged(Pid registry, Object key, Pid owner, boolean added) implements Event {}
    /** A subscriber's buffer was full; this many events were dropped before this record. */
    record Overflow(long dropped) implements Event {}
}
