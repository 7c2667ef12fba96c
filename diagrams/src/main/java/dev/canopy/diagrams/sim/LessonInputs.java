package dev.canopy.diagrams.sim;

import java.util.ArrayList;
import java.util.List;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.Outage;
import dev.canopy.diagrams.design.WorkerNode;

/** The design's dependency outages as inputs of its fault script: down at from_ms, back at to_ms. */
final class LessonInputs {
    private LessonInputs() {
    }

    static List<TimedInput> outages(Design design) {
        List<TimedInput> out = new ArrayList<>();
        for (String path : DesignPaths.allPaths(design)) {
            if (!(DesignPaths.find(design, path).orElse(null) instanceof WorkerNode w)) continue;
            for (Outage o : w.sim().dependency().outages()) {
                out.add(new TimedInput(o.fromMs(), new SimInput.DependencyDown(path)));
                out.add(new TimedInput(o.toMs(), new SimInput.DependencyUp(path)));
            }
        }
        return out;
    }
}
