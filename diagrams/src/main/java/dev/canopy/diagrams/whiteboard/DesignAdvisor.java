package dev.canopy.diagrams.whiteboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.canopy.diagrams.design.Dependency;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Strategy;

/**
 * Reviews a design for choices that work but are likely to hurt, each with a reason in the
 * design's own numbers and a concrete fix. Complements {@code DesignValidator} (which rejects what
 * OTP rejects, e.g. a significant child under auto_shutdown never): the advisor only warns.
 * Advice comes in depth-first node order, rule by rule for each node.
 */
public final class DesignAdvisor {
    private DesignAdvisor() {
    }

    /** Restarts per second above which a supervisor is said to hide a restart storm. */
    public static final double STORM_RESTARTS_PER_SECOND = 10.0;

    private static final Pattern PER_USER = Pattern.compile("session|user|client|conn|player|socket|account|tenant|customer|device");

    public static List<Advice> review(Design design) {
        var out = new ArrayList<Advice>();
        for (var path : DesignPaths.allPaths(design)) {
            var node = Tree.node(design, path);
            boolean template = Tree.isTemplate(design, path);
            var parent = Tree.parent(path).map(p -> Tree.node(design, p)).orElse(null);
            if (node instanceof WorkerNode w) {
                remoteInInit(path, w, parent, out);
                globalInCluster(design, path, w, out);
                if (!template) registryOrder(design, path, w, out);
            }
            if (node instanceof SupervisorNode s) {
                independentUnderOneForAll(design, path, s, out);
                temporaryUnderOneForAll(design, path, s, out);
            }
            if (Tree.isSupervisorKind(node) && !(node instanceof RegistryNode)) {
                zeroRestarts(path, node, parent, out);
                highIntensity(path, node, out);
                if (parent != null) innerBudget(path, node, parent, out);
                if (parent != null) transientSupervisor(path, node, out);
            }
            if (node instanceof DynamicSupervisorNode d) unbounded(path, d, out);
        }
        return out;
    }

    // ---- rules -------------------------------------------------------------------------------

    private static void remoteInInit(String path, WorkerNode w, DesignNode parent, List<Advice> out) {
        var dep = w.sim().dependency();
        if (dep.kind() != Dependency.Kind.REMOTE || dep.connect() != Dependency.Connect.SYNC_IN_INIT) return;
        var name = Tree.name(path);
        String budget = parent == null ? "" : " Its supervisor " + parent.id() + " allows " + Tree.restarts(Tree.maxRestarts(parent))
                + " in " + Tree.seconds(Tree.maxSeconds(parent)) + ": while the remote service is down, " + name
                + "'s init fails on every restart attempt, " + parent.id() + " gives up after " + (Tree.maxRestarts(parent) + 1)
                + " attempts and the failure climbs the tree; at boot, a failed init stops the whole start.";
        out.add(new Advice(path, Advice.Severity.WARNING, "Remote dependency connected synchronously in init",
                name + " connects to a remote service inside init, so init blocks on the network and crashes when the service is down."
                        + budget,
                "Connect asynchronously (return from init at once, connect in handle_continue and retry with a backoff) so a remote "
                        + "outage cannot stop your tree from booting.",
                Advice.Rule.REMOTE_DEPENDENCY_IN_INIT));
    }

    private static void globalInCluster(Design design, String path, WorkerNode w, List<Advice> out) {
        if (!(w.naming() instanceof Naming.Global g) || design.clusterNodes() <= 1) return;
        int n = design.clusterNodes();
        out.add(new Advice(path, Advice.Severity.WARNING, "Single global process in a cluster of " + n + " nodes",
                Tree.name(path) + " registers the global name " + g.name() + ". Every one of the " + n + " nodes runs this tree, so "
                        + (n - 1) + " of them get {:error, {:already_started, pid}} at start (a permanent child then fails its start or is "
                        + "restarted over and over); when the winner's node goes down nobody takes over until a restart happens, and on a "
                        + "netsplit each side registers its own, so two run at once and :global kills one of them when the network heals.",
                "Prefer a per-node process (a local name on every node), or a distributed registry/singleton (e.g. :pg, Horde or "
                        + ":syn) with an explicit netsplit policy; if you keep :global, make the child transient and turn "
                        + "{:error, {:already_started, _}} into :ignore.",
                Advice.Rule.GLOBAL_NAME_IN_CLUSTER));
    }

    private static void registryOrder(Design design, String path, WorkerNode w, List<Advice> out) {
        if (!(w.naming() instanceof Naming.Via via)) return;
        var all = DesignPaths.allPaths(design);
        int me = all.indexOf(path);
        for (var p : all) {
            if (!Tree.name(p).equals(via.registryId()) || !(Tree.node(design, p) instanceof RegistryNode)) continue;
            if (all.indexOf(p) > me) {
                out.add(new Advice(path, Advice.Severity.ERROR, "Registry " + via.registryId() + " starts after " + Tree.name(path),
                        Tree.name(path) + " registers as {:via, Registry, {" + via.registryId() + ", " + via.key() + "}} in its init, but "
                                + via.registryId() + " (" + p + ") starts later: children start one at a time in order, so at boot "
                                + Tree.name(path) + " finds no registry, its start fails and the supervisor stops the boot.",
                        "Move " + via.registryId() + " before " + Tree.name(path) + " (and before the supervisor holding it), e.g. as the "
                                + "first child, so it is up before anything registers in it.",
                        Advice.Rule.REGISTRY_STARTED_TOO_LATE));
            }
            return;
        }
    }

    private static void independentUnderOneForAll(Design design, String path, SupervisorNode s, List<Advice> out) {
        if (s.strategy() != Strategy.ONE_FOR_ALL || s.children().size() < 2) return;
        for (var c : s.children()) {
            if (!(c instanceof WorkerNode w) || w.sim().dependency().kind() != Dependency.Kind.NONE || w.naming() instanceof Naming.Via) return;
        }
        out.add(new Advice(path, Advice.Severity.WARNING, "Independent children under one_for_all",
                "Every child of " + s.id() + " is a worker without dependencies, yet with one_for_all one crash stops and restarts all "
                        + s.children().size() + " of them; each crash costs the work in progress of every sibling.",
                "Use one_for_one for " + s.id() + " (or rest_for_one if the later children really depend on an earlier one).",
                Advice.Rule.INDEPENDENT_CHILDREN_UNDER_ONE_FOR_ALL));
    }

    private static void temporaryUnderOneForAll(Design design, String path, SupervisorNode s, List<Advice> out) {
        if (s.strategy() == Strategy.ONE_FOR_ONE) return;
        for (var c : s.children()) {
            if (c.spec().restart() != Restart.TEMPORARY) continue;
            String group = s.strategy() == Strategy.ONE_FOR_ALL ? "any sibling" : "a sibling started before it";
            out.add(new Advice(path + "/" + c.id(), Advice.Severity.WARNING, "Temporary child under " + s.strategy().atom(),
                    c.id() + " is temporary: when " + group + " fails, " + s.id() + " stops " + c.id() + " as part of the "
                            + s.strategy().atom() + " restart but does not start it again (temporary children are dropped), so it "
                            + "silently disappears after the first failure of another child.",
                    "Make " + c.id() + " transient (or permanent), or move it to a one_for_one supervisor (for example a "
                            + "Task.Supervisor for one-off work).",
                    Advice.Rule.TEMPORARY_UNDER_ONE_FOR_ALL));
        }
    }

    private static void zeroRestarts(String path, DesignNode node, DesignNode parent, List<Advice> out) {
        if (Tree.maxRestarts(node) != 0) return;
        out.add(new Advice(path, Advice.Severity.WARNING, "max_restarts is 0",
                node.id() + " allows no restart at all: the first child exit that needs a restart makes it give up, stop all its children "
                        + "and exit" + (parent == null ? ", which stops the whole application." : ", so every crash below it escalates to "
                        + parent.id() + "."),
                "Allow a few restarts (OTP's default is 1 in 5 s, Elixir's 3 in 5 s) unless escalating every crash is really intended.",
                Advice.Rule.MAX_RESTARTS_ZERO));
    }

    private static void highIntensity(String path, DesignNode node, List<Advice> out) {
        int max = Tree.maxRestarts(node), secs = Tree.maxSeconds(node);
        if (secs <= 0 || max / (double) secs <= STORM_RESTARTS_PER_SECOND) return;
        out.add(new Advice(path, Advice.Severity.WARNING, "Very high restart intensity",
                node.id() + " allows " + Tree.restarts(max) + " in " + Tree.seconds(secs) + " (" + fmt(max / (double) secs)
                        + " per second): a child can crash in a tight loop forever without " + node.id()
                        + " ever giving up, so a restart storm burns CPU and floods the logs while the bug stays hidden.",
                "Lower it to a handful of restarts per window (e.g. 3 in 5 s) and let persistent failures escalate.",
                Advice.Rule.VERY_HIGH_INTENSITY));
    }

    private static void innerBudget(String path, DesignNode node, DesignNode parent, List<Advice> out) {
        int cm = Tree.maxRestarts(node), cs = Tree.maxSeconds(node);
        int pm = Tree.maxRestarts(parent), ps = Tree.maxSeconds(parent);
        if (cs > ps) {
            out.add(new Advice(path, Advice.Severity.WARNING, "Inner restart window outlasts its parent's",
                    node.id() + " gives up after more than " + Tree.restarts(cm) + " in " + Tree.seconds(cs) + ", but its parent "
                            + parent.id() + " only remembers " + Tree.seconds(ps) + ". A child failing steadily, just often enough to make "
                            + node.id() + " give up, does so about once every " + Tree.seconds(cs) + "; " + parent.id() + " then sees one exit per "
                            + cs + " s, never more than " + pm + " within its " + ps + " s window, so it restarts " + node.id()
                            + " forever and the failure never escalates.",
                    "Give " + node.id() + " a max_seconds no longer than " + parent.id() + "'s (" + ps + " s), e.g. " + cm + " in " + ps + " s.",
                    Advice.Rule.INNER_BUDGET_OUTLASTS_PARENT));
            return;
        }
        if (cm <= 0 || cs <= 0) return;
        double everyS = cs / (double) cm;
        double rate = cm / (double) cs;
        if (everyS <= 1.0 && rate <= STORM_RESTARTS_PER_SECOND) {
            out.add(new Advice(path, Advice.Severity.INFO, "Inner supervisor absorbs failures its parent never sees",
                    node.id() + " allows " + Tree.restarts(cm) + " in " + Tree.seconds(cs) + ": a child crashing once every " + fmt(everyS)
                            + " s is restarted forever without " + node.id() + " giving up, so " + parent.id() + " (" + pm + " in " + ps
                            + " s) never learns that this part of the tree is failing.",
                    "Lower " + node.id() + "'s intensity (e.g. " + Math.max(1, cs / 2) + " in " + cs + " s) so a persistent crash loop escalates to "
                            + parent.id() + ".",
                    Advice.Rule.INNER_BUDGET_OUTLASTS_PARENT));
        }
    }

    private static void transientSupervisor(String path, DesignNode node, List<Advice> out) {
        if (node.spec().restart() != Restart.TRANSIENT) return;
        // The idiomatic pairing: a supervisor that shuts itself down (auto_shutdown) is meant to stay down.
        if (Tree.autoShutdown(node) != AutoShutdown.NEVER) return;
        out.add(new Advice(path, Advice.Severity.INFO, "Transient supervisor stops escalation",
                node.id() + " is a transient child. When it gives up it exits with :shutdown, which is a normal exit for a transient "
                        + "child, so its parent does not restart it and does not count it: escalation stops here and this part of the "
                        + "tree stays down while the rest keeps running, with no further error.",
                "Keep it transient only if running without " + node.id() + " is acceptable (and monitor it); otherwise make it permanent "
                        + "so that its failure reaches its parent.",
                Advice.Rule.TRANSIENT_SUPERVISOR));
    }

    private static void unbounded(String path, DynamicSupervisorNode d, List<Advice> out) {
        if (d.maxChildren() != DynamicSupervisorNode.INFINITY || d.childTemplate().isEmpty()) return;
        var t = d.childTemplate().get();
        var words = (d.id() + " " + d.label() + " " + d.notes() + " " + t.id() + " " + t.label() + " " + t.notes()).toLowerCase(Locale.ROOT);
        if (!(t.naming() instanceof Naming.Via) && !PER_USER.matcher(words).find()) return;
        out.add(new Advice(path, Advice.Severity.WARNING, "No limit on per-user children",
                d.id() + " starts one " + t.id() + " per user/key on demand and has max_children infinity: a burst of users (or a bot) "
                        + "creates processes without bound until the node runs out of memory and everything on it dies.",
                "Set max_children (e.g. 10_000) so that DynamicSupervisor.start_child returns {:error, :max_children} under overload, "
                        + "and handle that error (reject or queue the user).",
                Advice.Rule.UNBOUNDED_DYNAMIC_SUPERVISOR));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
