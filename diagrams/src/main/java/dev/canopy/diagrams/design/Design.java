package dev.canopy.diagrams.design;

import java.util.List;
import java.util.Objects;

import dev.canopy.engine.scenario.Step;

/**
 * A whole design: one {@code *.canopy.json} file. {@code format} is the file format version
 * ({@link #FORMAT}); {@code clusterNodes} is how many BEAM nodes the simulator plays (1 = one
 * node); {@code faultScript} is the optional timed list of steps of the conformance format;
 * {@code labSteps} the pattern lab's simulator-only steps ({@link LabAction}), kept apart so the
 * fault script stays a conformance scenario.
 */
public record Design(int format, String name, String description, int clusterNodes, DesignNode root,
                     List<Step> faultScript, List<LabStep> labSteps) {

    /** The format this version of Canopy reads and writes. */
    public static final int FORMAT = 1;

    public Design {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(root, "root");
        faultScript = List.copyOf(faultScript);
        labSteps = List.copyOf(labSteps);
    }

    /** A design without lab steps. */
    public Design(int format, String name, String description, int clusterNodes, DesignNode root, List<Step> faultScript) {
        this(format, name, description, clusterNodes, root, faultScript, List.of());
    }

    /** A design in the current format, on one node, without a fault script. */
    public static Design of(String name, String description, DesignNode root) {
        return new Design(FORMAT, name, description, 1, root, List.of());
    }

    public Design withName(String name) {
        return new Design(format, name, description, clusterNodes, root, faultScript, labSteps);
    }

    public Design withDescription(String description) {
        return new Design(format, name, description, clusterNodes, root, faultScript, labSteps);
    }

    public Design withClusterNodes(int clusterNodes) {
        return new Design(format, name, description, clusterNodes, root, faultScript, labSteps);
    }

    public Design withRoot(DesignNode root) {
        return new Design(format, name, description, clusterNodes, root, faultScript, labSteps);
    }

    public Design withFaultScript(List<Step> faultScript) {
        return new Design(format, name, description, clusterNodes, root, faultScript, labSteps);
    }

    public Design withLabSteps(List<LabStep> labSteps) {
        return new Design(format, name, description, clusterNodes, root, faultScript, labSteps);
    }

    /** Number of nodes in the tree, dynamic supervisors' child templates included. */
    public int nodeCount() {
        return root.subtreeSize();
    }
}
