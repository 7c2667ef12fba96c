package dev.canopy.engine.dynamic;

import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.supervisor.ChildCounts;
import dev.canopy.engine.supervisor.ChildInfo;
import dev.canopy.engine.supervisor.ChildResult;
import dev.canopy.engine.supervisor.ChildSpec;
import dev.canopy.engine.supervisor.Reply;

import java.util.List;

/** DynamicSupervisor's API: start_link, start_child, terminate_child, which_children, count_children. */
public final class DynamicSupervisors {
    private DynamicSupervisors() {}

    public static StartResult startLink(ProcessContext ctx, DynamicSupervisorModule module) {
        return GenServers.startLink(ctx, () -> new DynamicSupervisorServer(module));
    }

    public static StartResult startLink(ProcessContext ctx, DynamicSupervisorModule module, String name) {
        return GenServers.startLink(ctx, () -> new DynamicSupervisorServer(module), name);
    }

    public static ChildSpec childSpec(String id, DynamicSupervisorModule module) {
        return ChildSpec.supervisor(id, sup -> startLink(sup, module));
    }

    public static Reply<ChildResult> startChild(ProcessContext ctx, Pid sup, ChildSpec spec) {
        return Reply.call(ctx, sup, new DynamicRequest.StartChild(spec), ChildResult.class);
    }

    public static Reply<ChildResult> terminateChild(ProcessContext ctx, Pid sup, Pid child) {
        return Reply.call(ctx, sup, new DynamicRequest.TerminateChild(child), ChildResult.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Reply<List<ChildInfo>> whichChildren(ProcessContext ctx, Pid sup) {
        Reply<List> r = Reply.call(ctx, sup, new DynamicRequest.WhichChildren(), List.class);
        return (Reply<List<ChildInfo>>) (Reply<?>) r;
    }

    public static Reply<ChildCounts> countChildren(ProcessContext ctx, Pid sup) {
        return Reply.call(ctx, sup, new DynamicRequest.CountChildren(), ChildCounts.class);
    }
}
