package dev.canopy.diagrams.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invalid scenarios give every problem at once, each with its file, line, JSON path and a plain message. */
class ValidationTest {

    private static List<Problem> problems(ReadResult result) {
        assertThat(result).isInstanceOf(ReadResult.Invalid.class);
        return ((ReadResult.Invalid) result).problems();
    }

    private static List<Problem> problems(String json) {
        return problems(ScenarioReader.parse(json, "test.json"));
    }

    /** A valid scenario with the given steps (root "root" with workers a and b). */
    private static String withSteps(String steps) {
        return """
                {"name": "t",
                 "tree": {"id": "root", "children": [{"id": "a"}, {"id": "b"}]},
                 "steps": [
                %s
                 ]}""".formatted(steps);
    }

    @Test
    void a_malformed_file_gives_all_its_problems_with_paths_and_lines() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/scenario/malformed.json").toURI());
        List<Problem> problems = problems(ScenarioReader.read(file));

        assertThat(problems).extracting(Problem::line, Problem::jsonPath, Problem::message).containsExactlyInAnyOrder(
                tuple(3, "$.colour", "unknown key 'colour'"),
                tuple(4, "$.tree.strategy", "strategy must be one of one_for_one, one_for_all, rest_for_one, not 'one_for_two'"),
                tuple(5, "$.tree.children[0].restart", "restart must be one of permanent, transient, temporary, not 'sometimes'"),
                tuple(5, "$.tree.children[0].shutdown", "shutdown must be a non-negative integer (ms), \"brutal_kill\" or \"infinity\", not -1"),
                tuple(6, "$.tree.children[1].kind", "kind must be one of worker, supervisor, dynamic_supervisor, not 'robot'"),
                tuple(6, "$.tree.children[1].id", "duplicate id 'a' among siblings"),
                tuple(7, "$.tree.children[2].children", "a worker cannot have children"),
                tuple(8, "$.tree.children[3].max_children", "max_children must be a non-negative integer or \"infinity\", not 'lots'"),
                tuple(8, "$.tree.children[3].strategy", "'strategy' does not apply to a dynamic_supervisor"),
                tuple(9, "$.tree.children[4].id", "id must be made of letters, digits and _ only, not 'bad-id'"),
                tuple(9, "$.tree.children[4].init.crash_first", "crash_first must be a non-negative integer, not -2"),
                tuple(13, "$.steps[1].at_ms", "at_ms must not decrease: 300 comes after 500"),
                tuple(13, "$.steps[1].reason", "reason must be a word such as boom or a tuple such as {shutdown,bye}, not '{shutdown,bye'"),
                tuple(14, "$.steps[2].do", "do must be one of exit, crash, stop, call, start_child, terminate_child, restart_child,"
                        + " delete_child, stop_tree, not 'explode'"),
                tuple(15, "$.steps[3].reason", "missing 'reason'"),
                tuple(15, "$.steps[3].target", "target must start with the root's id 'root', not 'other/a'"),
                tuple(16, "$.steps[4].request", "request must be one of ping, sleep, not 'dance'"),
                tuple(16, "$.steps[4].timeout_ms", "timeout_ms must be a non-negative integer, not 1.5"),
                tuple(17, "$.steps[5].child.kind", "kind must be one of worker, supervisor, dynamic_supervisor, not 'wizard'"),
                tuple(18, "$.steps[6].child", "child must be made of letters, digits and _ only, not 'a/b'"),
                tuple(18, "$.steps[6].reason", "'reason' does not apply to a terminate_child step"));
        assertThat(problems).isSortedAccordingTo(Comparator.comparingInt(Problem::line));
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
        assertThat(problems.getFirst().describe()).isEqualTo(file + ":3: at $.colour: unknown key 'colour'");
    }

    @Test
    void a_syntax_error_is_reported_at_its_line() {
        List<Problem> problems = problems("""
                {"name": "t",
                 "tree": {"id": "root"},
                 "steps": [
                   {"at_ms": 100, "do": "stop_tree",}
                 ]}""");
        assertThat(problems).hasSize(1);
        Problem p = problems.getFirst();
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.jsonPath()).isEqualTo("$");
        assertThat(p.message()).isEqualTo("invalid JSON at line 4, column 37: a comma too many before '}'");
        assertThat(p.describe()).startsWith("test.json:4: at $: invalid JSON at line 4, column 37: ");
    }

    @Test
    void a_missing_comma_an_empty_file_and_trailing_content_are_syntax_problems() {
        assertThat(problems("{\"name\": \"t\"\n\n \"tree\": {}}")).extracting(Problem::line, Problem::jsonPath)
                .containsExactly(tuple(3, "$"));
        assertThat(problems("{\"name\": \"t\",\n \"tree\": {\"id\": ")).extracting(Problem::line, Problem::jsonPath)
                .containsExactly(tuple(2, "$"));
        assertThat(problems("  \n")).extracting(Problem::jsonPath, Problem::message)
                .containsExactly(tuple("$", "the file is empty; expected a JSON object"));
        assertThat(problems("{\"name\": \"t\", \"tree\": {\"id\": \"r\"}}\n{}")).extracting(Problem::line, Problem::message)
                .containsExactly(tuple(2, "unexpected content after the end of the JSON value"));
    }

    @Test
    void unknown_and_duplicate_keys_are_reported_at_the_key() {
        List<Problem> problems = problems("""
                {"name": "t",
                 "tree": {"id": "root", "foo": 1,
                   "children": [{"id": "w", "trap_exits": true}]},
                 "steps": [{"at_ms": 0, "do": "crash", "target": "root/w", "when": "now"}],
                 "name": "t"}""");
        assertThat(problems).extracting(Problem::line, Problem::jsonPath, Problem::message).containsExactly(
                tuple(2, "$.tree.foo", "unknown key 'foo'"),
                tuple(3, "$.tree.children[0].trap_exits", "unknown key 'trap_exits'"),
                tuple(4, "$.steps[0].when", "unknown key 'when'"),
                tuple(5, "$.name", "duplicate key 'name'"));
    }

    @Test
    void keys_of_another_kind_or_another_op_do_not_apply() {
        List<Problem> problems = problems("""
                {"name": "t", "tree": {"id": "root", "trap_exit": true, "children": [
                   {"id": "d", "kind": "dynamic_supervisor", "children": []}]},
                 "steps": [{"at_ms": 0, "do": "stop_tree", "target": "root"}]}""");
        assertThat(problems).extracting(Problem::jsonPath, Problem::message).containsExactly(
                tuple("$.tree.trap_exit", "'trap_exit' does not apply to a supervisor"),
                tuple("$.tree.children[0].children",
                        "a dynamic_supervisor cannot have children in the tree; it gets them through start_child steps"),
                tuple("$.steps[0].target", "'target' does not apply to a stop_tree step"));
    }

    @Test
    void at_ms_must_not_decrease_but_may_repeat() {
        List<Problem> problems = problems(withSteps("""
                  {"at_ms": 100, "do": "crash", "target": "root/a"},
                  {"at_ms": 100, "do": "crash", "target": "root/b"},
                  {"at_ms": 50, "do": "crash", "target": "root/a"},
                  {"at_ms": -1, "do": "stop_tree"},
                  {"at_ms": 99, "do": "stop_tree"},
                  {"at_ms": "soon", "do": "stop_tree"}"""));
        assertThat(problems).extracting(Problem::line, Problem::jsonPath, Problem::message).containsExactly(
                tuple(6, "$.steps[2].at_ms", "at_ms must not decrease: 50 comes after 100"),
                tuple(7, "$.steps[3].at_ms", "at_ms must be a non-negative integer, not -1"),
                tuple(8, "$.steps[4].at_ms", "at_ms must not decrease: 99 comes after 100"),
                tuple(9, "$.steps[5].at_ms", "at_ms must be a non-negative integer, not 'soon'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{shutdown,bye", "two words", "", " boom", "{shutdown, bye}", "a-b", "{}x"})
    void a_bad_reason_is_reported(String reason) {
        List<Problem> problems = problems(withSteps(
                "{\"at_ms\": 0, \"do\": \"stop\", \"target\": \"root/a\", \"reason\": \"" + reason + "\"}"));
        assertThat(problems).extracting(Problem::line, Problem::jsonPath, Problem::message).containsExactly(
                tuple(4, "$.steps[0].reason", "reason must be a word such as boom or a tuple such as {shutdown,bye}, not '"
                        + reason + "'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"normal", "shutdown", "kill", "boom", "{shutdown,bye}", "{shutdown,{a,b}}"})
    void good_reasons_are_accepted(String reason) {
        ReadResult result = ScenarioReader.parse(withSteps(
                "{\"at_ms\": 0, \"do\": \"exit\", \"target\": \"root/a\", \"reason\": \"" + reason + "\"}"), "t.json");
        assertThat(ConformanceScenariosTest.ok(result).steps().getFirst().action().describe())
                .isEqualTo("exit root/a " + reason);
    }

    @Test
    void each_op_needs_its_fields_and_targets_are_slash_paths_from_the_root() {
        List<Problem> problems = problems(withSteps("""
                  {"at_ms": 0, "do": "exit"},
                  {"at_ms": 0, "do": "start_child", "target": "root/"},
                  {"at_ms": 0, "do": "restart_child", "target": 7, "child": "a"},
                  {"do": "call", "target": "root/a"}"""));
        assertThat(problems).extracting(Problem::line, Problem::jsonPath, Problem::message).containsExactly(
                tuple(4, "$.steps[0].reason", "missing 'reason'"),
                tuple(4, "$.steps[0].target", "missing 'target'"),
                tuple(5, "$.steps[1].child", "missing 'child'"),
                tuple(5, "$.steps[1].target",
                        "target must be a slash path of ids (letters, digits, _) such as root/sub/a, not 'root/'"),
                tuple(6, "$.steps[2].target", "target must be a string, not 7"),
                tuple(7, "$.steps[3].at_ms", "missing 'at_ms'"),
                tuple(7, "$.steps[3].request", "missing 'request'"));
    }

    @Test
    void nodes_are_validated_recursively_in_start_child_steps() {
        List<Problem> problems = problems(withSteps("""
                  {"at_ms": 0, "do": "start_child", "target": "root/dyn/x",
                   "child": {"id": "s", "kind": "supervisor", "max_seconds": 0, "children": [{"id": "k", "shutdown": "never"}]}}"""));
        assertThat(problems).extracting(Problem::line, Problem::jsonPath, Problem::message).containsExactly(
                tuple(4, "$.steps[0].target", "there is no node 'root/dyn/x' in the tree, nor one started by an "
                        + "earlier start_child step"),
                tuple(5, "$.steps[0].child.max_seconds", "max_seconds must be a positive integer, not 0"),
                tuple(5, "$.steps[0].child.children[0].shutdown",
                        "shutdown must be a non-negative integer (ms), \"brutal_kill\" or \"infinity\", not 'never'"));
    }

    @Test
    void a_start_child_step_may_start_many_children_at_once_but_at_least_one() {
        ReadResult ok = ScenarioReader.parse(withSteps("""
                  {"at_ms": 0, "do": "start_child", "target": "root", "count": 5000, "child": {"id": "s"}}"""), "test.json");
        assertThat(ok).isInstanceOf(ReadResult.Ok.class);
        var step = ((ReadResult.Ok) ok).scenario().steps().getFirst().action();
        assertThat(step).isInstanceOfSatisfying(dev.canopy.engine.scenario.Step.StartChild.class,
                s -> assertThat(s.count()).isEqualTo(5000));
        List<Problem> problems = problems(withSteps("""
                  {"at_ms": 0, "do": "start_child", "target": "root", "count": 0, "child": {"id": "s"}},
                  {"at_ms": 0, "do": "start_child", "target": "root", "count": 2000000, "child": {"id": "s"}},
                  {"at_ms": 0, "do": "crash", "target": "root/a", "count": 3}"""));
        assertThat(problems).extracting(Problem::jsonPath, Problem::message).containsExactly(
                tuple("$.steps[0].count", "count must be a positive integer, not 0"),
                tuple("$.steps[1].count", "count must be at most 1000000, not 2000000"),
                tuple("$.steps[2].count", "'count' does not apply to a crash step"));
    }

    @Test
    void the_name_must_match_the_file_name(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("crash_once.json");
        Files.writeString(file, "{\"name\": \"crash_twice\", \"tree\": {\"id\": \"root\"}, \"steps\": []}");
        assertThat(problems(ScenarioReader.read(file))).extracting(Problem::jsonPath, Problem::message).containsExactly(
                tuple("$.name", "name must equal the file name without .json, 'crash_once', not 'crash_twice'"));
        // parse() only labels problems with the file name; it does not check the name.
        assertThat(ScenarioReader.parse(Files.readString(file), "crash_once.json")).isInstanceOf(ReadResult.Ok.class);
    }

    @Test
    void required_top_level_keys_and_a_non_object_document() {
        assertThat(problems("{\"description\": 3}")).extracting(Problem::jsonPath, Problem::message).containsExactly(
                tuple("$.name", "missing 'name'"),
                tuple("$.description", "description must be a string, not 3"),
                tuple("$.tree", "missing 'tree'"));
        assertThat(problems("[1, 2]")).extracting(Problem::jsonPath, Problem::message)
                .containsExactly(tuple("$", "the document must be an object, not an array"));
    }

    @Test
    void odd_keys_are_quoted_in_paths() {
        assertThat(problems("{\"name\": \"t\", \"tree\": {\"id\": \"r\"}, \"a b\": 1}"))
                .extracting(Problem::jsonPath).containsExactly("$['a b']");
    }

    @Test
    void a_missing_or_unreadable_file_is_a_problem_not_an_exception(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThat(problems(ScenarioReader.read(missing))).extracting(Problem::line, Problem::jsonPath, Problem::message)
                .containsExactly(tuple(0, "$", "no such file"));
        assertThat(problems(ScenarioReader.read(dir))).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("cannot read the file"));
    }

    @Test
    void invalid_init_forms() {
        List<Problem> problems = problems("""
                {"name": "t", "tree": {"id": "root", "children": [
                  {"id": "a", "init": []},
                  {"id": "b", "init": ["ok", "explode"]},
                  {"id": "c", "init": {"crash_first": 1, "then": "ok"}},
                  {"id": "d", "init": 3}]}}""");
        assertThat(problems).extracting(Problem::line, Problem::jsonPath, Problem::message).containsExactly(
                tuple(2, "$.tree.children[0].init", "init must not be an empty array"),
                tuple(3, "$.tree.children[1].init[1]", "init[1] must be one of ok, crash, ignore, not 'explode'"),
                tuple(4, "$.tree.children[2].init.then", "unknown key 'then'"),
                tuple(5, "$.tree.children[3].init",
                        "init must be \"ok\", \"crash\", \"ignore\", an array of those or {\"crash_first\": K}, not 3"));
    }
}
