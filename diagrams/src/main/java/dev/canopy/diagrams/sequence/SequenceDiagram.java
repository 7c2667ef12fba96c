package dev.canopy.diagrams.sequence;

import java.util.List;

/**
 * A run as a sequence diagram: one lifeline per process (a restarted process is a new lifeline),
 * and in time order the messages between them and the notes on them. Built by
 * {@link SequenceBuilder} from the engine's event stream; drawn by {@link MermaidSequence} and
 * {@link SequenceSvg}.
 */
public record SequenceDiagram(List<Lifeline> lifelines, List<Item> items) {
    public SequenceDiagram {
        lifelines = List.copyOf(lifelines);
        items = List.copyOf(items);
    }

    /** A process: a stable id ({@code p0}, {@code p1}, ...) and what to call it. */
    public record Lifeline(String id, String label) {}

    /** What a message is, which decides how it is drawn. */
    public enum Kind {
        /** gen_server call (synchronous request). */
        CALL,
        /** The reply to a call. */
        REPLY,
        /** gen_server cast. */
        CAST,
        /** Any other message (handle_info). */
        INFO,
        /** An exit signal (a link breaking, or exit/2). */
        EXIT,
        /** A monitor's DOWN message. */
        DOWN
    }

    /** Something at a virtual time (ms since the tree started). */
    public sealed interface Item {
        long atMs();
    }

    public record Message(long atMs, Kind kind, String from, String to, String text) implements Item {}

    /** A note on one lifeline: a process started or exited, a call that timed out. */
    public record Note(long atMs, String on, String text) implements Item {}
}
