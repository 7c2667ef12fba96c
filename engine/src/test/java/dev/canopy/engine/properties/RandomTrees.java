package dev.canopy.engine.properties;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.event.EventRecord;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.Sim;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.ChildInfo;
import dev.canopy.engine.supervisor.ChildSpec;
import dev.canopy.engine.supervisor.Reply;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.Strategy;
import dev.canopy.engine.supervisor.SupervisorFlags;
import dev.canopy.engine.supervisor.SupervisorInit;
import dev.canopy.engine.supervisor.SupervisorModule;
import dev.canopy.engine.supervisor.Supervisors;
import dev.canopy.engine.supervisor.Workers;
import dev.canopy.engine.term.Term;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random supervision trees and random faults for the properties. */
final class RandomTrees {
    private RandomTrees() {}

    /** One node of a generated tree: a supervisor (children non-empty) or a worker. */
    record TNode(String id, boolean supervisor, Strategy strategy, int intensity, int period,
                 Restart restart, Shutdown shutdown, boolean trap, long terminateMs, List<TNode> children) {
        @Override public String toString() {
            return supervisor
                    ? id + "(" + strategy.atom() + " " + intensity + "/" + period + "s " + restart.atom() + " " + shutdown.render() + ")" + children
                    : id + "[" + restart.atom() + " " + shutdown.render() + (trap ? " trap " + terminateMs : "") + "]";
        }
    }

    static TNode tree(Random r) {
        int[] counter = {0};
        return sup(r, "root", 1, counter);
    }

    private static TNode sup(Random r, String id, int depth, int[] counter) {
        int n = 1 + r.nextInt(4);
        var children = new ArrayList<TNode>();
        for (int i = 0; i < n; i++) {
            String cid = "n" + counter[0]++;
            if (depth < 4 && r.nextInt(4) == 0) children.add(sup(r, cid, depth + 1, counter));
            else children.add(worker(r, cid));
        }
        Shutdown sh = switch (r.nextInt(6)) {
            case 0 -> Shutdown.BRUTAL_KILL;
            case 1 -> new Shutdown.Timeout(500);
            default -> Shutdown.INFINITY;
        };
        return new TNode(id, true, Strategy.values()[r.nextInt(3)], r.nextInt(4), 1 + r.nextInt(5),
                restart(r), sh, true, 0, children);
    }

    private static TNode worker(Random r, String id) {
        Shutdown sh = switch (r.nextInt(5)) {
            case 0 -> Shutdown.BRUTAL_KILL;
            case 1 -> Shutdown.INFINITY;
            default -> new Shutdown.Timeout(50 + r.nextInt(1000));
        };
        boolean trap = r.nextBoolean();
        long term = trap ? new long[]{0, 100, 2000}[r.nextInt(3)] : 0;
        return new TNode(id, false, null, 0, 0, restart(r), sh, trap, term, List.of());
    }

    private static Restart restart(Random r) {
        int x = r.nextInt(4);
        return x < 2 ? Restart.PERMANENT : x == 2 ? Restart.TRANSIENT : Restart.TEMPORARY;
    }

    static Map<String, TNode> index(TNode t) {
        var m = new HashMap<String, TNode>();
        index(t, m);
        return m;
    }

    private static void index(TNode t, Map<String, TNode> m) {
        m.put(t.id(), t);
        for (var c : t.children()) index(c, m);
    }

    static SupervisorModule module(TNode sup, Workers w) {
        var flags = new SupervisorFlags(sup.strategy(), sup.intensity(), sup.period(), AutoShutdown.NEVER);
        var specs = sup.children().stream().map(c -> spec(c, w)).toList();
        return ctx -> new SupervisorInit.Ok(flags, specs);
    }

    static ChildSpec spec(TNode n, Workers w) {
        if (n.supervisor()) return Supervisors.childSpec(n.id(), module(n, w)).withRestart(n.restart()).withShutdown(n.shutdown());
        var opts = n.trap() ? Workers.Opts.DEFAULT.slowTerminate(n.terminateMs()) : Workers.Opts.DEFAULT;
        return w.worker(n.id(), opts).withRestart(n.restart()).withShutdown(n.shutdown());
    }

    static final List<Term> FAULT_REASONS = List.of(Term.KILL, Term.atom("boom"), Term.SHUTDOWN, Term.NORMAL);

    /** A started tree on its own simulated node, with an owner process as the root's parent. */
    static final class Run {
        final Sim sim;
        final Workers w = new Workers();
        final Sim.Owner owner;
        final TNode tree;
        final Map<String, TNode> byId;
        final Pid root;

        Run(TNode tree, long nodeSeed) {
            this.tree = tree;
            this.byId = index(tree);
            sim = new Sim(nodeSeed);
            owner = sim.owner();
            var r = owner.ask(ctx -> Supervisors.startLink(ctx, module(tree, w)));
            if (!(r instanceof StartResult.Started s)) throw new AssertionError("tree failed to start: " + r);
            root = s.pid();
            sim.label(root, "root");
        }

        /** k exit signals at random times in [now, now + horizon) to random live processes other than the owner. */
        void faults(Random r, int k, long horizonMs) { faults(r, k, horizonMs, false); }

        /** As above; with spareRoot the root supervisor itself is never a target. */
        void faults(Random r, int k, long horizonMs, boolean spareRoot) {
            long t0 = sim.now();
            var times = new ArrayList<Long>();
            for (int i = 0; i < k; i++) times.add(t0 + (long) r.nextInt((int) horizonMs));
            times.sort(null);
            for (long t : times) {
                sim.advanceTo(t);
                var pids = new ArrayList<>(sim.node.pids());
                pids.remove(owner.pid);
                if (spareRoot) pids.remove(root);
                if (pids.isEmpty()) return;
                Pid target = pids.get(r.nextInt(pids.size()));
                sim.node.exit(target, FAULT_REASONS.get(r.nextInt(FAULT_REASONS.size())));
                sim.settle();
            }
        }

        /** Pids of every live supervisor of the tree (root and nested ones). */
        List<Pid> liveSupervisors() {
            var out = new ArrayList<Pid>();
            if (sim.node.isAlive(root)) out.add(root);
            for (var rec : sim.events) {
                if (rec.event() instanceof Event.ChildStarted s && byId.get(s.childId()).supervisor() && sim.node.isAlive(s.child())) {
                    out.add(s.child());
                }
            }
            return out;
        }

        List<ChildInfo> which(Pid sup) {
            Reply<List<ChildInfo>> r = sim.run(ctx -> Supervisors.whichChildren(ctx, sup), 1000);
            if (!(r instanceof Reply.Ok<List<ChildInfo>> ok)) throw new AssertionError("which_children failed: " + r);
            return ok.value();
        }
    }

    /** An event as stable text (no identity hashes, which differ between runs of one JVM). */
    static String render(EventRecord r) {
        String text = r.event().toString().replaceAll("@[0-9a-f]{4,}", "@_").replaceAll("\\$\\$Lambda[^,\\])]*", "\\$\\$Lambda");
        return r.seq() + " " + r.monotonicMillis() + " " + text;
    }
}
