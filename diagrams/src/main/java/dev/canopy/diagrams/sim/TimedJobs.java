package dev.canopy.diagrams.sim;

import java.time.Instant;

import dev.canopy.diagrams.design.LabAction;
import dev.canopy.engine.process.ProcessContext;

/**
 * Lesson 9, monotonic against system time: a worker times a job with both clocks. System time
 * (os:system_time, DateTime.utc_now) is for timestamps and may be moved (NTP, a person, a VM
 * resumed); monotonic time (System.monotonic_time) only moves forward at the rate of real time.
 * Jump the system clock while the job runs and only the system-time duration goes wrong.
 */
final class TimedJobs {
    private TimedJobs() {}

    static void run(ProcessContext ctx, ProcessBook book, String path, LabAction.TimedJob t) {
        long sys0 = ctx.systemMillis(), mono0 = ctx.monotonicMillis();
        LabWork.note(book, path, ctx, "job started; system time reads " + Instant.ofEpochMilli(sys0));
        ctx.sleep(t.workMs());
        long bySystem = ctx.systemMillis() - sys0, byMonotonic = ctx.monotonicMillis() - mono0;
        LabWork.note(book, path, ctx, "job done: by monotonic time it took " + byMonotonic + " ms; by system time "
                + bySystem + " ms" + (bySystem == byMonotonic ? " (the same: the system clock did not move)"
                : " — wrong by " + (bySystem - byMonotonic) + " ms: the system clock was moved during the job"));
    }

    /** The log line for a jump of the simulated system clock (the clock has already moved). */
    static String jumped(long byMs, long systemNowMs) {
        return "the system clock jumped " + (byMs < 0 ? "back " : "forward ") + Math.abs(byMs) + " ms and now reads "
                + Instant.ofEpochMilli(systemNowMs) + "; monotonic time did not move";
    }
}
