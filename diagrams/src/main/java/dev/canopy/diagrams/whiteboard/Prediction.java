package dev.canopy.diagrams.whiteboard;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What OTP will do when the node at {@code path} ends in the given way, worked out from the design
 * alone (no simulation). Paths are design paths ({@code root/sub/a}); sets are in start order.
 *
 * <ul>
 * <li>{@code restarted}: nodes a supervisor starts again itself (the failed child, the siblings of
 *     a one_for_all / rest_for_one group, a supervisor restarted by its parent after it gave up);
 *     the simulator logs each as {@code RESTARTED}.</li>
 * <li>{@code startedAgain}: nodes below a restarted supervisor: they are stopped with it and
 *     started fresh by its new incarnation (logged as {@code STARTED}).</li>
 * <li>{@code stopped}: nodes that end up stopped and stay stopped.</li>
 * <li>{@code untouched}: nodes running at boot that keep running, same process.</li>
 * <li>{@code explanations}: one plain-language paragraph per affected node (and per supervisor
 *     that gives up or shuts itself down).</li>
 * <li>{@code escalation}: whether this one exit already takes a supervisor down.</li>
 * <li>{@code budget}: the restart budget of the supervisor that decides, and what happens if this
 *     exit repeats quickly.</li>
 * </ul>
 * {@code supervisorPath} is {@code ""} for the root.
 */
public record Prediction(String path, ExitKind kind, String supervisorPath, Set<String> restarted,
                         Set<String> startedAgain, Set<String> stopped, Set<String> untouched,
                         Map<String, String> explanations, Escalation escalation, Budget budget, String summary) {

    public Prediction {
        restarted = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(restarted));
        startedAgain = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(startedAgain));
        stopped = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(stopped));
        untouched = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(untouched));
        explanations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(explanations));
    }

    /** The explanation for one node, or "" when it is untouched. */
    public String explain(String nodePath) {
        return explanations.getOrDefault(nodePath, "");
    }

    /** How far up the tree the failure reaches with this single exit. */
    public record Escalation(Level level, String supervisorPath, String text) {
        public enum Level {
            /** The failure stays with the supervisor that decided. */
            NONE,
            /** A supervisor exited (gave up or shut itself down) and its parent restarts it. */
            PARENT_RESTARTS_SUPERVISOR,
            /** A supervisor exited and stays stopped (transient/temporary child of its parent). */
            SUPERVISOR_STAYS_DOWN,
            /** The root exits: the whole tree (the application) stops. */
            WHOLE_TREE_STOPS
        }
    }

    /**
     * The restart budget of the deciding supervisor. {@code counts}: this exit costs a restart;
     * {@code giveUpAt}: the occurrence (within {@code maxSeconds}) at which the supervisor gives up;
     * {@code crashesToStopTree}: how many quick occurrences stop the whole tree (intensities
     * multiply across levels; empty when escalation stops on the way up); {@code ifExceeded}: the
     * prediction for the occurrence that exceeds the budget.
     */
    public record Budget(String supervisorPath, int maxRestarts, int maxSeconds, boolean counts, int giveUpAt,
                         OptionalInt crashesToStopTree, Optional<Prediction> ifExceeded, String text) {

        /** True when {@code times} occurrences in quick succession (within maxSeconds) exceed the budget. */
        public boolean exceededAfter(int times) {
            return counts && times >= giveUpAt;
        }
    }
}
