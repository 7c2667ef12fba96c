package dev.canopy.diagrams.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** lab_steps: read with every problem located, validated against the tree, written back byte for byte, never exported. */
class LabStepsTest {
    static final String TREE = """
            "tree": {"id": "root", "children": [
              {"id": "tasks", "kind": "task_supervisor"},
              {"id": "agg"},
              {"id": "sub", "kind": "supervisor", "children": [{"id": "lonely"}]}]}""";

    private static LoadResult parse(String labSteps) {
        return DesignReader.parse("{\"format\": 1, \"name\": \"x\",\n" + TREE + ",\n \"lab_steps\": " + labSteps + "}", "f.canopy.json");
    }

    private static List<String> problems(String labSteps) {
        var r = parse(labSteps);
        assertThat(r).isInstanceOf(LoadResult.Failed.class);
        return ((LoadResult.Failed) r).problems().stream().map(DesignProblem::describe).toList();
    }

    @Test
    void every_kind_of_step_reads_with_its_defaults_and_writes_back_identically() {
        var r = parse("""
                [{"at_ms": 100, "do": "fan_out", "target": "root/agg", "collect": "async_nolink", "shards": [2, 0]},
                 {"at_ms": 200, "do": "request", "target": "root/agg", "trace_id": "t1", "budget_ms": 50, "hops": ["root/sub/lonely"]},
                 {"at_ms": 300, "do": "timed_job", "target": "root/agg", "work_ms": 10},
                 {"at_ms": 300, "do": "jump_system_time", "by_ms": -5},
                 {"at_ms": 400, "do": "demo", "target": "root/agg", "demo": "money"}]""");
        assertThat(r).as("%s", r).isInstanceOf(LoadResult.Loaded.class);
        var d = ((LoadResult.Loaded) r).design();
        assertThat(d.labSteps()).extracting(LabStep::action).containsExactly(
                new LabAction.FanOut("root/agg", LabAction.Collect.ASYNC_NOLINK, List.of(2, 0), 100, 5000),
                new LabAction.Request("root/agg", "t1", 50, List.of("root/sub/lonely"), 100),
                new LabAction.TimedJob("root/agg", 10),
                new LabAction.JumpSystemTime("root", -5),
                new LabAction.RunDemo("root/agg", LabAction.Demo.MONEY, 1000));
        String text = DesignWriter.write(d);
        var again = ((LoadResult.Loaded) DesignReader.parse(text, "g.canopy.json")).design();
        assertThat(again).isEqualTo(d);
        assertThat(DesignWriter.write(again)).isEqualTo(text);
        // Simulator-only: the scenario (what export and the OTP check use) has no trace of them.
        assertThat(ToScenario.checked(d).steps()).isEmpty();
    }

    @Test
    void a_design_without_lab_steps_writes_no_lab_steps_key() {
        var d = Design.of("x", "", SupervisorNode.of("root", List.of(WorkerNode.of("a"))));
        assertThat(DesignWriter.write(d)).doesNotContain("lab_steps");
    }

    @Test
    void bad_values_are_reported_where_they_are() {
        assertThat(problems("""
                [{"at_ms": 100, "do": "fan_out", "target": "root/agg", "collect": "await_all", "shards": []},
                 {"at_ms": 50, "do": "teleport"},
                 {"at_ms": 200, "do": "timed_job", "target": "elsewhere/agg", "work_ms": -1, "by_ms": 3},
                 {"at_ms": 300, "do": "jump_system_time", "by_ms": "an hour"}]""")).containsExactly(
                "f.canopy.json:6: at $.lab_steps[0].collect: error: collect must be one of await_many, yield_many, async_nolink, not 'await_all'",
                "f.canopy.json:6: at $.lab_steps[0].shards: error: shards must list at least one shard (its number of items)",
                "f.canopy.json:7: at $.lab_steps[1].at_ms: error: at_ms must not decrease: 50 comes after 100",
                "f.canopy.json:7: at $.lab_steps[1].do: error: do must be one of fan_out, request, timed_job, jump_system_time, demo, partition, heal, delay_link, call_from, stop_node, start_node, not 'teleport'",
                "f.canopy.json:8: at $.lab_steps[2].by_ms: error: 'by_ms' does not apply to a timed_job step",
                "f.canopy.json:8: at $.lab_steps[2].target: error: target must be a path from the root such as root/worker, not 'elsewhere/agg'",
                "f.canopy.json:8: at $.lab_steps[2].work_ms: error: work_ms must be a non-negative integer, not -1",
                "f.canopy.json:9: at $.lab_steps[3].by_ms: error: by_ms must be an integer number of milliseconds (negative moves the clock back), not 'an hour'");
    }

    @Test
    void targets_must_be_workers_of_the_tree_and_async_nolink_needs_a_task_supervisor_beside_its_worker() {
        var r = parse("""
                [{"at_ms": 1, "do": "fan_out", "target": "root/sub/lonely", "collect": "async_nolink", "shards": [1]},
                 {"at_ms": 2, "do": "request", "target": "root/agg", "trace_id": "t", "budget_ms": 5, "hops": ["root/sub", "root/gone"]},
                 {"at_ms": 3, "do": "demo", "target": "root/tasks", "demo": "iodata"}]""");
        var design = ((LoadResult.Loaded) r).design();
        assertThat(DesignValidator.validate(design)).extracting(p -> p.jsonPath() + ": " + p.message()).containsExactly(
                "$.lab_steps[0].collect: async_nolink starts the tasks under a Task.Supervisor: add a task_supervisor"
                        + " beside 'root/sub/lonely' (under the same supervisor)",
                "$.lab_steps[1].hops[0]: 'root/sub' is a supervisor; a lab step needs a worker to do its work",
                "$.lab_steps[1].hops[1]: there is no node 'root/gone' in the tree",
                "$.lab_steps[2].target: 'root/tasks' is a task_supervisor; a lab step needs a worker to do its work");
        assertThat(dev.canopy.diagrams.sim.SimulationSession.start(design, 1))
                .isInstanceOf(dev.canopy.diagrams.sim.SimulationSession.Start.Invalid.class);
    }
}
