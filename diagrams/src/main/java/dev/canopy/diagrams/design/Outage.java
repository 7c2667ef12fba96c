package dev.canopy.diagrams.design;

/**
 * A window in which a worker's dependency is unavailable: from {@code fromMs} (virtual ms after the
 * tree started) until {@code toMs}. Simulator-only: the exporters leave it out.
 */
public record Outage(long fromMs, long toMs) {
}
