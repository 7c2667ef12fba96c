package dev.canopy.app.ui.sim;

import java.util.List;

import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.TimedInput;

/**
 * The run on a time axis: the inputs (highlighted), the events, where the run is now and
 * where its branch ends. Positions map virtual ms to 0..1 along the strip.
 */
public record TimelineModel(List<TimedInput> inputs, List<SimEvent> events, long endMs, long nowMs, long scrubbedAtMs) {

    /** The axis length: the branch end, at least one second, so a fresh run has room. */
    public long spanMs() {
        return Math.max(1000, endMs);
    }

    public double position(long atMs) {
        return Math.clamp(atMs / (double) spanMs(), 0, 1);
    }

    public long timeAt(double position) {
        return Math.round(Math.clamp(position, 0, 1) * spanMs());
    }

    /** Inputs recorded after the scrubbed time: dropped if the run continues from there. */
    public long inputsAfterScrub() {
        if (scrubbedAtMs < 0) return 0;
        return inputs.stream().filter(i -> i.atMs() > scrubbedAtMs).count();
    }
}
