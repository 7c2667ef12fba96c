package dev.canopy.app.ui.edit;

import java.util.List;
import java.util.Optional;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.TaskSupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;

/** A small valid design with every kind of node. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * <pre>
     * app (supervisor)
     *   reg (registry)
     *   repo (worker)
     *   web (supervisor)
     *     cache (worker)
     *     endpoint (worker, via reg)
     *   sessions (dynamic_supervisor, template session)
     *   tasks (task_supervisor)
     * </pre>
     */
    static Design design() {
        DesignNode web = SupervisorNode.of("web", List.of(
                WorkerNode.of("cache"),
                WorkerNode.of("endpoint").withNaming(new Naming.Via("reg", "endpoint"))));
        DesignNode sessions = DynamicSupervisorNode.of("sessions").withChildTemplate(Optional.of(WorkerNode.of("session")));
        DesignNode root = SupervisorNode.of("app", List.of(
                RegistryNode.of("reg"), WorkerNode.of("repo"), web, sessions, TaskSupervisorNode.of("tasks")));
        return Design.of("my_app", "a test design", root);
    }
}
