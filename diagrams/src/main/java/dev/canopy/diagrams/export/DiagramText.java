package dev.canopy.diagrams.export;

import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.TaskSupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;

/** The text and style class a node gets in the Mermaid and DOT diagrams (raw; each exporter escapes it). */
final class DiagramText {
    private DiagramText() {}

    static String label(ExportModel.Node n) {
        String title = n.design.label().isEmpty() ? n.id() : n.design.label() + " (" + n.id() + ")";
        String detail = switch (n.design) {
            case SupervisorNode s -> "supervisor " + s.strategy().atom() + " " + s.maxRestarts() + "/" + s.maxSeconds() + "s"
                    + (s.autoShutdown().atom().equals("never") ? "" : " auto_shutdown " + s.autoShutdown().atom());
            case DynamicSupervisorNode d -> "dynamic_supervisor " + d.maxRestarts() + "/" + d.maxSeconds() + "s"
                    + (d.maxChildren() < 0 ? "" : " max " + d.maxChildren());
            case TaskSupervisorNode t -> "task_supervisor " + t.maxRestarts() + "/" + t.maxSeconds() + "s";
            case RegistryNode r -> "registry " + r.keys().atom();
            case WorkerNode w -> (n.template ? "template " : "worker ") + w.spec().restart().atom();
        };
        if (n.parent != null && !(n.design instanceof WorkerNode)) {
            detail += " " + n.design.spec().restart().atom();
        }
        return title + "\n" + detail;
    }

    static String styleClass(ExportModel.Node n) {
        return switch (n.design) {
            case SupervisorNode s -> "supervisor";
            case DynamicSupervisorNode d -> "dynamic";
            case TaskSupervisorNode t -> "dynamic";
            case RegistryNode r -> "registry";
            case WorkerNode w -> n.template ? "template" : "worker";
        };
    }
}
