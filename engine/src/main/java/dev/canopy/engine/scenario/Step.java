package dev.canopy.engine.scenario;

/** One timed step of a scenario: at atMs after start_tree returned, perform the action. */
public record Step(long atMs, boolean unordered, Action action) {

    /** What the driver does. Targets are slash paths from the root's id. */
    public sealed interface Action {
        String describe();
    }

    public record Exit(String target, String reason) implements Action {
        public String describe() { return "exit " + target + " " + reason; }
    }

    public record Crash(String target) implements Action {
        public String describe() { return "crash " + target; }
    }

    public record Stop(String target, String reason) implements Action {
        public String describe() { return "stop " + target + " " + reason; }
    }

    public enum Request { PING, SLEEP }

    public record Call(String target, Request request, long sleepMs, long timeoutMs) implements Action {
        public String describe() {
            return "call " + target + (request == Request.PING ? " ping" : " sleep " + sleepMs) + " timeout " + timeoutMs;
        }
    }

    /**
     * Starts {@code count} children from this spec (a DynamicSupervisor's sessions, say); 1 unless
     * the step says {@code "count"}.
     */
    public record StartChild(String target, NodeSpec child, int count) implements Action {
        public StartChild {
            if (count < 1) throw new IllegalArgumentException("count must be >= 1, was " + count);
        }

        public StartChild(String target, NodeSpec child) {
            this(target, child, 1);
        }

        public String describe() { return "start_child " + target + " " + child.id() + (count == 1 ? "" : " x" + count); }
    }

    public record TerminateChild(String target, String childId) implements Action {
        public String describe() { return "terminate_child " + target + " " + childId; }
    }

    public record RestartChild(String target, String childId) implements Action {
        public String describe() { return "restart_child " + target + " " + childId; }
    }

    public record DeleteChild(String target, String childId) implements Action {
        public String describe() { return "delete_child " + target + " " + childId; }
    }

    public record StopTree() implements Action {
        public String describe() { return "stop_tree"; }
    }
}
