package dev.canopy.engine.application;

import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.supervisor.SupervisorModule;

/**
 * A small Application: start a top supervisor under a master process, stop it, and hear
 * about it when it ends by itself (a temporary application: reported, nothing else stops).
 */
public final class Applications {
    private Applications() {}

    /** Starts the application's master and top supervisor; waits until both are up. */
    public static ApplicationStart start(ProcessContext ctx, String name, SupervisorModule top) {
        // Unlinked (monitored only while starting), like a master under application_controller.
        return switch (GenServers.start(ctx, () -> new ApplicationMaster(name, top), null, false)) {
            case StartResult.Started s -> {
                var started = ctx.receive(m -> m instanceof ApplicationMaster.TopStarted t && t.master().equals(s.pid()) ? t : null, 0)
                        .orElseThrow(() -> new IllegalStateException("master acked without naming its top supervisor"));
                yield new ApplicationStart.Started(new ApplicationHandle(name, s.pid(), started.top()));
            }
            case StartResult.Failed f -> new ApplicationStart.Failed(f.reason());
            case StartResult.Ignored i -> throw new IllegalStateException("an application master never ignores");
        };
    }

    /**
     * Stops the top supervisor with shutdown and waits until it and the master are gone, so
     * that every process of the application has ended when this returns.
     */
    public static ApplicationStop stop(ProcessContext ctx, ApplicationHandle app) {
        var mon = ctx.monitor(app.master());
        var result = GenServers.call(ctx, app.master(), new ApplicationMaster.Stop(), ProcessContext.INFINITY);
        ctx.receive(m -> m instanceof Down d && d.ref().equals(mon) ? d : null);
        return switch (result) {
            case CallResult.Replied r -> (ApplicationStop) r.value();
            case CallResult.Exited e -> new ApplicationStop.NotRunning();
        };
    }
}
