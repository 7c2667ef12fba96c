package dev.canopy.engine.registry;

/** Registry's :keys option: one owner per key, or any number of (pid, value) entries per key. */
public enum RegistryKeys {
    UNIQUE, DUPLICATE;

    public String atom() { return name().toLowerCase(java.util.Locale.ROOT); }
}
