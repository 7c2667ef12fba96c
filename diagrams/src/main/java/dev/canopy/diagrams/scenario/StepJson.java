package dev.canopy.diagrams.scenario;

import java.util.function.BiConsumer;

import dev.canopy.engine.scenario.NodeSpec;
import dev.canopy.engine.scenario.Step;
import tools.jackson.core.JsonGenerator;

/**
 * A fault-script step as FORMAT.md §1 writes it, shared by the scenario writer and the design
 * writer so that the two file formats cannot drift apart (the scenario writer once dropped a
 * start_child step's {@code count}). Only a start_child's child differs between the two: each
 * writer passes its own way of writing a node.
 */
public final class StepJson {

    private StepJson() {
    }

    public static void write(JsonGenerator g, Step step, BiConsumer<JsonGenerator, NodeSpec> child) {
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
                child.accept(g, s.child());
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
}
