package dev.canopy.diagrams.scenario;

import java.io.StringWriter;

import dev.canopy.engine.scenario.NodeSpec;
import dev.canopy.engine.scenario.Scenario;
import dev.canopy.engine.scenario.Step;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link Scenario} as conformance-format JSON (shared/conformance/FORMAT.md §1), the
 * inverse of {@link ScenarioReader}: reading the text back gives an equal scenario. Only keys
 * whose value differs from the format's default for that node are written (child-spec keys
 * never on the root, which ignores them), so a generated or minimised scenario stays short
 * enough to read. Used by the differential tester, which feeds the same file to Canopy and
 * to real OTP.
 */
public final class ScenarioWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ScenarioWriter() {
    }

    public static String write(Scenario scenario) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.writerWithDefaultPrettyPrinter().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("name", scenario.name());
            g.writeStringProperty("description", scenario.description());
            g.writeName("tree");
            node(g, scenario.tree(), true);
            g.writeName("steps");
            g.writeStartArray();
            for (Step step : scenario.steps()) StepJson.write(g, step, (gen, child) -> node(gen, child, false));
            g.writeEndArray();
            g.writeEndObject();
        }
        return out + "\n";
    }

    private static void node(JsonGenerator g, NodeSpec n, boolean root) {
        NodeSpec d = NodeSpec.defaults(n.id(), n.kind());
        g.writeStartObject();
        g.writeStringProperty("id", n.id());
        g.writeStringProperty("kind", n.kind().jsonName());
        if (!n.init().equals(d.init())) SpecJson.init(g, n.init());
        if (!root) {
            if (n.restart() != d.restart()) g.writeStringProperty("restart", n.restart().atom());
            if (!n.shutdown().equals(d.shutdown())) SpecJson.shutdown(g, n.shutdown());
            if (n.significant()) g.writeBooleanProperty("significant", true);
        }
        switch (n.kind()) {
            case WORKER -> {
                if (n.trapExit()) g.writeBooleanProperty("trap_exit", true);
                if (n.terminateMs() != 0) g.writeNumberProperty("terminate_ms", n.terminateMs());
            }
            case SUPERVISOR -> {
                if (n.strategy() != d.strategy()) g.writeStringProperty("strategy", n.strategy().atom());
                intensity(g, n, d);
                if (n.autoShutdown() != d.autoShutdown()) g.writeStringProperty("auto_shutdown", n.autoShutdown().atom());
                g.writeName("children");
                g.writeStartArray();
                for (NodeSpec c : n.children()) node(g, c, false);
                g.writeEndArray();
            }
            case DYNAMIC_SUPERVISOR -> {
                intensity(g, n, d);
                if (n.maxChildren() >= 0) g.writeNumberProperty("max_children", n.maxChildren());
            }
        }
        g.writeEndObject();
    }

    private static void intensity(JsonGenerator g, NodeSpec n, NodeSpec d) {
        if (n.maxRestarts() != d.maxRestarts()) g.writeNumberProperty("max_restarts", n.maxRestarts());
        if (n.maxSeconds() != d.maxSeconds()) g.writeNumberProperty("max_seconds", n.maxSeconds());
    }
}
