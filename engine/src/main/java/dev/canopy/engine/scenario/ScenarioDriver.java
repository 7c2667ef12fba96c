package dev.canopy.engine.scenario;

import dev.canopy.engine.dynamic.DynamicSupervisors;
import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Ref;
import dev.canopy.engine.supervisor.ChildResult;
import dev.canopy.engine.supervisor.Reply;
import dev.canopy.engine.supervisor.Supervisors;
import dev.canopy.engine.term.ReasonSyntax;
import dev.canopy.engine.term.Term;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * The driver process of FORMAT.md: starts the tree with start_link (so it is the root's
 * parent), then performs each step at its time and prints markers and API results.
 * It traps exits, so a root that fails does not take it down.
 */
final class ScenarioDriver {
    private static final Pid NEVER_RAN = new Pid(-1);

    private final Scenario scenario;
    private final TraceRecorder trace;
    private final TreeBuilder builder;
    /** Kinds of every path, for choosing the supervisor API: static tree plus dynamic children. */
    private final Map<String, NodeKind> kinds = new HashMap<>();
    private final String rootPath;
    /** How many times further apart the steps run than their {@code at_ms} say (markers keep the file's times). */
    private final int spacing;

    ScenarioDriver(Scenario scenario, TraceRecorder trace) {
        this(scenario, trace, 1);
    }

    ScenarioDriver(Scenario scenario, TraceRecorder trace, int spacing) {
        if (spacing < 1) throw new IllegalArgumentException("step spacing must be at least 1, not " + spacing);
        this.scenario = scenario;
        this.trace = trace;
        this.spacing = spacing;
        this.builder = new TreeBuilder(trace);
        this.rootPath = scenario.tree().id();
        index(rootPath, scenario.tree());
    }

    private void index(String path, NodeSpec node) {
        kinds.put(path, node.kind());
        for (var c : node.children()) index(path + "/" + c.id(), c);
    }

    void run(ProcessContext ctx) {
        ctx.trapExit(true);
        trace.line("-- start_tree");
        var started = builder.startLink(ctx, rootPath, scenario.tree());
        trace.line("start_tree => " + switch (started) {
            case StartResult.Started s -> "ok";
            case StartResult.Ignored i -> "ignore";
            case StartResult.Failed f -> "error " + f.reason().render();
        });
        long t0 = ctx.monotonicMillis();
        int k = 0;
        for (var step : scenario.steps()) {
            k++;
            long wait = t0 + step.atMs() * spacing - ctx.monotonicMillis();
            if (wait > 0) ctx.sleep(wait);
            trace.line("-- step " + k + " @" + step.atMs() + " " + step.action().describe()
                    + (step.unordered() ? " (unordered)" : ""));
            perform(ctx, step.action());
        }
        trace.line("-- end");
        if (ctx.isAlive(pid(rootPath))) stopTree(ctx);
    }

    private Pid pid(String path) {
        var p = trace.latest(path);
        return p == null ? NEVER_RAN : p;
    }

    private void perform(ProcessContext ctx, Step.Action action) {
        switch (action) {
            case Step.Exit e -> ctx.exit(pid(e.target()), reason(e.reason()));
            case Step.Crash c -> GenServers.cast(ctx, pid(c.target()), new ScenarioWorker.CrashRequest());
            case Step.Stop s -> GenServers.cast(ctx, pid(s.target()), new ScenarioWorker.StopRequest(reason(s.reason())));
            case Step.Call c -> {
                Object request = c.request() == Step.Request.PING ? new ScenarioWorker.Ping() : new ScenarioWorker.Sleep(c.sleepMs());
                var result = GenServers.call(ctx, pid(c.target()), request, c.timeoutMs());
                trace.line("call " + c.target() + " => " + switch (result) {
                    case CallResult.Replied r -> "ok";
                    case CallResult.Exited x -> "exit " + Term.head(x.reason()).render();
                });
            }
            case Step.StartChild s -> {
                var path = s.target() + "/" + s.child().id();
                index(path, s.child());
                var spec = builder.childSpec(path, s.child());
                var sup = pid(s.target());
                for (int i = 0; i < s.count(); i++) {
                    var reply = kinds.get(s.target()) == NodeKind.DYNAMIC_SUPERVISOR
                            ? DynamicSupervisors.startChild(ctx, sup, spec) : Supervisors.startChild(ctx, sup, spec);
                    result(action, s.target(), s.child().id(), reply);
                }
            }
            case Step.TerminateChild t -> {
                var sup = pid(t.target());
                var reply = kinds.get(t.target()) == NodeKind.DYNAMIC_SUPERVISOR
                        ? DynamicSupervisors.terminateChild(ctx, sup, pid(t.target() + "/" + t.childId()))
                        : Supervisors.terminateChild(ctx, sup, t.childId());
                result(action, t.target(), t.childId(), reply);
            }
            case Step.RestartChild r -> result(action, r.target(), r.childId(), Supervisors.restartChild(ctx, pid(r.target()), r.childId()));
            case Step.DeleteChild d -> result(action, d.target(), d.childId(), Supervisors.deleteChild(ctx, pid(d.target()), d.childId()));
            case Step.StopTree s -> stopTree(ctx);
        }
    }

    private void result(Step.Action action, String target, String id, Reply<ChildResult> reply) {
        String op = action.describe().substring(0, action.describe().indexOf(' '));
        trace.line(op + " " + target + " " + id + " => " + switch (reply) {
            case Reply.Ok<ChildResult> ok -> ok.value().render();
            case Reply.Exited<ChildResult> x -> "exit " + Term.head(x.reason()).render();
        });
    }

    private static Term reason(String text) {
        return ReasonSyntax.parse(text).orElseThrow(() -> new IllegalArgumentException("bad reason " + text));
    }

    /** Sends shutdown to the root and waits until every process of the tree has exited. */
    private void stopTree(ProcessContext ctx) {
        var pending = new HashSet<Ref>();
        for (var pid : trace.knownPids().stream().sorted().toList()) {
            if (ctx.isAlive(pid)) pending.add(ctx.monitor(pid));
        }
        ctx.exit(pid(rootPath), Term.SHUTDOWN);
        while (!pending.isEmpty()) {
            var down = ctx.receive(m -> m instanceof Down d && pending.contains(d.ref()) ? d : null);
            pending.remove(down.ref());
        }
    }
}
