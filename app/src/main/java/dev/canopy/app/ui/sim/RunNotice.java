package dev.canopy.app.ui.sim;

import java.util.List;
import java.util.Optional;

import dev.canopy.diagrams.sim.SimEvent;

/**
 * Something worth a notification outside the log: a supervisor gave up, or the run ended (the
 * root exited). Found in the new log lines of a snapshot; several in one snapshot make one
 * notice. Toolkit-free.
 */
public record RunNotice(boolean ended, String title, String text) {

    /** The notice for these new lines of a run whose root is {@code rootId}, if any. */
    public static Optional<RunNotice> of(String rootId, List<SimEvent> fresh) {
        List<SimEvent> gaveUp = fresh.stream().filter(e -> e.kind() == SimEvent.Kind.GAVE_UP).toList();
        Optional<SimEvent> rootEnd = fresh.stream()
                .filter(e -> e.path().equals(rootId))
                .filter(e -> e.kind() == SimEvent.Kind.EXITED || e.kind() == SimEvent.Kind.STOPPED_BY_SUPERVISOR)
                .reduce((a, b) -> b);
        if (rootEnd.isPresent()) {
            String why = gaveUp.isEmpty() ? "" : " after " + describe(gaveUp);
            return Optional.of(new RunNotice(true, "The run ended", rootEnd.get().text() + why));
        }
        if (gaveUp.isEmpty()) return Optional.empty();
        String title = gaveUp.size() == 1 ? "A supervisor gave up" : gaveUp.size() + " supervisors gave up";
        return Optional.of(new RunNotice(false, title, gaveUp.getLast().text()));
    }

    private static String describe(List<SimEvent> gaveUp) {
        String who = gaveUp.stream().map(e -> e.path().substring(e.path().lastIndexOf('/') + 1)).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("");
        return who + " gave up";
    }
}
