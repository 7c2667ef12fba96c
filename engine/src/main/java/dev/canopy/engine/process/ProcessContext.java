package dev.canopy.engine.process;

import dev.canopy.engine.term.Term;

import java.util.Map;
import java.util.Optional;

/**
 * What a running process may do: the Java form of the Erlang BIFs that act on the calling
 * process. Only the process's own thread may use its context.
 */
public interface ProcessContext {
    /** Wait without limit. */
    long INFINITY = Long.MAX_VALUE;

    Pid self();

    /** Sends a message; sending to a dead process does nothing. */
    void send(Pid to, Object message);

    /** Sends to a registered name; returns false when no process has that name. */
    boolean send(String registeredName, Object message);

    /** Receives the oldest message that the matcher accepts, waiting up to timeoutMs. */
    <T> Optional<T> receive(Matcher<T> matcher, long timeoutMs);

    /**
     * Marks the mailbox's current end (OTP's recv marker), for {@link #receiveAfter}. Take it
     * before making the reference (monitor, make_ref, spawn) that the later receive waits for.
     */
    MailboxMark markMailbox();

    /**
     * Like {@link #receive(Matcher, long)}, for a matcher that can only accept messages that
     * arrived after the mark (it needs a reference or pid made after it): older messages are
     * not looked at, so a call costs the same with a long mailbox. The matcher must be free of
     * side effects (it may be tried on newer messages than the one it accepts); the message
     * taken is the oldest one it accepts, as with receive.
     */
    <T> Optional<T> receiveAfter(MailboxMark mark, Matcher<T> matcher, long timeoutMs);

    default Object receive() { return receive(Matcher.any(), INFINITY).orElseThrow(); }

    default <T> T receive(Matcher<T> matcher) { return receive(matcher, INFINITY).orElseThrow(); }

    /** Waits, letting signals in: like timer:sleep/1, a pending kill still ends the process. */
    default void sleep(long ms) { receive(m -> null, ms); }

    Pid spawn(ProcessBody body);

    Pid spawnLink(ProcessBody body);

    SpawnedMonitor spawnMonitor(ProcessBody body);

    record SpawnedMonitor(Pid pid, Ref ref) {}

    void link(Pid other);

    void unlink(Pid other);

    Ref monitor(Pid target);

    /** Removes a monitor; with flush, also drops a DOWN for it already in the mailbox. */
    void demonitor(Ref ref, boolean flush);

    /** Sets trap_exit and returns the previous value. */
    boolean trapExit(boolean trap);

    boolean trapsExits();

    /** Sends an exit signal (exit/2). */
    void exit(Pid target, Term reason);

    /** Ends the calling process with the reason (exit/1). Never returns. */
    default ProcessUnwind exit(Term reason) { throw new ProcessUnwind(reason, false); }

    Ref makeRef();

    /** Sends message to the target after ms; returns a reference for {@link #cancelTimer(Ref)}. */
    Ref sendAfter(long ms, Pid target, Object message);

    boolean cancelTimer(Ref timer);

    /** register/2: false if the name is taken or this process already has a name. */
    boolean register(String name);

    void unregister(String name);

    Optional<Pid> whereis(String name);

    boolean isAlive(Pid pid);

    /** Monotonic milliseconds: for durations, timeouts and restart windows. */
    long monotonicMillis();

    /** Wall-clock milliseconds since the epoch: for timestamps shown to people. */
    long systemMillis();

    /** A deterministic random source for this process (seeded in simulation). */
    java.util.random.RandomGenerator random();

    /**
     * Request-scoped metadata of this process (logger metadata, trace id, deadline).
     * Not for application state: that belongs in a behaviour's state.
     */
    Map<String, String> metadata();

    /** The process that spawned this one (proc_lib's parent), or Node.OUTSIDE. */
    Pid parent();

    /**
     * Activates a reply alias (OTP 24+ alias/1): replies tagged with ref reach this process
     * only while the alias is active, so a late reply after a call timeout is dropped.
     */
    void alias(Ref ref);

    void unalias(Ref ref);

    /**
     * A monitor whose reference is also an active alias: erlang:monitor(process, Target,
     * [{alias, demonitor}]), as gen:do_call makes it for a call.
     */
    default Ref monitorWithAlias(Pid target) {
        Ref ref = monitor(target);
        alias(ref);
        return ref;
    }

    /** What {@link #sendRequest} did: the mark taken before anything else, and the monitor's reference (also an alias). */
    record RequestSent(MailboxMark mark, Ref ref) {}

    /**
     * gen:do_call's opening as one step: a receive mark, a monitor of the server that is also an
     * alias ({@link #monitorWithAlias}), and the request, made from that reference, sent to the
     * server. The same as the three calls one after the other; a node may do them at once.
     */
    default RequestSent sendRequest(Pid server, java.util.function.Function<Ref, Object> request) {
        MailboxMark mark = markMailbox();
        Ref ref = monitorWithAlias(server);
        send(server, request.apply(ref));
        return new RequestSent(mark, ref);
    }

    /** Removes such a monitor (flushing its DOWN if asked) and then its alias, as demonitor/2 does for it. */
    default void demonitorWithAlias(Ref ref, boolean flush) {
        demonitor(ref, flush);
        unalias(ref);
    }

    /** Emits an event on the node's stream (behaviours report restarts and the like). */
    void emit(dev.canopy.engine.event.Event event);

    /** The node this process runs on, for behaviours that emit events. */
    dev.canopy.engine.runtime.Node node();
}
