package dev.canopy.engine.scenario;

import java.util.List;

/** A conformance scenario (shared/conformance/FORMAT.md): a tree and timed steps. */
public record Scenario(String name, String description, NodeSpec tree, List<Step> steps) {
    public Scenario {
        steps = List.copyOf(steps);
    }
}
