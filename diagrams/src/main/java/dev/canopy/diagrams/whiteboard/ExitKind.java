package dev.canopy.diagrams.whiteboard;

import dev.canopy.engine.term.Term;

/**
 * How a node ends in a "what if this dies?" question: a crash (any abnormal reason, e.g. an
 * exception or {@code :killed}), a normal exit ({@code :normal}) or a shutdown ({@code :shutdown}
 * or {@code {:shutdown, _}}). OTP's restart decision only distinguishes these three (SEMANTICS §6.3).
 */
public enum ExitKind {
    CRASH, NORMAL, SHUTDOWN;

    /** True for the reasons OTP treats as a normal stop (normal, shutdown). */
    public boolean isNormalStop() {
        return this != CRASH;
    }

    /** The reason as a sentence fragment: "crashes (an abnormal reason)", "exits with :normal", ... */
    public String phrase() {
        return switch (this) {
            case CRASH -> "crashes (exits with an abnormal reason)";
            case NORMAL -> "exits with :normal";
            case SHUTDOWN -> "exits with :shutdown";
        };
    }

    /** A representative reason term: an abnormal atom for a crash. */
    public Term reason() {
        return switch (this) {
            case CRASH -> Term.atom("boom");
            case NORMAL -> Term.NORMAL;
            case SHUTDOWN -> Term.SHUTDOWN;
        };
    }

    /** The reason as it appears in explanations. */
    String reasonText() {
        return switch (this) {
            case CRASH -> "an abnormal reason";
            case NORMAL -> ":normal";
            case SHUTDOWN -> ":shutdown";
        };
    }
}
