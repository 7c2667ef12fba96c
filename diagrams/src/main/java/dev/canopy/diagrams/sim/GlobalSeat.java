package dev.canopy.diagrams.sim;

import dev.canopy.engine.cluster.Cluster;
import dev.canopy.engine.cluster.GlobalResolver;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Ref;

/**
 * A globally named worker of a cluster design, one per process: in init it asks
 * {@code global:register_name}; the first node's copy gets yes and holds the name, every other
 * copy gets {@code {:error, {:already_started, pid}}} and, rather than failing its supervisor's
 * start (which a bare {@code {:global, name}} start would do), stays up as a standby that
 * monitors the holder and registers again when the holder goes down (the pattern of Elixir
 * singletons such as Highlander). So a netsplit gives each side its own holder, and the heal
 * has global kill one of them.
 * Rules: used only from its own process (the scheduler runs one process at a time).
 */
final class GlobalSeat {
    private final Cluster cluster;
    private final ProcessBook book;
    private final String path;
    private final String name;
    private Ref watching;

    GlobalSeat(Cluster cluster, ProcessBook book, String path, String name) {
        this.cluster = cluster;
        this.book = book;
        this.path = path;
        this.name = name;
    }

    /** global:register_name from init: hold the name, or watch whoever holds it. */
    void claim(ProcessContext ctx) {
        if (cluster.registerGlobal(name, ctx.self(), GlobalResolver.DEFAULT)) {
            watching = null;
            note(ctx, "global:register_name(" + name + ") => yes: " + NodePaths.name(path) + " " + ctx.self() + " holds the name");
            return;
        }
        var holder = cluster.whereisGlobal(cluster.nodeOf(ctx.self()), name);
        if (holder.isEmpty()) { // the pid itself is registered under another name: not a case the design can make
            note(ctx, "global:register_name(" + name + ") => no");
            return;
        }
        watching = ctx.monitor(holder.get());
        note(ctx, "global:register_name(" + name + ") => {:error, {:already_started, " + holder.get() + "}} (held on "
                + cluster.nodeOf(holder.get()) + "): " + NodePaths.name(path) + " stays up as a standby, monitoring the holder");
    }

    boolean watches(Down down) { return watching != null && watching.equals(down.ref()); }

    /** The holder went down (or out of reach: noconnection): try to take the name over. */
    void holderDown(ProcessContext ctx, Down down) {
        Pid gone = down.pid();
        note(ctx, "the holder of " + name + " " + gone + " on " + cluster.nodeOf(gone) + " is gone for "
                + NodePaths.name(path) + " (" + SimObserver.reason(down.reason()) + "): it registers again");
        claim(ctx);
    }

    private void note(ProcessContext ctx, String text) {
        book.report(new ClusterNote(path, ctx.monotonicMillis(), SimEvent.Kind.GLOBAL, text));
    }
}
