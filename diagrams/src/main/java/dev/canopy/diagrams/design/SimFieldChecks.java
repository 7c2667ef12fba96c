package dev.canopy.diagrams.design;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the simulator-only worker fields that the lessons use: a dependency's
 * {@code outages} and a worker's {@code calls}. Each problem names its JSON path and says what to
 * change; the validator adds them to its own.
 */
final class SimFieldChecks {
    private SimFieldChecks() {
    }

    static List<DesignProblem> check(Design design) {
        List<DesignProblem> out = new ArrayList<>();
        for (String path : DesignPaths.allPaths(design)) {
            if (!(DesignPaths.find(design, path).orElse(null) instanceof WorkerNode w)) continue;
            String json = DesignPaths.jsonPath(design, path).orElse("$.tree");
            outages(w, json + ".sim.dependency.outages", out);
            if (w.sim().calls() != null) calls(design, path, w.sim().calls(), json + ".sim.calls", out);
        }
        return out;
    }

    private static void outages(WorkerNode w, String json, List<DesignProblem> out) {
        List<Outage> outages = w.sim().dependency().outages();
        if (outages.isEmpty()) return;
        if (w.sim().dependency().kind() == Dependency.Kind.NONE) {
            out.add(DesignProblem.error(json, "'" + w.id() + "' has outages but no dependency: set dependency.kind to local or "
                    + "remote, or remove the outages"));
            return;
        }
        long previousEnd = -1;
        for (int i = 0; i < outages.size(); i++) {
            Outage o = outages.get(i);
            String at = json + "[" + i + "]";
            if (o.toMs() <= o.fromMs()) {
                out.add(DesignProblem.error(at + ".to_ms", "an outage must end after it starts: to_ms " + o.toMs()
                        + " is not after from_ms " + o.fromMs()));
            } else if (o.fromMs() < previousEnd) {
                out.add(DesignProblem.error(at + ".from_ms", "outages must be in time order without overlapping: this one starts at "
                        + o.fromMs() + " ms, before the previous one ends at " + previousEnd + " ms"));
            }
            previousEnd = Math.max(previousEnd, o.toMs());
        }
    }

    private static void calls(Design design, String path, CallPlan c, String json, List<DesignProblem> out) {
        var target = DesignPaths.find(design, c.target());
        if (c.target().equals(path)) {
            out.add(DesignProblem.error(json + ".target", "a worker cannot call itself (its call would wait for its own reply "
                    + "until the timeout): name another worker"));
        } else if (target.isEmpty()) {
            out.add(DesignProblem.error(json + ".target", "there is no node '" + c.target() + "' in the tree: name a worker "
                    + "by its slash path, such as " + design.root().id() + "/service"));
        } else if (!(target.get() instanceof WorkerNode)) {
            out.add(DesignProblem.error(json + ".target", "'" + c.target() + "' is a " + target.get().kind().jsonName()
                    + ", not a worker: a caller calls a GenServer worker"));
        }
        if (c.everyMs() <= 0) {
            out.add(DesignProblem.error(json + ".every_ms", "every_ms must be more than 0, not " + c.everyMs()));
        }
        if (c.timeoutMs() <= 0) {
            out.add(DesignProblem.error(json + ".timeout_ms", "timeout_ms must be more than 0, not " + c.timeoutMs()));
        }
        if (c.policy() == CallPolicy.RETRY && c.retryInMs() <= 0) {
            out.add(DesignProblem.error(json + ".retry_in_ms", "retry_in_ms must be more than 0 for the retry policy, not "
                    + c.retryInMs()));
        }
        if (c.policy() == CallPolicy.RETRY && c.maxAttempts() < 2) {
            out.add(DesignProblem.warning(json + ".max_attempts", "with max_attempts " + c.maxAttempts()
                    + " the retry policy never retries: allow 2 or more attempts"));
        }
    }
}
