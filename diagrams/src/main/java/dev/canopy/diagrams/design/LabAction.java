package dev.canopy.diagrams.design;

import java.util.List;
import java.util.Objects;

/**
 * What a pattern-lab step asks a running design to do: work that a lesson needs the worker to
 * really perform (fan tasks out, serve a request through a call chain, time a job, run a
 * demonstration) or a change to the simulated world (the system clock jumps). Simulator-only:
 * a lab step has no OTP counterpart in the conformance format, so the exporters and
 * {@link ToScenario} leave lab steps out (the exported code boots without them).
 */
public sealed interface LabAction {
    /** The worker that does it (a design path); the root's path for a jump of the clock. */
    String target();

    /** The JSON word of the step's {@code do}. */
    String word();

    /** The task_supervisor under the same parent as the worker at path (where async_nolink starts its tasks), if any. */
    static java.util.Optional<String> taskSupervisorBeside(Design design, String path) {
        return LabStepChecks.taskSupervisorBeside(design, path);
    }

    /** How a fan-out collects its tasks' results. */
    enum Collect {
        /** Task.async each shard, then Task.await_many: every result at once, in submission order. */
        AWAIT_MANY("await_many"),
        /** Task.async each shard, one deadline (send_after); results handled as they arrive, stragglers shut down. */
        YIELD_MANY("yield_many"),
        /** Task.Supervisor.async_nolink under the design's task supervisor; a crashing task is a DOWN, not an exit. */
        ASYNC_NOLINK("async_nolink");

        public final String word;

        Collect(String word) { this.word = word; }
    }

    /**
     * The target fans out one task per shard. A shard is its number of items; each item takes
     * itemMs of work; an empty shard (0 items) raises ArithmeticError (the average of nothing).
     * deadlineMs is the yield_many deadline and the await_many timeout.
     */
    record FanOut(String target, Collect collect, List<Integer> shards, long itemMs, long deadlineMs) implements LabAction {
        public FanOut {
            Objects.requireNonNull(collect, "collect");
            shards = List.copyOf(shards);
        }

        public String word() { return "fan_out"; }
    }

    /**
     * A request enters at the target (the boundary) with a trace id and a deadline budget; it sets
     * both in its process metadata and calls down the chain of hops (design paths), each hop
     * taking hopMs and copying the metadata it was given into its own.
     */
    record Request(String target, String traceId, long budgetMs, List<String> hops, long hopMs) implements LabAction {
        public Request {
            Objects.requireNonNull(traceId, "traceId");
            hops = List.copyOf(hops);
        }

        public String word() { return "request"; }
    }

    /** The target times a job of workMs with both clocks: system time (wall) and monotonic time. */
    record TimedJob(String target, long workMs) implements LabAction {
        public String word() { return "timed_job"; }
    }

    /** The simulated system (wall) clock jumps by byMs (negative: back); monotonic time does not move. */
    record JumpSystemTime(String target, long byMs) implements LabAction {
        public String word() { return "jump_system_time"; }
    }

    /** A demonstration the target runs and counts: see {@link Demo}. */
    record RunDemo(String target, Demo demo, int size) implements LabAction {
        public RunDemo {
            Objects.requireNonNull(demo, "demo");
        }

        public String word() { return "demo"; }
    }

    /**
     * A netsplit (cluster designs only): every node may only talk to the nodes of its own group;
     * each node of the cluster is in exactly one group. target: the root's path.
     */
    record Partition(String target, List<List<String>> groups) implements LabAction {
        public Partition {
            groups = groups.stream().map(List::copyOf).toList();
        }

        public String word() { return "partition"; }
    }

    /** Every node may talk to every node again (global resolves the names both sides registered). */
    record Heal(String target) implements LabAction {
        public String word() { return "heal"; }
    }

    /** Every signal between nodes a and b (both ways) takes ms from now on; 0 takes the delay away. */
    record DelayLink(String target, String a, String b, long ms) implements LabAction {
        public String word() { return "delay_link"; }
    }

    /** The whole node goes down: its connections drop and every process on it exits (killed). */
    record StopNode(String target, String node) implements LabAction {
        public String word() { return "stop_node"; }
    }

    /** A node that went down comes back: it connects to the nodes that are up and boots its tree again. */
    record StartNode(String target, String node) implements LabAction {
        public String word() { return "start_node"; }
    }

    /**
     * A client on node {@code node} calls the worker at target: a globally named worker through
     * its global name (wherever it lives, as {@code GenServer.call({:global, name}, ...)}), any
     * other worker's copy on that node. {@code toNode}, when not empty, names the node whose copy
     * is called instead, as {@code GenServer.call({name, :"a@host"}, ...)} does: a store that lives
     * on one node, or the owner of a key's range under consistent hashing.
     */
    record CallFrom(String target, String node, long timeoutMs, String toNode) implements LabAction {
        public CallFrom {
            java.util.Objects.requireNonNull(toNode, "toNode");
        }

        public CallFrom(String target, String node, long timeoutMs) { this(target, node, timeoutMs, ""); }

        public String word() { return "call_from"; }
    }

    /** The runnable demonstrations of the Elixir habits card. */
    enum Demo {
        /** Building a binary by repeated concatenation against collecting iodata and flattening once: bytes copied. */
        IODATA("iodata"),
        /** Adding 0.10 size times as a float against as integer cents. */
        MONEY("money"),
        /** Summing a list of size by body recursion against tail recursion: the deepest stack. */
        RECURSION("recursion");

        public final String word;

        Demo(String word) { this.word = word; }
    }
}
