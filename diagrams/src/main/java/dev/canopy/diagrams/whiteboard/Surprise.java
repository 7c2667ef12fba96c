package dev.canopy.diagrams.whiteboard;

/**
 * Something the simulator did that the prediction did not expect, classified so a person can
 * learn the rule behind it, with the sentence that explains it.
 */
public record Surprise(Kind kind, String path, String text) {
    public enum Kind {
        /** The supervisor used up max_restarts within max_seconds and gave up. */
        INTENSITY_EXHAUSTED,
        /** A supervisor exited and the failure went up to its parent (or stopped the tree). */
        ESCALATION,
        /** A temporary child is never restarted, not even in a group restart. */
        TEMPORARY_NOT_RESTARTED,
        /** A transient child is restarted only after an abnormal exit. */
        TRANSIENT_NOT_RESTARTED,
        /** The supervisor's strategy took more (or fewer) siblings down than expected. */
        STRATEGY,
        /** A Registry is linked to the processes registered in it: they die with it. */
        REGISTRY_LINK,
        /** Anything else (explained by the OTP rule that applies). */
        OTHER
    }

    /** The kind as a short title. */
    public String title() {
        return switch (kind) {
            case INTENSITY_EXHAUSTED -> "Restart intensity exhausted";
            case ESCALATION -> "Escalation";
            case TEMPORARY_NOT_RESTARTED -> "Temporary child not restarted";
            case TRANSIENT_NOT_RESTARTED -> "Transient child not restarted";
            case STRATEGY -> "The strategy decides";
            case REGISTRY_LINK -> "Linked to its Registry";
            case OTHER -> "OTP rule";
        };
    }
}
