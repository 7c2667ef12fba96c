package dev.canopy.engine.supervisor;

import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;

import java.util.List;

/** supervisor's API: start_link and the child management calls (all synchronous, no timeout). */
public final class Supervisors {
    private Supervisors() {}

    public static StartResult startLink(ProcessContext ctx, SupervisorModule module) {
        return GenServers.startLink(ctx, () -> new SupervisorServer(module));
    }

    public static StartResult startLink(ProcessContext ctx, SupervisorModule module, String name) {
        return GenServers.startLink(ctx, () -> new SupervisorServer(module), name);
    }

    /** A child spec that starts a supervisor with this module (shutdown infinity, as OTP advises). */
    public static ChildSpec childSpec(String id, SupervisorModule module) {
        return ChildSpec.supervisor(id, sup -> startLink(sup, module));
    }

    public static Reply<ChildResult> startChild(ProcessContext ctx, Pid sup, ChildSpec spec) {
        return Reply.call(ctx, sup, new SupervisorRequest.StartChild(spec), ChildResult.class);
    }

    public static Reply<ChildResult> terminateChild(ProcessContext ctx, Pid sup, String id) {
        return Reply.call(ctx, sup, new SupervisorRequest.TerminateChild(id), ChildResult.class);
    }

    public static Reply<ChildResult> restartChild(ProcessContext ctx, Pid sup, String id) {
        return Reply.call(ctx, sup, new SupervisorRequest.RestartChild(id), ChildResult.class);
    }

    public static Reply<ChildResult> deleteChild(ProcessContext ctx, Pid sup, String id) {
        return Reply.call(ctx, sup, new SupervisorRequest.DeleteChild(id), ChildResult.class);
    }

    @SuppressWarnings("unchecked")
    public static Reply<List<ChildInfo>> whichChildren(ProcessContext ctx, Pid sup) {
        Reply<List> r = Reply.call(ctx, sup, new SupervisorRequest.WhichChildren(), List.class);
        return (Reply<List<ChildInfo>>) (Reply<?>) r;
    }

    public static Reply<ChildCounts> countChildren(ProcessContext ctx, Pid sup) {
        return Reply.call(ctx, sup, new SupervisorRequest.CountChildren(), ChildCounts.class);
    }
}
