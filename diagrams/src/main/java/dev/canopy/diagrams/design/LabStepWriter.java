package dev.canopy.diagrams.design;

import java.util.List;

import tools.jackson.core.JsonGenerator;

/** Writes {@code lab_steps} in the key order {@link LabStepReader} documents, every default written out. */
final class LabStepWriter {
    private LabStepWriter() {}

    static void write(JsonGenerator g, List<LabStep> steps) {
        g.writeName("lab_steps");
        g.writeStartArray();
        for (var step : steps) step(g, step);
        g.writeEndArray();
    }

    private static void step(JsonGenerator g, LabStep step) {
        g.writeStartObject();
        g.writeNumberProperty("at_ms", step.atMs());
        var a = step.action();
        g.writeStringProperty("do", a.word());
        switch (a) {
            case LabAction.FanOut f -> {
                g.writeStringProperty("target", f.target());
                g.writeStringProperty("collect", f.collect().word);
                g.writeName("shards");
                g.writeStartArray();
                for (int n : f.shards()) g.writeNumber(n);
                g.writeEndArray();
                g.writeNumberProperty("item_ms", f.itemMs());
                g.writeNumberProperty("deadline_ms", f.deadlineMs());
            }
            case LabAction.Request r -> {
                g.writeStringProperty("target", r.target());
                g.writeStringProperty("trace_id", r.traceId());
                g.writeNumberProperty("budget_ms", r.budgetMs());
                g.writeName("hops");
                g.writeStartArray();
                for (var h : r.hops()) g.writeString(h);
                g.writeEndArray();
                g.writeNumberProperty("hop_ms", r.hopMs());
            }
            case LabAction.TimedJob t -> {
                g.writeStringProperty("target", t.target());
                g.writeNumberProperty("work_ms", t.workMs());
            }
            case LabAction.JumpSystemTime j -> g.writeNumberProperty("by_ms", j.byMs());
            case LabAction.Partition p -> {
                g.writeName("groups");
                g.writeStartArray();
                for (var group : p.groups()) strings(g, group);
                g.writeEndArray();
            }
            case LabAction.Heal h -> { }
            case LabAction.StopNode s -> g.writeStringProperty("node", s.node());
            case LabAction.StartNode s -> g.writeStringProperty("node", s.node());
            case LabAction.DelayLink d -> {
                g.writeName("between");
                strings(g, List.of(d.a(), d.b()));
                g.writeNumberProperty("ms", d.ms());
            }
            case LabAction.CallFrom c -> {
                g.writeStringProperty("node", c.node());
                g.writeStringProperty("target", c.target());
                g.writeNumberProperty("timeout_ms", c.timeoutMs());
                if (!c.toNode().isEmpty()) g.writeStringProperty("to_node", c.toNode());
            }
            case LabAction.RunDemo d -> {
                g.writeStringProperty("target", d.target());
                g.writeStringProperty("demo", d.demo().word);
                g.writeNumberProperty("size", d.size());
            }
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, List<String> values) {
        g.writeStartArray();
        for (var v : values) g.writeString(v);
        g.writeEndArray();
    }
}
