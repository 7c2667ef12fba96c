package dev.canopy.diagrams.scenario;

import java.io.StringWriter;
import java.util.List;

import dev.canopy.engine.cluster.scenario.MultiNodeScenario;
import dev.canopy.engine.cluster.scenario.MultiNodeScenario.Step;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link MultiNodeScenario} as multi-node JSON (conformance/MULTINODE-FORMAT.md §1), the
 * inverse of the app's multi-node reader. Fields at their default (a call's 1000 ms timeout, the
 * default resolver) are left out. Used by the multi-node differential tester, which feeds the same
 * file to Canopy and to real OTP.
 */
public final class MultiNodeScenarioWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private MultiNodeScenarioWriter() {
    }

    public static String write(MultiNodeScenario scenario) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.writerWithDefaultPrettyPrinter().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("name", scenario.name());
            g.writeStringProperty("description", scenario.description());
            g.writeName("nodes");
            strings(g, scenario.nodes());
            g.writeName("steps");
            g.writeStartArray();
            for (Step step : scenario.steps()) step(g, step);
            g.writeEndArray();
            g.writeEndObject();
        }
        return out + "\n";
    }

    private static void step(JsonGenerator g, Step step) {
        g.writeStartObject();
        g.writeNumberProperty("at_ms", step.atMs());
        switch (step.action()) {
            case MultiNodeScenario.Spawn s -> {
                g.writeStringProperty("do", "spawn");
                g.writeStringProperty("target", s.target().label());
            }
            case MultiNodeScenario.Kill k -> {
                g.writeStringProperty("do", "kill");
                g.writeStringProperty("target", k.target().label());
            }
            case MultiNodeScenario.RegisterGlobal r -> {
                g.writeStringProperty("do", "register_global");
                g.writeStringProperty("name", r.name());
                g.writeStringProperty("target", r.target().label());
                if (!r.resolver().equals("default")) g.writeStringProperty("resolver", r.resolver());
            }
            case MultiNodeScenario.WhereisGlobal w -> {
                g.writeStringProperty("do", "whereis_global");
                g.writeStringProperty("on", w.on());
                g.writeStringProperty("name", w.name());
            }
            case MultiNodeScenario.Call c -> {
                g.writeStringProperty("do", "call");
                g.writeStringProperty("from", c.from());
                g.writeStringProperty("target", c.target().label());
                if (c.timeoutMs() != 1000) g.writeNumberProperty("timeout_ms", c.timeoutMs());
            }
            case MultiNodeScenario.Monitor m -> {
                g.writeStringProperty("do", "monitor");
                g.writeStringProperty("on", m.on());
                g.writeStringProperty("target", m.target().label());
            }
            case MultiNodeScenario.MonitorNode m -> {
                g.writeStringProperty("do", "monitor_node");
                g.writeStringProperty("on", m.on());
                g.writeStringProperty("node", m.node());
            }
            case MultiNodeScenario.Link l -> {
                g.writeStringProperty("do", "link");
                g.writeStringProperty("target", l.target().label());
                g.writeStringProperty("to", l.to().label());
            }
            case MultiNodeScenario.Partition p -> {
                g.writeStringProperty("do", "partition");
                g.writeName("groups");
                g.writeStartArray();
                for (List<String> group : p.groups()) strings(g, group);
                g.writeEndArray();
            }
            case MultiNodeScenario.Disconnect d -> {
                g.writeStringProperty("do", "disconnect");
                g.writeStringProperty("a", d.a());
                g.writeStringProperty("b", d.b());
            }
            case MultiNodeScenario.Heal h -> g.writeStringProperty("do", "heal");
            case MultiNodeScenario.Nodes n -> {
                g.writeStringProperty("do", "nodes");
                g.writeStringProperty("on", n.on());
            }
            case MultiNodeScenario.Overlap o -> g.writeStringProperty("do", "overlap");
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, List<String> values) {
        g.writeStartArray();
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }
}
