package dev.canopy.diagrams.whiteboard;

/** What one node goes through after a fault, predicted or simulated. */
public enum Fate {
    /** Its supervisor started it again (the crashed child, or a sibling in a group restart). */
    RESTARTED,
    /** Stopped with a restarted supervisor and started fresh by its new incarnation. */
    STARTED_AGAIN,
    /** Stopped and not started again. */
    STOPPED,
    /** Kept running, same process. */
    UNTOUCHED;

    /** As a short phrase for a table cell. */
    public String phrase() {
        return switch (this) {
            case RESTARTED -> "restarted";
            case STARTED_AGAIN -> "started again";
            case STOPPED -> "stopped for good";
            case UNTOUCHED -> "untouched";
        };
    }
}
