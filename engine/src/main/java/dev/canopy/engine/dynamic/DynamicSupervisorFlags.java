package dev.canopy.engine.dynamic;

import java.util.List;

/**
 * DynamicSupervisor options; {@link #DEFAULT} is Elixir's: max_restarts 3, max_seconds 5,
 * max_children infinity (-1), no extra_arguments. Strategy is always one_for_one.
 */
public record DynamicSupervisorFlags(int maxRestarts, int maxSeconds, int maxChildren, List<Object> extraArguments) {
    public static final int INFINITY = -1;
    public static final DynamicSupervisorFlags DEFAULT = new DynamicSupervisorFlags(3, 5, INFINITY, List.of());

    public DynamicSupervisorFlags {
        extraArguments = List.copyOf(extraArguments);
    }

    public DynamicSupervisorFlags withIntensity(int restarts, int seconds) {
        return new DynamicSupervisorFlags(restarts, seconds, maxChildren, extraArguments);
    }

    public DynamicSupervisorFlags withMaxChildren(int max) {
        return new DynamicSupervisorFlags(maxRestarts, maxSeconds, max, extraArguments);
    }

    public DynamicSupervisorFlags withExtraArguments(List<Object> args) {
        return new DynamicSupervisorFlags(maxRestarts, maxSeconds, maxChildren, args);
    }
}
