package dev.canopy.diagrams.sim;

/**
 * One design node while the simulation runs. pid is the current incarnation's ("" when none);
 * restarts counts restarts of this node; for supervisors, recentRestarts against maxRestarts
 * is the restart-intensity gauge: the restarts the supervisor still counts now, by the engine's own
 * rule (OTP's add_restart: whole seconds, an entry exactly windowSeconds old still counts).
 */
public record NodeState(String path, NodeStatus status, String pid, int incarnation, int restarts,
                        int mailbox, String lastExitReason, int recentRestarts, int maxRestarts, int windowSeconds,
                        String note) {

    /**
     * A node without a note. {@code note} is a worker's own short status for the lessons
     * ("down · try 3 at 1400 ms", "queue 2", "ALARM"); "" for none.
     */
    public NodeState(String path, NodeStatus status, String pid, int incarnation, int restarts, int mailbox,
                     String lastExitReason, int recentRestarts, int maxRestarts, int windowSeconds) {
        this(path, status, pid, incarnation, restarts, mailbox, lastExitReason, recentRestarts, maxRestarts, windowSeconds, "");
    }

    public NodeState withNote(String newNote) {
        return new NodeState(path, status, pid, incarnation, restarts, mailbox, lastExitReason, recentRestarts, maxRestarts,
                windowSeconds, newNote);
    }

    /** True when one more restart now makes the supervisor give up (the gauge is full). */
    public boolean nextRestartGivesUp() {
        return maxRestarts >= 0 && windowSeconds > 0 && recentRestarts + 1 > maxRestarts;
    }

    /** How full the restart budget is, 0..1 (0 for workers). */
    public double intensityFill() {
        if (maxRestarts <= 0) return recentRestarts > 0 ? 1.0 : 0.0;
        return Math.min(1.0, recentRestarts / (double) (maxRestarts + 1));
    }
}
