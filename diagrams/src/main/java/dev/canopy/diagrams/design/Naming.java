package dev.canopy.diagrams.design;

import java.util.Objects;

/**
 * How a worker is registered: not at all, a local name ({@code name: MyApp.Cache}), a global name
 * ({@code {:global, name}}, one process across the cluster), or a via-name through a
 * {@link RegistryNode} of this design ({@code {:via, Registry, {registry, key}}}).
 */
public sealed interface Naming {

    /** The {@code "scope"} word in the file. */
    String scope();

    record None() implements Naming {
        @Override public String scope() { return "none"; }
    }

    /** {@code name}: an Elixir alias or an Erlang atom. */
    record Local(String name) implements Naming {
        public Local { Objects.requireNonNull(name, "name"); }
        @Override public String scope() { return "local"; }
    }

    record Global(String name) implements Naming {
        public Global { Objects.requireNonNull(name, "name"); }
        @Override public String scope() { return "global"; }
    }

    /** {@code registryId}: the id of a RegistryNode; {@code key}: the key it is registered under. */
    record Via(String registryId, String key) implements Naming {
        public Via {
            Objects.requireNonNull(registryId, "registryId");
            Objects.requireNonNull(key, "key");
        }
        @Override public String scope() { return "via"; }
    }

    Naming NONE = new None();
}
