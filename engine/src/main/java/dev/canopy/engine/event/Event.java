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
    /** The connection between two nodes of a cluster went down (a cut, a partition, or global removing an overlap). */
    record ConnectionLost(String a, String b) implements Event {}
    /** global on node {@code node} disconnects from {@code from} to prevent overlapping partitions (OTP 25's default). */
    record OverlapPrevented(String node, String from) implements Event {}
    /** Two nodes of a cluster are connected (again). */
    record ConnectionUp(String a, String b) implements Event {}
    /** The delay of every signal from one node to another changed (a slow link). */
    record ConnectionDelayed(String from, String to, long delayMs) implements Event {}
    /** monitor_node fired: the watcher was sent {nodedown, node}. */
    record NodeDown(Pid watcher, String node) implements Event {}
    /** The network was split into these groups of nodes (a netsplit). */
    record Partitioned(java.util.List<java.util.List<String>> groups) implements Event {}
    /** Every node may talk to every node again and all pairs are connected. */
    record Healed() implements Event {}
    /** A global name was registered, seen by the nodes listed. */
    record GlobalRegistered(String name, Pid pid, java.util.List<String> nodes) implements Event {}
    /** A node no longer knows a global name (its owner died or its owner's node is unreachable). */
    record GlobalUnregistered(String name, Pid pid, String node) implements Event {}
    /** Two partitions joined with the name registered on both sides: global kept one and killed the other. */
    record GlobalNameClash(String name, Pid kept, Pid killed) implements Event {}
    /** A subscriber's buffer was full; this many events were dropped before this record. */
    record Overflow(long dropped) implements Event {}
}
