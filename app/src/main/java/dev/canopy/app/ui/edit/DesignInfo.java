package dev.canopy.app.ui.edit;

import java.util.Objects;

import dev.canopy.diagrams.design.Design;

/** The design-level fields the inspector edits when no node is selected. */
public record DesignInfo(String name, String description, int clusterNodes) {

    public DesignInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    public static DesignInfo of(Design design) {
        return new DesignInfo(design.name(), design.description(), design.clusterNodes());
    }

    public Design applyTo(Design design) {
        return design.withName(name).withDescription(description).withClusterNodes(clusterNodes);
    }

    public DesignInfo withName(String name) {
        return new DesignInfo(name, description, clusterNodes);
    }

    public DesignInfo withDescription(String description) {
        return new DesignInfo(name, description, clusterNodes);
    }

    public DesignInfo withClusterNodes(int clusterNodes) {
        return new DesignInfo(name, description, clusterNodes);
    }
}
