package dev.canopy.engine.scenario;

import dev.canopy.engine.runtime.Node;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a scenario on a deterministic node and returns its normalized trace. The same
 * scenario and seed always give the same trace; OTP's causal orders hold for every seed.
 */
public final class ScenarioRunner {
    /** A scenario that has not finished after this much virtual time is reported, not waited for. */
    static final long VIRTUAL_TIME_LIMIT_MS = 24L * 3600 * 1000;

    private ScenarioRunner() {}

    public static List<String> trace(Scenario scenario, long seed) {
        try (var node = Node.deterministic(seed)) {
            return run(scenario, node);
        }
    }

    /**
     * Runs a scenario on a live node (real threads, the real clock) and returns its normalized
     * trace, or throws when the driver has not finished within {@code timeoutMs} of real time.
     * Only scenarios whose outcome does not depend on timing give the deterministic trace here.
     */
    public static List<String> traceLive(Scenario scenario, long timeoutMs) throws InterruptedException {
        return traceLive(scenario, timeoutMs, 1);
    }

    /**
     * {@link #traceLive(Scenario, long)} with the steps {@code spacing} times further apart in real
     * time (the trace's step markers keep the file's times). For scenarios decided by causal order
     * alone the trace must not change; the wider gaps keep a step's effects ahead of the next
     * step's marker on a machine so loaded that a carrier thread waits 100 ms or more for a core.
     */
    public static List<String> traceLive(Scenario scenario, long timeoutMs, int spacing) throws InterruptedException {
        try (var node = Node.live()) {
            var trace = new TraceRecorder();
            node.events().addListener(trace::onEvent);
            var driverPid = node.spawn(new ScenarioDriver(scenario, trace, spacing)::run);
            long deadline = node.clock().monotonicMillis() + timeoutMs;
            while (node.isAlive(driverPid)) {
                if (node.clock().monotonicMillis() > deadline) {
                    throw new IllegalStateException("scenario " + scenario.name() + " did not finish within " + timeoutMs + " ms on a live node");
                }
                Thread.sleep(2);
            }
            return TraceNormalizer.normalize(trace.lines(), dynamicSupervisorPaths(scenario));
        }
    }

    private static List<String> run(Scenario scenario, Node node) {
        var trace = new TraceRecorder();
        node.events().addListener(trace::onEvent);
        var driver = new ScenarioDriver(scenario, trace);
        var driverPid = node.spawn(driver::run);
        var sim = node.simulation();
        while (true) {
            sim.runUntilIdle();
            if (!node.isAlive(driverPid)) break;
            if (node.clock().monotonicMillis() > VIRTUAL_TIME_LIMIT_MS) {
                throw new IllegalStateException("scenario " + scenario.name() + " did not finish within a virtual day");
            }
            if (!sim.advanceToNextTimer()) {
                throw new IllegalStateException("scenario " + scenario.name() + " is stuck: the driver waits and nothing is scheduled");
            }
        }
        return TraceNormalizer.normalize(trace.lines(), dynamicSupervisorPaths(scenario));
    }

    private static Set<String> dynamicSupervisorPaths(Scenario scenario) {
        var paths = new HashSet<String>();
        collect(scenario.tree().id(), scenario.tree(), paths);
        for (var step : scenario.steps()) {
            if (step.action() instanceof Step.StartChild s) collect(s.target() + "/" + s.child().id(), s.child(), paths);
        }
        return paths;
    }

    private static void collect(String path, NodeSpec node, Set<String> paths) {
        if (node.kind() == NodeKind.DYNAMIC_SUPERVISOR) paths.add(path);
        for (var c : node.children()) collect(path + "/" + c.id(), c, paths);
    }
}
