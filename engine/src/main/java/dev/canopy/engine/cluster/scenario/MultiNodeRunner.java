package dev.canopy.engine.cluster.scenario;

import dev.canopy.engine.cluster.Cluster;
import dev.canopy.engine.cluster.GlobalResolver;
import dev.canopy.engine.cluster.scenario.MultiNodeScenario.Action;
import dev.canopy.engine.event.Event;
import dev.canopy.engine.event.EventRecord;
import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.NodeDown;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.term.Term;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a multi-node scenario on a simulated {@link Cluster} and prints its trace
 * (conformance/MULTINODE-FORMAT.md §2) the way the OTP runner does: each node has a recorder
 * process that monitors what the steps ask it to and collects exits, DOWNs and nodedowns;
 * before every marker the events since the last one are printed per node, in node order,
 * sorted within a node. Nothing here knows an expected trace: every line comes from the engine.
 */
public final class MultiNodeRunner {
    /** After the last step: let everything settle, as the OTP runner does. */
    static final long SETTLE_MS = 1000;

    private record WatchProcess(Pid target) {}

    private record WatchNode(String node) {}

    private final MultiNodeScenario scenario;
    private final Cluster cluster;
    private final List<String> out = new ArrayList<>();
    private final Map<String, Pid> pids = new HashMap<>();
    private final Map<Pid, String> labels = new HashMap<>();
    private final List<List<String>> pending = new ArrayList<>();
    private final List<Pid> recorders = new ArrayList<>();

    private MultiNodeRunner(MultiNodeScenario scenario, Cluster cluster) {
        this.scenario = scenario;
        this.cluster = cluster;
    }

    /** The scenario's trace; the same scenario and seed always give the same lines. */
    public static List<String> trace(MultiNodeScenario scenario, long seed) {
        try (var cluster = Cluster.deterministic(seed, scenario.nodes())) {
            return new MultiNodeRunner(scenario, cluster).run();
        }
    }

    private List<String> run() {
        cluster.events().addListener(this::onEvent);
        for (var n : scenario.nodes()) {
            pending.add(new ArrayList<>());
            int index = recorders.size();
            recorders.add(cluster.spawn(n, ctx -> record(ctx, index)));
        }
        cluster.runUntilIdle();
        long t0 = cluster.nowMillis();
        out.add("-- start nodes " + String.join(" ", scenario.nodes()));
        int k = 1;
        for (var step : scenario.steps()) {
            long wait = t0 + step.atMs() - cluster.nowMillis();
            if (wait > 0) cluster.advance(wait);
            flush();
            out.add("-- step " + k++ + " @" + step.atMs() + " " + describe(step.action()));
            act(step.action());
            cluster.runUntilIdle();
        }
        cluster.advance(SETTLE_MS);
        flush();
        out.add("-- end");
        return List.copyOf(out);
    }

    // ---- the recorders ----------------------------------------------------------------------

    private void record(ProcessContext ctx, int node) {
        String on = scenario.nodes().get(node);
        while (true) {
            switch (ctx.receive()) {
                case WatchProcess w -> ctx.monitor(w.target());
                case WatchNode w -> cluster.monitorNode(ctx.self(), w.node());
                case Down d -> pending.get(node).add("down " + on + " " + label(d.pid()) + " " + render(d.reason()));
                case NodeDown d -> pending.get(node).add("nodedown " + on + " " + d.node());
                default -> { }
            }
        }
    }

    /** A labelled process's exit, as its own node's monitor sees it. */
    private void onEvent(EventRecord r) {
        if (r.event() instanceof Event.Exited e && labels.containsKey(e.pid())) {
            pending.get(e.pid().node()).add("exit " + labels.get(e.pid()) + " " + render(e.reason()));
        }
    }

    private void flush() {
        for (var lines : pending) {
            lines.sort(null);
            out.addAll(lines);
            lines.clear();
        }
    }

    // ---- steps ------------------------------------------------------------------------------

    private static String describe(Action a) {
        return switch (a) {
            case MultiNodeScenario.Spawn s -> "spawn " + s.target().label();
            case MultiNodeScenario.Kill s -> "kill " + s.target().label();
            case MultiNodeScenario.RegisterGlobal s -> "register_global " + s.name() + " " + s.target().label()
                    + (s.resolver().equals("default") ? "" : " resolver " + s.resolver());
            case MultiNodeScenario.WhereisGlobal s -> "whereis_global " + s.on() + " " + s.name();
            case MultiNodeScenario.Call s -> "call " + s.from() + " " + s.target().label() + " timeout " + s.timeoutMs();
            case MultiNodeScenario.Monitor s -> "monitor " + s.on() + " " + s.target().label();
            case MultiNodeScenario.MonitorNode s -> "monitor_node " + s.on() + " " + s.node();
            case MultiNodeScenario.Link s -> "link " + s.target().label() + " " + s.to().label();
            case MultiNodeScenario.Partition s -> "partition " + s.groups().stream()
                    .map(g -> String.join(",", g)).collect(Collectors.joining(" | "));
            case MultiNodeScenario.Disconnect s -> "disconnect " + s.a() + " " + s.b();
            case MultiNodeScenario.Heal s -> "heal";
            case MultiNodeScenario.Nodes s -> "nodes " + s.on();
            case MultiNodeScenario.Overlap s -> "overlap";
        };
    }

    private void act(Action a) {
        switch (a) {
            case MultiNodeScenario.Spawn s -> {
                String label = s.target().label();
                var started = cluster.runOn(s.target().node(), ctx -> GenServers.start(ctx, () -> new PingServer(label), null, false));
                if (!(started instanceof StartResult.Started(Pid pid))) throw new IllegalStateException("spawn " + label + ": " + started);
                pids.put(label, pid);
                labels.put(pid, label);
                out.add("spawn " + label + " => ok");
            }
            case MultiNodeScenario.Kill s -> cluster.kill(pid(s.target()));
            case MultiNodeScenario.RegisterGlobal s -> {
                var resolver = s.resolver().equals("keep_first_node") ? GlobalResolver.KEEP_FIRST_NODE : GlobalResolver.DEFAULT;
                boolean yes = cluster.registerGlobal(s.name(), pid(s.target()), resolver);
                out.add("register_global " + s.name() + " " + s.target().label() + " => " + (yes ? "yes" : "no"));
            }
            case MultiNodeScenario.WhereisGlobal s -> out.add("whereis_global " + s.on() + " " + s.name() + " => "
                    + cluster.whereisGlobal(s.on(), s.name()).map(this::label).orElse("undefined"));
            case MultiNodeScenario.Call s -> {
                CallResult r = cluster.runOn(s.from(), ctx -> switch (s.target()) {
                    case MultiNodeScenario.GlobalTarget g -> cluster.global().call(ctx, g.name(), PingServer.PING, s.timeoutMs());
                    case MultiNodeScenario.ProcessTarget p -> GenServers.call(ctx, pid(p.process()), PingServer.PING, s.timeoutMs());
                });
                out.add("call " + s.from() + " " + s.target().label() + " => " + switch (r) {
                    case CallResult.Replied v -> v.value() instanceof Term t ? render(t) : String.valueOf(v.value());
                    case CallResult.Exited x -> "exit " + render(Term.head(x.reason()));
                });
            }
            case MultiNodeScenario.Monitor s -> cluster.runtime().send(recorder(s.on()), new WatchProcess(pid(s.target())));
            case MultiNodeScenario.MonitorNode s -> cluster.runtime().send(recorder(s.on()), new WatchNode(s.node()));
            case MultiNodeScenario.Link s -> {
                Pid target = pid(s.target());
                Pid to = pid(s.to());
                cluster.runOn(s.target().node(), ctx -> GenServers.call(ctx, target, new PingServer.LinkTo(to), GenServers.DEFAULT_CALL_TIMEOUT_MS));
            }
            case MultiNodeScenario.Partition s -> cluster.partition(s.groups());
            case MultiNodeScenario.Disconnect s -> cluster.disconnect(s.a(), s.b());
            case MultiNodeScenario.Heal s -> cluster.heal();
            case MultiNodeScenario.Nodes s -> out.add("nodes " + s.on() + " => ["
                    + cluster.nodes(s.on()).stream().sorted().collect(Collectors.joining(",")) + "]");
            case MultiNodeScenario.Overlap s -> {
                var overlaps = cluster.overlaps();
                out.add("overlap => " + (overlaps.isEmpty() ? "none" : overlaps.stream()
                        .map(o -> o.bridge() + " sees " + o.a() + "," + o.b()).collect(Collectors.joining("; "))));
            }
        }
    }

    private Pid recorder(String node) { return recorders.get(cluster.node(node)); }

    private Pid pid(MultiNodeScenario.ProcessRef ref) {
        var pid = pids.get(ref.label());
        if (pid == null) throw new IllegalArgumentException("no process '" + ref.label() + "' was spawned before this step");
        return pid;
    }

    private String label(Pid pid) { return Optional.ofNullable(labels.get(pid)).orElse("pid"); }

    /** FORMAT.md's REASON rules, with pids by their label. */
    private String render(Term t) {
        return switch (t) {
            case Term.PidTerm p -> label(p.pid());
            case Term.Tuple tu -> tu.elements().stream().map(this::render).collect(Collectors.joining(",", "{", "}"));
            case Term.TermList l -> l.elements().stream().map(this::render).collect(Collectors.joining(",", "[", "]"));
            default -> t.render();
        };
    }
}
