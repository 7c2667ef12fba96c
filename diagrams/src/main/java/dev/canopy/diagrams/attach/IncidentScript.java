package dev.canopy.diagrams.attach;

import java.util.ArrayList;
import java.util.List;

import dev.canopy.diagrams.design.Design;
import dev.canopy.engine.term.ReasonSyntax;
import dev.canopy.engine.scenario.Step;

/**
 * The exits recorded while attached, as a fault script on an imported design, so the incident
 * plays again on the deterministic engine. Only causes are replayed: an exit with reason
 * {@code shutdown} within {@link #CONSEQUENCE_MS} of an earlier exit of the same application is
 * the supervisor's doing (a sibling or subtree stopped to be restarted) and the engine will
 * produce it itself; restarts are likewise the engine's to make. Times start at the first exit.
 * A process killed ({@code killed}) is replayed as exit {@code kill}; a reason the script format
 * cannot write becomes a crash.
 */
public final class IncidentScript {

    public static final long CONSEQUENCE_MS = 1000;

    private IncidentScript() {}

    public static List<Step> of(List<LiveEvent> events, String node, String app, Design design) {
        List<Step> steps = new ArrayList<>();
        long first = -1;
        long lastCause = Long.MIN_VALUE;
        for (LiveEvent e : events) {
            if (!(e instanceof LiveEvent.Exit x) || !x.node().equals(node) || x.path().size() < 2
                    || !x.path().getFirst().equals(app)) {
                continue;
            }
            boolean consequence = (x.reason().equals("shutdown") || x.reason().startsWith("{shutdown,"))
                    && x.atMs() - lastCause <= CONSEQUENCE_MS;
            if (consequence) continue;
            if (first < 0) first = x.atMs();
            lastCause = x.atMs();
            String target = design.root().id() + "/" + String.join("/", x.path().subList(1, x.path().size()));
            Step.Action action = x.reason().equals("killed") ? new Step.Exit(target, "kill")
                    : ReasonSyntax.parse(x.reason()).isPresent() ? new Step.Exit(target, x.reason())
                    : new Step.Crash(target);
            steps.add(new Step(x.atMs() - first, false, action));
        }
        return steps;
    }

    /** The design with the incident as its fault script. */
    public static Design replay(Design design, List<LiveEvent> events, String node, String app) {
        return design.withFaultScript(of(events, node, app, design));
    }
}
