package dev.canopy.diagrams.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;

class DesignReaderTest {

    private static List<DesignProblem> failed(String json) {
        LoadResult result = DesignReader.parse(json, "f.canopy.json");
        assertThat(result).isInstanceOf(LoadResult.Failed.class);
        return ((LoadResult.Failed) result).problems();
    }

    private static LoadResult.Loaded loaded(String json) {
        LoadResult result = DesignReader.parse(json, "f.canopy.json");
        assertThat(result).as("%s", result).isInstanceOf(LoadResult.Loaded.class);
        return (LoadResult.Loaded) result;
    }

    @Test
    void a_file_from_a_newer_canopy_is_reported_with_its_format() {
        assertThat(failed("""
                {"format": 2, "name": "x",
                 "tree": {"id": "root", "children": []}}
                """)).containsExactly(new DesignProblem("f.canopy.json", "$.format", 1, DesignProblem.Severity.ERROR,
                "written by a newer Canopy (format 2); this version reads format 1"));
    }

    @Test
    void keys_this_version_does_not_know_are_warnings_not_silently_dropped() {
        LoadResult.Loaded loaded = loaded("""
                {"format": 1, "name": "x", "colour": "green",
                 "tree": {"id": "root", "children": [{"id": "a", "hue": 3}]}}
                """);
        assertThat(loaded.warnings()).extracting(DesignProblem::describe).containsExactly(
                "f.canopy.json:1: at $.colour: warning: unknown key 'colour'",
                "f.canopy.json:2: at $.tree.children[0].hue: warning: unknown key 'hue'");
    }

    @Test
    void a_scenario_opens_as_a_design_with_the_format_defaults() {
        Design d = loaded("""
                {"name": "s", "tree": {"id": "root", "children": [{"id": "a"}, {"id": "d", "kind": "dynamic_supervisor"}]},
                 "steps": [{"at_ms": 100, "do": "crash", "target": "root/a"}]}
                """).design();
        assertThat(d.format()).isEqualTo(1);
        assertThat(d.clusterNodes()).isEqualTo(1);
        SupervisorNode root = (SupervisorNode) d.root();
        assertThat(root.maxRestarts()).isEqualTo(1);
        assertThat(root.maxSeconds()).isEqualTo(5);
        WorkerNode a = (WorkerNode) root.children().get(0);
        assertThat(a.spec().shutdown()).isEqualTo(new Shutdown.Timeout(5000));
        assertThat(a.spec().restart()).isEqualTo(Restart.PERMANENT);
        assertThat(a.sim()).isEqualTo(WorkerSim.DEFAULT);
        DynamicSupervisorNode dyn = (DynamicSupervisorNode) root.children().get(1);
        assertThat(dyn.maxRestarts()).isEqualTo(3);
        assertThat(dyn.maxChildren()).isEqualTo(-1);
        assertThat(dyn.spec().shutdown()).isEqualTo(Shutdown.INFINITY);
        assertThat(d.faultScript()).hasSize(1);
    }

    @Test
    void every_shape_problem_is_reported_at_once_with_line_and_path() {
        assertThat(failed("""
                {"format": 1, "name": "x",
                 "tree": {"id": "root", "children": [
                   {"id": "w", "kind": "worker", "children": []},
                   {"id": "s", "shutdown": -5, "restart": "sometimes"},
                   {"id": "d", "kind": "dynamic_supervisor", "child_template": {"id": "t", "kind": "supervisor"}},
                   {"id": "n", "name": {"scope": "via", "registry": "r"}}
                 ]}}
                """)).extracting(DesignProblem::describe).containsExactly(
                "f.canopy.json:3: at $.tree.children[0].children: error: a worker cannot have children",
                "f.canopy.json:4: at $.tree.children[1].restart: error: restart must be one of permanent, transient, "
                        + "temporary, not 'sometimes'",
                "f.canopy.json:4: at $.tree.children[1].shutdown: error: shutdown must be a non-negative integer (ms), "
                        + "\"brutal_kill\" or \"infinity\", not -5",
                "f.canopy.json:5: at $.tree.children[2].child_template: error: child_template must be a worker, not a supervisor",
                "f.canopy.json:6: at $.tree.children[3].name.key: error: missing 'key'");
    }

    @Test
    void invalid_json_gives_its_line() {
        assertThat(failed("{\"name\": \"x\",\n\"tree\": {\n}}}")).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(3))
                .satisfies(p -> assertThat(p.message()).startsWith("invalid JSON at line 3, column 3: ").doesNotContain("\n"));
    }

    @Test
    void design_keys_are_read() {
        Design d = loaded("""
                {"format": 1, "name": "x", "cluster_nodes": 3,
                 "tree": {"id": "root", "label": "Root", "notes": "n", "start": {"module": "MyApp.Sup"}, "children": [
                   {"id": "reg", "kind": "registry", "keys": "duplicate", "partitions": 4},
                   {"id": "tasks", "kind": "task_supervisor", "max_children": 10},
                   {"id": "w", "init": {"crash_first": 2}, "name": {"scope": "global", "name": "MyApp.W"},
                    "modules": ["MyApp.W"], "start": {"module": "MyApp.W", "function": "go", "args": ["1", ":a"]},
                    "sim": {"init_ms": 10, "dependency": {"kind": "remote", "backoff_ms": 500},
                            "call_latency_ms": 3, "message_rate_per_s": 2.5, "crash_on": "boom"}}
                 ]}}
                """).design();
        SupervisorNode root = (SupervisorNode) d.root();
        assertThat(root.label()).isEqualTo("Root");
        assertThat(root.spec().startModule()).isEqualTo("MyApp.Sup");
        assertThat(root.spec().startFunction()).isEqualTo("start_link");
        assertThat(root.children().get(0)).isEqualTo(RegistryNode.of("reg").withKeys(RegistryNode.Keys.DUPLICATE).withPartitions(4));
        assertThat(root.children().get(1)).isEqualTo(TaskSupervisorNode.of("tasks").withMaxChildren(10));
        WorkerNode w = (WorkerNode) root.children().get(2);
        assertThat(w.naming()).isEqualTo(new Naming.Global("MyApp.W"));
        assertThat(w.spec().args()).containsExactly("1", ":a");
        assertThat(w.spec().modules()).containsExactly("MyApp.W");
        assertThat(w.sim()).isEqualTo(new WorkerSim(10, new InitBehaviour.CrashFirst(2), false, 0,
                Dependency.remote(500), 3, 2.5, "boom"));
    }
}
