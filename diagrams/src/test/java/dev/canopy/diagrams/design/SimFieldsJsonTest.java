package dev.canopy.diagrams.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The simulator-only worker fields of lessons 2, 4 and 5: a dependency's {@code outages} and a
 * worker's {@code calls}. They are read, written back byte for byte, validated with a JSON path and
 * a sentence, and left out when absent so other designs keep their bytes.
 */
class SimFieldsJsonTest {

    static final String DESIGN = """
            {"format": 1, "name": "x",
             "tree": {"id": "root", "children": [
               {"id": "svc", "sim": {"dependency": {"kind": "remote", "backoff_ms": 100,
                                                    "outages": [{"from_ms": 10, "to_ms": 20}, %s]}}},
               {"id": "caller", "sim": {"calls": %s}}]}}
            """;

    static String design(String secondOutage, String calls) {
        return DESIGN.formatted(secondOutage, calls);
    }

    static final String GOOD_CALLS = """
            {"target": "root/svc", "every_ms": 500, "policy": "queue", "retry_in_ms": 0, "max_attempts": 1, "timeout_ms": 300}""";

    private static Design loaded(String json) {
        LoadResult r = DesignReader.parse(json, "f.canopy.json");
        assertThat(r).as("%s", r).isInstanceOf(LoadResult.Loaded.class);
        assertThat(((LoadResult.Loaded) r).warnings()).isEmpty();
        return ((LoadResult.Loaded) r).design();
    }

    private static List<String> errors(Design d) {
        return DesignValidator.validate(d).stream().filter(DesignProblem::isError).map(p -> p.jsonPath() + ": " + p.message()).toList();
    }

    @Test
    void outages_and_calls_are_read_written_and_read_back_equal() {
        Design d = loaded(design("{\"from_ms\": 30, \"to_ms\": 45}", GOOD_CALLS));
        WorkerNode svc = (WorkerNode) DesignPaths.find(d, "root/svc").orElseThrow();
        assertThat(svc.sim().dependency().outages()).containsExactly(new Outage(10, 20), new Outage(30, 45));
        WorkerNode caller = (WorkerNode) DesignPaths.find(d, "root/caller").orElseThrow();
        assertThat(caller.sim().calls()).isEqualTo(new CallPlan("root/svc", 500, CallPolicy.QUEUE, 0, 1, 300));
        assertThat(errors(d)).isEmpty();
        String text = DesignWriter.write(d);
        assertThat(text).contains("\"outages\"", "\"calls\"", "\"policy\": \"queue\"");
        assertThat(loaded(text)).isEqualTo(d);
        assertThat(DesignWriter.write(loaded(text))).isEqualTo(text);
    }

    @Test
    void a_worker_without_them_is_written_without_the_keys() {
        String text = DesignWriter.write(Design.of("x", "", SupervisorNode.of("root", List.of(WorkerNode.of("a")))));
        assertThat(text).doesNotContain("outages").doesNotContain("\"calls\"");
    }

    @Test
    void an_unknown_policy_is_a_reader_error_with_its_path_and_line() {
        LoadResult r = DesignReader.parse(design("{\"from_ms\": 30, \"to_ms\": 45}", """
                {"target": "root/svc", "every_ms": 500, "policy": "pray"}"""), "f.canopy.json");
        assertThat(r).isInstanceOf(LoadResult.Failed.class);
        assertThat(((LoadResult.Failed) r).problems()).extracting(DesignProblem::describe).containsExactly(
                "f.canopy.json:5: at $.tree.children[1].sim.calls.policy: error: policy must be one of retry, queue, ignore, alert,"
                        + " not 'pray'");
    }

    @Test
    void outages_must_end_after_they_start_and_not_overlap() {
        Design d = loaded(design("{\"from_ms\": 15, \"to_ms\": 15}", GOOD_CALLS));
        assertThat(errors(d)).containsExactly("$.tree.children[0].sim.dependency.outages[1].to_ms: an outage must end after it "
                + "starts: to_ms 15 is not after from_ms 15");
        d = loaded(design("{\"from_ms\": 15, \"to_ms\": 40}", GOOD_CALLS));
        assertThat(errors(d)).containsExactly("$.tree.children[0].sim.dependency.outages[1].from_ms: outages must be in time "
                + "order without overlapping: this one starts at 15 ms, before the previous one ends at 20 ms");
    }

    @Test
    void outages_need_a_dependency() {
        Design d = loaded("""
                {"format": 1, "name": "x", "tree": {"id": "root", "children": [
                  {"id": "a", "sim": {"dependency": {"kind": "none", "outages": [{"from_ms": 1, "to_ms": 2}]}}}]}}
                """);
        assertThat(errors(d)).containsExactly("$.tree.children[0].sim.dependency.outages: 'a' has outages but no dependency: "
                + "set dependency.kind to local or remote, or remove the outages");
    }

    @Test
    void a_call_plan_names_another_worker_and_has_positive_times() {
        String outage = "{\"from_ms\": 30, \"to_ms\": 45}";
        assertThat(errors(loaded(design(outage, """
                {"target": "root/nobody", "every_ms": 0, "policy": "retry", "retry_in_ms": 0, "max_attempts": 3, "timeout_ms": 0}"""))))
                .containsExactly(
                        "$.tree.children[1].sim.calls.target: there is no node 'root/nobody' in the tree: name a worker by its "
                                + "slash path, such as root/service",
                        "$.tree.children[1].sim.calls.every_ms: every_ms must be more than 0, not 0",
                        "$.tree.children[1].sim.calls.timeout_ms: timeout_ms must be more than 0, not 0",
                        "$.tree.children[1].sim.calls.retry_in_ms: retry_in_ms must be more than 0 for the retry policy, not 0");
        assertThat(errors(loaded(design(outage, """
                {"target": "root/caller", "every_ms": 100, "policy": "ignore"}""")))).containsExactly(
                "$.tree.children[1].sim.calls.target: a worker cannot call itself (its call would wait for its own reply until "
                        + "the timeout): name another worker");
        assertThat(errors(loaded(design(outage, """
                {"target": "root", "every_ms": 100, "policy": "alert"}""")))).containsExactly(
                "$.tree.children[1].sim.calls.target: 'root' is a supervisor, not a worker: a caller calls a GenServer worker");
    }
}
