package dev.canopy.diagrams.design;

import java.util.Objects;

/** A worker (a GenServer): what the simulator plays ({@link WorkerSim}) and how it is registered ({@link Naming}). */
public record WorkerNode(String id, String label, String notes, ChildSpecFields spec, WorkerSim sim, Naming naming)
        implements DesignNode {

    public WorkerNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(naming, "naming");
    }

    public static WorkerNode of(String id) {
        return new WorkerNode(id, "", "", ChildSpecFields.defaults(DesignKind.WORKER), WorkerSim.DEFAULT, Naming.NONE);
    }

    @Override public DesignKind kind() { return DesignKind.WORKER; }

    @Override public WorkerNode withId(String id) { return new WorkerNode(id, label, notes, spec, sim, naming); }

    @Override public WorkerNode withLabel(String label) { return new WorkerNode(id, label, notes, spec, sim, naming); }

    @Override public WorkerNode withNotes(String notes) { return new WorkerNode(id, label, notes, spec, sim, naming); }

    @Override public WorkerNode withSpec(ChildSpecFields spec) { return new WorkerNode(id, label, notes, spec, sim, naming); }

    public WorkerNode withSim(WorkerSim sim) { return new WorkerNode(id, label, notes, spec, sim, naming); }

    public WorkerNode withNaming(Naming naming) { return new WorkerNode(id, label, notes, spec, sim, naming); }
}
