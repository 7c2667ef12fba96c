package dev.canopy.engine.task;

import dev.canopy.engine.process.CallReply;
import dev.canopy.engine.process.Matcher;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessBody;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Ref;

/** The bodies of task processes (Task.Supervised), and the owner's side of the hand-off. */
final class TaskProcess {
    private TaskProcess() {}

    /**
     * The owner's go-ahead: the task waits for it, so the monitor and alias exist before
     * the work starts and the reply always has a reference to carry.
     */
    record Go(Pid owner, Ref ref, boolean linkOwner) {}

    static <T> ProcessBody replying(TaskBody<T> body) {
        return ctx -> {
            Go go = ctx.receive(Matcher.type(Go.class));
            if (go.linkOwner()) ctx.link(go.owner());
            T value = body.run(ctx);
            // A CallReply reaches the owner only while its alias is active: a late reply is dropped.
            ctx.send(go.owner(), new CallReply(go.ref(), value));
        };
    }

    /** Fire and forget: nobody waits for the result. */
    static ProcessBody detached(TaskBody<?> body) {
        return body::run;
    }

    /** Monitors the started task, opens the reply alias and lets the task run. */
    static <T> Task<T> handOff(ProcessContext ctx, Pid pid, boolean linkOwner) {
        Ref ref = ctx.monitor(pid);
        ctx.alias(ref);
        ctx.send(pid, new Go(ctx.self(), ref, linkOwner));
        return new Task<>(pid, ref, ctx.self());
    }
}
