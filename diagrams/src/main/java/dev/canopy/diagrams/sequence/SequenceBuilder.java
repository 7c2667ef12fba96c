package dev.canopy.diagrams.sequence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.event.EventRecord;
import dev.canopy.engine.process.CallReply;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.term.Term;

/**
 * Turns the engine's event stream into a {@link SequenceDiagram}. Which process each pid is comes
 * from {@code nameOf} (a design path's last segment, "you", ...); messages between pids it does
 * not name are left out. Calls are matched with their replies by caller (a call is synchronous);
 * a call whose caller exits before any reply gets a timeout
 * note (or, when the callee exited first, a note that it never answered).
 */
public final class SequenceBuilder {
    private final Function<Pid, Optional<String>> nameOf;
    private final long startMs;
    private final Map<Pid, String> lifelineOf = new LinkedHashMap<>();
    private final Map<String, Integer> incarnations = new HashMap<>();
    private final List<SequenceDiagram.Lifeline> lifelines = new ArrayList<>();
    private final List<SequenceDiagram.Item> items = new ArrayList<>();
    /** Per caller, the process it is waiting on (a gen_server call is synchronous: one at a time). */
    private final Map<Pid, Pid> pending = new LinkedHashMap<>();
    private final Map<Pid, Boolean> exited = new HashMap<>();

    private SequenceBuilder(Function<Pid, Optional<String>> nameOf, long startMs) {
        this.nameOf = nameOf;
        this.startMs = startMs;
    }

    /** The diagram of {@code events}; times are relative to {@code startMs} (monotonic ms). */
    public static SequenceDiagram build(List<EventRecord> events, Function<Pid, Optional<String>> nameOf, long startMs) {
        var b = new SequenceBuilder(nameOf, startMs);
        for (var e : events) b.on(e);
        return new SequenceDiagram(b.lifelines, b.items);
    }

    private void on(EventRecord r) {
        long at = r.monotonicMillis() - startMs;
        switch (r.event()) {
            case Event.Sent s -> sent(at, s);
            case Event.ExitSignalSent x -> {
                var from = lifeline(x.from());
                var to = lifeline(x.to());
                if (from != null && to != null && !x.from().equals(x.to())) {
                    items.add(new SequenceDiagram.Message(at, SequenceDiagram.Kind.EXIT, from, to, "EXIT " + x.reason().render()));
                }
            }
            case Event.DownDelivered d -> {
                var from = lifeline(d.target());
                var to = lifeline(d.watcher());
                if (from != null && to != null) {
                    items.add(new SequenceDiagram.Message(at, SequenceDiagram.Kind.DOWN, from, to, "DOWN " + d.reason().render()));
                }
            }
            case Event.Exited x -> exitedAt(at, x.pid(), x.reason());
            case Event.ChildStarted c when c.restart() -> {
                var on = lifeline(c.child());
                var by = lifeline(c.supervisor());
                if (on != null) items.add(new SequenceDiagram.Note(at, on, "restarted" + (by == null ? "" : " by " + label(by))));
            }
            default -> { }
        }
    }

    /**
     * gen_server's own '$gen_call' and '$gen_cast' messages are the engine's package-private
     * protocol records; they are recognised by their class, as a trace reads the tuple's tag.
     */
    static final String GEN_CALL = "dev.canopy.engine.genserver.Protocol$Call";
    static final String GEN_CAST = "dev.canopy.engine.genserver.Protocol$Cast";
    static final String GEN_PROTOCOL = "dev.canopy.engine.genserver.Protocol$";

    private void sent(long at, Event.Sent s) {
        var type = s.message() == null ? "" : s.message().getClass().getName();
        if (type.equals(GEN_CALL)) {
            var from = lifeline(s.from());
            var to = lifeline(s.to());
            if (from == null || to == null) return;
            pending.put(s.from(), s.to());
            items.add(new SequenceDiagram.Message(at, SequenceDiagram.Kind.CALL, from, to, "call"));
            return;
        }
        if (type.equals(GEN_CAST)) {
            message(at, s, SequenceDiagram.Kind.CAST, "cast");
            return;
        }
        if (type.startsWith(GEN_PROTOCOL)) return; // init acks and sys messages: plumbing, not the run's story
        switch (s.message()) {
            case CallReply reply when !s.from().equals(pending.get(s.to())) -> {
                // Not the answer to a gen_server call: a task's result, sent to its owner's alias
                // (drawn while the owner lives; a late reply to a caller that gave up is not drawn).
                if (!exited.containsKey(s.to())) message(at, s, SequenceDiagram.Kind.REPLY, "result " + describe(reply.value()));
            }
            case CallReply reply -> {
                pending.remove(s.to());
                var from = lifeline(s.from());
                var to = lifeline(s.to());
                if (from == null || to == null) return;
                items.add(new SequenceDiagram.Message(at, SequenceDiagram.Kind.REPLY, from, to, "reply " + describe(reply.value())));
            }
            case ExitMessage x -> { } // drawn from ExitSignalSent
            case Down d -> { } // drawn from DownDelivered
            case null -> { }
            default -> message(at, s, SequenceDiagram.Kind.INFO, describe(s.message()));
        }
    }

    private void message(long at, Event.Sent s, SequenceDiagram.Kind kind, String text) {
        var from = lifeline(s.from());
        var to = lifeline(s.to());
        if (from != null && to != null && !s.from().equals(s.to())) items.add(new SequenceDiagram.Message(at, kind, from, to, text));
    }

    private void exitedAt(long at, Pid pid, Term reason) {
        exited.put(pid, true);
        var on = lifelineOf.get(pid);
        var waitedOn = pending.remove(pid);
        var caller = lifelineOf.get(pid);
        if (waitedOn != null && caller != null) {
            var callee = label(lifelineOf.get(waitedOn));
            items.add(new SequenceDiagram.Note(at, caller, exited.containsKey(waitedOn)
                    ? "no reply: " + callee + " exited first" : "timeout: no reply from " + callee));
        }
        if (on != null) items.add(new SequenceDiagram.Note(at, on, "exit " + reason.render()));
    }

    private String label(String lifelineId) {
        return lifelines.stream().filter(l -> l.id().equals(lifelineId)).map(SequenceDiagram.Lifeline::label).findFirst().orElse("?");
    }

    /** The lifeline id of a pid (created on first sight), or null when it is not named. */
    private String lifeline(Pid pid) {
        var known = lifelineOf.get(pid);
        if (known != null) return known;
        var name = nameOf.apply(pid);
        if (name.isEmpty()) return null;
        int n = incarnations.merge(name.get(), 1, Integer::sum);
        var id = "p" + lifelines.size();
        lifelines.add(new SequenceDiagram.Lifeline(id, n == 1 ? name.get() : name.get() + " (" + n + ")"));
        lifelineOf.put(pid, id);
        return id;
    }

    /** A message as a short text: a term rendered, a string or number as is, anything else by its type name. */
    static String describe(Object message) {
        return switch (message) {
            case null -> "nil";
            case Term t -> t.render();
            case String str -> str;
            case Number n -> n.toString();
            default -> snake(message.getClass().getSimpleName());
        };
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
