package dev.canopy.diagrams.design;

import dev.canopy.diagrams.scenario.SpecJson;

import java.io.StringWriter;
import java.util.List;

import dev.canopy.engine.scenario.NodeKind;
import dev.canopy.engine.scenario.NodeSpec;
import dev.canopy.engine.scenario.Step;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a design as {@code *.canopy.json} text: canonical key order, 2-space indent,
 * {@code "key": value}, a trailing newline, every default written out. The output is a function
 * of the design alone, so load → save → load → save gives identical bytes.
 */
public final class DesignWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DesignWriter() {
    }

    public static String write(Design design) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.writer().with(new Pretty()).createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberProperty("format", design.format());
            g.writeStringProperty("name", design.name());
            g.writeStringProperty("description", design.description());
            g.writeNumberProperty("cluster_nodes", design.clusterNodes());
            g.writeName("tree");
            node(g, design.root());
            g.writeName("steps");
            g.writeStartArray();
            for (Step step : design.faultScript()) step(g, step);
            g.writeEndArray();
            if (!design.labSteps().isEmpty()) LabStepWriter.write(g, design.labSteps());
            g.writeEndObject();
        }
        return out + "\n";
    }

    /**
     * A scenario as the conformance suite's JSON (FORMAT.md §1), every applicable key written:
     * what {@code run-otp} reads to run a design on real OTP.
     */
    public static String writeScenario(dev.canopy.engine.scenario.Scenario scenario) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.writer().with(new Pretty()).createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("name", scenario.name());
            g.writeStringProperty("description", scenario.description());
            g.writeName("tree");
            scenarioNode(g, scenario.tree());
            g.writeName("steps");
            g.writeStartArray();
            for (Step step : scenario.steps()) step(g, step);
            g.writeEndArray();
            g.writeEndObject();
        }
        return out + "\n";
    }

    private static void node(JsonGenerator g, DesignNode node) {
        g.writeStartObject();
        g.writeStringProperty("id", node.id());
        g.writeStringProperty("kind", node.kind().jsonName());
        g.writeStringProperty("label", node.label());
        g.writeStringProperty("notes", node.notes());
        ChildSpecFields spec = node.spec();
        g.writeName("start");
        g.writeStartObject();
        g.writeStringProperty("module", spec.startModule());
        g.writeStringProperty("function", spec.startFunction());
        strings(g, "args", spec.args());
        g.writeEndObject();
        g.writeStringProperty("restart", spec.restart().atom());
        SpecJson.shutdown(g, spec.shutdown());
        g.writeBooleanProperty("significant", spec.significant());
        strings(g, "modules", spec.modules());
        switch (node) {
            case SupervisorNode s -> {
                SpecJson.init(g, s.init());
                g.writeStringProperty("strategy", s.strategy().atom());
                g.writeNumberProperty("max_restarts", s.maxRestarts());
                g.writeNumberProperty("max_seconds", s.maxSeconds());
                g.writeStringProperty("auto_shutdown", s.autoShutdown().atom());
                g.writeName("children");
                g.writeStartArray();
                for (DesignNode child : s.children()) node(g, child);
                g.writeEndArray();
            }
            case DynamicSupervisorNode d -> {
                SpecJson.init(g, d.init());
                g.writeNumberProperty("max_restarts", d.maxRestarts());
                g.writeNumberProperty("max_seconds", d.maxSeconds());
                maxChildren(g, d.maxChildren());
                strings(g, "extra_arguments", d.extraArguments());
                g.writeName("child_template");
                if (d.childTemplate().isPresent()) node(g, d.childTemplate().get());
                else g.writeNull();
            }
            case WorkerNode w -> {
                WorkerSim sim = w.sim();
                SpecJson.init(g, sim.init());
                g.writeBooleanProperty("trap_exit", sim.trapExit());
                g.writeNumberProperty("terminate_ms", sim.terminateMs());
                naming(g, w.naming());
                g.writeName("sim");
                g.writeStartObject();
                g.writeNumberProperty("init_ms", sim.initDurationMs());
                g.writeName("dependency");
                g.writeStartObject();
                g.writeStringProperty("kind", sim.dependency().kind().word());
                g.writeStringProperty("connect", sim.dependency().connect().word());
                g.writeNumberProperty("backoff_ms", sim.dependency().backoffMs());
                g.writeEndObject();
                g.writeNumberProperty("call_latency_ms", sim.callLatencyMs());
                g.writeNumberProperty("message_rate_per_s", sim.messageRatePerSecond());
                g.writeStringProperty("crash_on", sim.crashOnMessage());
                g.writeEndObject();
            }
            case TaskSupervisorNode t -> {
                g.writeNumberProperty("max_restarts", t.maxRestarts());
                g.writeNumberProperty("max_seconds", t.maxSeconds());
                maxChildren(g, t.maxChildren());
            }
            case RegistryNode r -> {
                g.writeStringProperty("keys", r.keys().atom());
                g.writeNumberProperty("partitions", r.partitions());
            }
        }
        g.writeEndObject();
    }

    private static void naming(JsonGenerator g, Naming naming) {
        g.writeName("name");
        g.writeStartObject();
        g.writeStringProperty("scope", naming.scope());
        switch (naming) {
            case Naming.None n -> { }
            case Naming.Local l -> g.writeStringProperty("name", l.name());
            case Naming.Global gl -> g.writeStringProperty("name", gl.name());
            case Naming.Via v -> {
                g.writeStringProperty("registry", v.registryId());
                g.writeStringProperty("key", v.key());
            }
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String key, List<String> values) {
        g.writeName(key);
        g.writeStartArray();
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    private static void maxChildren(JsonGenerator g, int maxChildren) {
        if (maxChildren == DynamicSupervisorNode.INFINITY) g.writeStringProperty("max_children", "infinity");
        else g.writeNumberProperty("max_children", maxChildren);
    }

    // ---- steps (the conformance format's, FORMAT.md §1)

    private static void step(JsonGenerator g, Step step) {
        g.writeStartObject();
        g.writeNumberProperty("at_ms", step.atMs());
        if (step.unordered()) g.writeBooleanProperty("unordered", true);
        switch (step.action()) {
            case Step.Exit e -> { op(g, "exit", e.target()); g.writeStringProperty("reason", e.reason()); }
            case Step.Crash c -> op(g, "crash", c.target());
            case Step.Stop s -> { op(g, "stop", s.target()); g.writeStringProperty("reason", s.reason()); }
            case Step.Call c -> {
                op(g, "call", c.target());
                g.writeStringProperty("request", SpecJson.word(c.request()));
                if (c.request() == Step.Request.SLEEP) g.writeNumberProperty("sleep_ms", c.sleepMs());
                g.writeNumberProperty("timeout_ms", c.timeoutMs());
            }
            case Step.StartChild s -> {
                op(g, "start_child", s.target());
                if (s.count() > 1) g.writeNumberProperty("count", s.count());
                g.writeName("child");
                scenarioNode(g, s.child());
            }
            case Step.TerminateChild t -> { op(g, "terminate_child", t.target()); g.writeStringProperty("child", t.childId()); }
            case Step.RestartChild r -> { op(g, "restart_child", r.target()); g.writeStringProperty("child", r.childId()); }
            case Step.DeleteChild d -> { op(g, "delete_child", d.target()); g.writeStringProperty("child", d.childId()); }
            case Step.StopTree s -> g.writeStringProperty("do", "stop_tree");
        }
        g.writeEndObject();
    }

    private static void op(JsonGenerator g, String op, String target) {
        g.writeStringProperty("do", op);
        g.writeStringProperty("target", target);
    }

    /** A start_child step's node, in the scenario vocabulary, with every applicable key written. */
    private static void scenarioNode(JsonGenerator g, NodeSpec n) {
        g.writeStartObject();
        g.writeStringProperty("id", n.id());
        g.writeStringProperty("kind", n.kind().jsonName());
        SpecJson.init(g, n.init());
        g.writeStringProperty("restart", n.restart().atom());
        SpecJson.shutdown(g, n.shutdown());
        g.writeBooleanProperty("significant", n.significant());
        switch (n.kind()) {
            case WORKER -> {
                g.writeBooleanProperty("trap_exit", n.trapExit());
                g.writeNumberProperty("terminate_ms", n.terminateMs());
            }
            case SUPERVISOR -> {
                g.writeStringProperty("strategy", n.strategy().atom());
                g.writeNumberProperty("max_restarts", n.maxRestarts());
                g.writeNumberProperty("max_seconds", n.maxSeconds());
                g.writeStringProperty("auto_shutdown", n.autoShutdown().atom());
                g.writeName("children");
                g.writeStartArray();
                for (NodeSpec c : n.children()) scenarioNode(g, c);
                g.writeEndArray();
            }
            case DYNAMIC_SUPERVISOR -> {
                g.writeNumberProperty("max_restarts", n.maxRestarts());
                g.writeNumberProperty("max_seconds", n.maxSeconds());
                maxChildren(g, n.maxChildren());
            }
        }
        g.writeEndObject();
        assert n.kind() != NodeKind.WORKER || n.children().isEmpty();
    }

    /** 2-space indent, {@code "key": value}, empty containers as {@code []} and {@code {}}. */
    private static final class Pretty implements PrettyPrinter {
        private int depth;

        private void newline(JsonGenerator g) {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) g.writeRaw("  ");
        }

        @Override public void writeRootValueSeparator(JsonGenerator g) { g.writeRaw('\n'); }

        @Override public void writeStartObject(JsonGenerator g) { g.writeRaw('{'); depth++; }

        @Override public void beforeObjectEntries(JsonGenerator g) { newline(g); }

        @Override public void writeObjectNameValueSeparator(JsonGenerator g) { g.writeRaw(": "); }

        @Override public void writeObjectEntrySeparator(JsonGenerator g) { g.writeRaw(','); newline(g); }

        @Override public void writeEndObject(JsonGenerator g, int entries) {
            depth--;
            if (entries > 0) newline(g);
            g.writeRaw('}');
        }

        @Override public void writeStartArray(JsonGenerator g) { g.writeRaw('['); depth++; }

        @Override public void beforeArrayValues(JsonGenerator g) { newline(g); }

        @Override public void writeArrayValueSeparator(JsonGenerator g) { g.writeRaw(','); newline(g); }

        @Override public void writeEndArray(JsonGenerator g, int values) {
            depth--;
            if (values > 0) newline(g);
            g.writeRaw(']');
        }
    }
}
