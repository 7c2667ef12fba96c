package dev.canopy.diagrams.design;

import java.util.Objects;

/**
 * An Elixir Registry ({@code {Registry, keys: :unique, name: X}}); a supervisor in child-spec
 * terms. Defaults: unique keys, 1 partition. Workers register through it with a
 * {@link Naming.Via} naming; it must start before them.
 */
public record RegistryNode(String id, String label, String notes, ChildSpecFields spec, Keys keys, int partitions)
        implements DesignNode {

    /** Registry {@code :keys}. */
    public enum Keys {
        UNIQUE, DUPLICATE;

        public String atom() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RegistryNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(keys, "keys");
    }

    public static RegistryNode of(String id) {
        return new RegistryNode(id, "", "", ChildSpecFields.defaults(DesignKind.REGISTRY), Keys.UNIQUE, 1);
    }

    @Override public DesignKind kind() { return DesignKind.REGISTRY; }

    @Override public RegistryNode withId(String id) { return new RegistryNode(id, label, notes, spec, keys, partitions); }

    @Override public RegistryNode withLabel(String label) { return new RegistryNode(id, label, notes, spec, keys, partitions); }

    @Override public RegistryNode withNotes(String notes) { return new RegistryNode(id, label, notes, spec, keys, partitions); }

    @Override public RegistryNode withSpec(ChildSpecFields spec) { return new RegistryNode(id, label, notes, spec, keys, partitions); }

    public RegistryNode withKeys(Keys keys) { return new RegistryNode(id, label, notes, spec, keys, partitions); }

    public RegistryNode withPartitions(int partitions) { return new RegistryNode(id, label, notes, spec, keys, partitions); }
}
