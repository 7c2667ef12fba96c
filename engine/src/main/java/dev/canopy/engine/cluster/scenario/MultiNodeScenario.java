package dev.canopy.engine.cluster.scenario;

import java.util.List;

/**
 * A multi-node conformance scenario (conformance/MULTINODE-FORMAT.md §1): processes on several
 * nodes of one cluster and the network between them. Built by a reader that has checked the
 * references (every node named exists, every process is spawned before a step names it).
 */
public record MultiNodeScenario(String name, String description, List<String> nodes, List<Step> steps) {
    public MultiNodeScenario {
        nodes = List.copyOf(nodes);
        steps = List.copyOf(steps);
    }

    /** One step: at atMs after the start, do action. */
    public record Step(long atMs, Action action) {}

    /** A process of the scenario: ID spawned on NODE ({@code "NODE:ID"}). */
    public record ProcessRef(String node, String id) {
        public String label() { return node + ":" + id; }
    }

    /** What a call is addressed to: a process, or a global name. */
    public sealed interface Target {
        String label();
    }

    public record ProcessTarget(ProcessRef process) implements Target {
        public String label() { return process.label(); }
    }

    public record GlobalTarget(String name) implements Target {
        public String label() { return "global:" + name; }
    }

    /** The steps of §1's table. */
    public sealed interface Action {}

    public record Spawn(ProcessRef target) implements Action {}

    public record Kill(ProcessRef target) implements Action {}

    /** resolver: "default" or "keep_first_node". */
    public record RegisterGlobal(String name, ProcessRef target, String resolver) implements Action {}

    public record WhereisGlobal(String on, String name) implements Action {}

    public record Call(String from, Target target, long timeoutMs) implements Action {}

    public record Monitor(String on, ProcessRef target) implements Action {}

    public record MonitorNode(String on, String node) implements Action {}

    public record Link(ProcessRef target, ProcessRef to) implements Action {}

    public record Partition(List<List<String>> groups) implements Action {
        public Partition { groups = groups.stream().map(List::copyOf).toList(); }
    }

    public record Disconnect(String a, String b) implements Action {}

    public record Heal() implements Action {}

    public record Nodes(String on) implements Action {}

    public record Overlap() implements Action {}
}
