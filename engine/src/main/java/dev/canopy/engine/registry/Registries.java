package dev.canopy.engine.registry;

import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.supervisor.ChildSpec;

import java.util.List;
import java.util.Optional;

/**
 * Elixir's Registry API. Registrations belong to the calling process. Like Elixir, which
 * raises for an unknown registry, every function exits the caller when the registry is
 * gone (with the call's noproc reason): that is a bug in the caller's tree, not a result.
 */
public final class Registries {
    private Registries() {}

    /** Starts a registry linked to the caller; name may be null for an unnamed one. */
    public static StartResult startLink(ProcessContext ctx, RegistryKeys keys, String name) {
        return GenServers.startLink(ctx, () -> new RegistryServer(keys), name);
    }

    /** A unique-key registry as a supervisor child, also registered under a local name. */
    public static ChildSpec childSpec(String id, String name) {
        return childSpec(id, name, RegistryKeys.UNIQUE);
    }

    /** Registry.child_spec/1: type supervisor (Elixir's registry is one), so shutdown infinity. */
    public static ChildSpec childSpec(String id, String name, RegistryKeys keys) {
        return ChildSpec.supervisor(id, sup -> startLink(sup, keys, name));
    }

    public static RegisterResult register(ProcessContext ctx, Pid registry, Object key, Object value) {
        return (RegisterResult) call(ctx, registry, new RegistryRequest.Register(key, value));
    }

    /** Removes the caller's entries under key; does nothing if it has none. */
    public static void unregister(ProcessContext ctx, Pid registry, Object key) {
        call(ctx, registry, new RegistryRequest.Unregister(key));
    }

    @SuppressWarnings("unchecked")
    public static List<RegistryEntry> lookup(ProcessContext ctx, Pid registry, Object key) {
        return (List<RegistryEntry>) call(ctx, registry, new RegistryRequest.Lookup(key));
    }

    /** The keys owner has registered, in registration order. */
    @SuppressWarnings("unchecked")
    public static List<Object> keys(ProcessContext ctx, Pid registry, Pid owner) {
        return (List<Object>) call(ctx, registry, new RegistryRequest.Keys(owner));
    }

    /** The number of registered entries. */
    public static int count(ProcessContext ctx, Pid registry) {
        return (Integer) call(ctx, registry, new RegistryRequest.Count());
    }

    public static ViaName viaName(Pid registry, Object key) { return new ViaName(registry, key); }

    /** Registry.whereis_name/1: the owner of a unique key. */
    public static Optional<Pid> whereisName(ProcessContext ctx, ViaName name) {
        return lookup(ctx, name.registry(), name.key()).stream().map(RegistryEntry::pid).findFirst();
    }

    private static Object call(ProcessContext ctx, Pid registry, RegistryRequest request) {
        return GenServers.callOrExit(ctx, registry, request, ProcessContext.INFINITY);
    }
}
