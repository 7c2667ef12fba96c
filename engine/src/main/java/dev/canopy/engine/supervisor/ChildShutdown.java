package dev.canopy.engine.supervisor;

import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.MailboxMark;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Ref;
import dev.canopy.engine.term.Term;

/**
 * Stops one child the way supervisor.erl shutdown/1 does: monitor it, send kill or shutdown,
 * wait for its DOWN (killing it when the shutdown time runs out), then unlink and drop the
 * 'EXIT' it sent so that the stop is never mistaken for a failure.
 */
public final class ChildShutdown {
    private ChildShutdown() {}

    /** Returns the child's exit reason. */
    public static Term shutdown(ProcessContext ctx, Pid child, Shutdown how) {
        MailboxMark mark = ctx.markMailbox(); // only the DOWN of this fresh monitor ends the waits
        Ref mon = ctx.monitor(child);
        Term reason = switch (how) {
            case Shutdown.BrutalKill b -> {
                ctx.exit(child, Term.KILL);
                yield awaitDown(ctx, mark, mon, ProcessContext.INFINITY);
            }
            case Shutdown.Infinity i -> {
                ctx.exit(child, Term.SHUTDOWN);
                yield awaitDown(ctx, mark, mon, ProcessContext.INFINITY);
            }
            case Shutdown.Timeout t -> {
                ctx.exit(child, Term.SHUTDOWN);
                Term r = awaitDown(ctx, mark, mon, t.ms());
                if (r == null) {
                    ctx.exit(child, Term.KILL);
                    r = awaitDown(ctx, mark, mon, ProcessContext.INFINITY);
                }
                yield r;
            }
        };
        return unlinkFlush(ctx, child, reason);
    }

    static Term awaitDown(ProcessContext ctx, MailboxMark mark, Ref mon, long timeoutMs) {
        return ctx.receiveAfter(mark, m -> m instanceof Down d && d.ref().equals(mon) ? d.reason() : null, timeoutMs).orElse(null);
    }

    /** unlink/1 then take the child's 'EXIT' if it is there: its reason is the more precise one. */
    static Term unlinkFlush(ProcessContext ctx, Pid child, Term fallback) {
        ctx.unlink(child);
        return ctx.receive(m -> m instanceof ExitMessage e && e.from().equals(child) ? e.reason() : null, 0)
                .orElse(fallback);
    }
}
