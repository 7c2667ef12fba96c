package dev.canopy.diagrams.design;

import java.util.Objects;

/**
 * A worker that calls another worker of the tree every {@code everyMs} with {@code timeoutMs}, and
 * decides by its {@link CallPolicy} what an error means to it. {@code retryInMs} is the first retry's
 * delay (retry policy; doubled for each further attempt) and {@code maxAttempts} how many calls one
 * request may take before the caller gives up. Simulator-only: the exporters leave it out (an
 * exported worker is a stub).
 */
public record CallPlan(String target, long everyMs, CallPolicy policy, long retryInMs, int maxAttempts, long timeoutMs) {
    public static final long DEFAULT_TIMEOUT_MS = 1000;

    public CallPlan {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(policy, "policy");
    }
}
