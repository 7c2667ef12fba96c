package dev.canopy.engine.registry;

import dev.canopy.engine.process.Pid;

/** The calls a registry answers; the owner of a registration is always the caller. */
sealed interface RegistryRequest {
    record Register(Object key, Object value) implements RegistryRequest {}
    record Unregister(Object key) implements RegistryRequest {}
    record Lookup(Object key) implements RegistryRequest {}
    record Keys(Pid owner) implements RegistryRequest {}
    record Count() implements RegistryRequest {}
}
