package dev.canopy.engine.dynamic;

import dev.canopy.engine.process.ProcessContext;

import java.util.Optional;

/** A DynamicSupervisor's init callback: its options, or empty for :ignore. */
@FunctionalInterface
public interface DynamicSupervisorModule {
    Optional<DynamicSupervisorFlags> init(ProcessContext ctx) throws Exception;

    static DynamicSupervisorModule of(DynamicSupervisorFlags flags) { return ctx -> Optional.of(flags); }
}
