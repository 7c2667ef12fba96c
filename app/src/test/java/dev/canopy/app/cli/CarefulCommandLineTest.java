package dev.canopy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line is as careful as the app: every problem at once, in sentences, exit status 2 for the user's mistakes. */
class CarefulCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void validate_reports_every_problem_even_after_a_type_error() throws IOException {
        Path file = write("two.canopy.json", """
                {"format": 1, "name": "two",
                 "tree": {"id": "root", "max_restarts": "three", "children": [
                   {"id": "a"},
                   {"id": "a"},
                   {"id": "Bad-Id"}
                 ]}}
                """);
        CanopyCommandTest.Run r = CanopyCommandTest.run("validate", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).contains(
                file + ":2: at $.tree.max_restarts: error: max_restarts must be an integer, not 'three'",
                file + ":4: at $.tree.children[1].id: error: duplicate id 'a'",
                file + ":5: at $.tree.children[2].id: error: id 'Bad-Id' must start with a lowercase letter",
                file + ": 3 errors");
    }

    @Test
    void a_default_standing_in_for_a_wrong_value_invents_no_problem() throws IOException {
        // restart is wrong; its default (permanent) would break the significant rule, which is not the user's doing
        Path file = write("sig.canopy.json", """
                {"format": 1, "name": "sig",
                 "tree": {"id": "root", "auto_shutdown": "any_significant", "children": [
                   {"id": "a", "restart": "sometimes", "significant": true}
                 ]}}
                """);
        CanopyCommandTest.Run r = CanopyCommandTest.run("validate", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEqualTo(file + ":3: at $.tree.children[0].restart: error: restart must be one of permanent, "
                + "transient, temporary, not 'sometimes'\n" + file + ": 1 error\n");
    }

    @Test
    void truncated_json_is_a_sentence_with_line_and_column() throws IOException {
        String whole = Files.readString(Path.of("../samples/strategies.canopy.json"));
        Path file = write("cut.canopy.json", whole.substring(0, whole.indexOf("\"children\"") + 14));
        CanopyCommandTest.Run r = CanopyCommandTest.run("validate", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).containsPattern("invalid JSON at line \\d+, column \\d+: the text ends too early")
                .doesNotContain("StreamReadFeature", "REDACTED", "Source", "code ");
    }

    @Test
    void malformed_json_in_a_scenario_is_a_sentence_too() throws IOException {
        Path file = write("bad.json", "{\"name\": \"bad\", 'tree': {}}");
        CanopyCommandTest.Run r = CanopyCommandTest.run("trace", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(file + ":1: at $: invalid JSON at line 1, column 17: strings and keys need double "
                + "quotes (\"), not single quotes\n");
    }

    @Test
    void trace_of_a_design_says_so_in_one_line() {
        Path sample = Path.of("../samples/classic_application.canopy.json");
        CanopyCommandTest.Run r = CanopyCommandTest.run("trace", sample.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("canopy: " + sample + " is a Canopy design, not a conformance scenario: check it with "
                        + "'canopy validate " + sample + "'"));
    }

    @Test
    void a_step_that_targets_no_node_is_an_error_in_validate_and_trace() throws IOException {
        String json = """
                {"name": "ghost", "tree": {"id": "root", "children": [{"id": "a"},
                  {"id": "dyn", "kind": "dynamic_supervisor"}]},
                 "steps": [
                   {"at_ms": 10, "do": "start_child", "target": "root/dyn", "child": {"id": "w"}},
                   {"at_ms": 20, "do": "crash", "target": "root/dyn/w"},
                   {"at_ms": 30, "do": "crash", "target": "root/zzz"}
                 ]}
                """;
        Path scenario = write("ghost.json", json);
        CanopyCommandTest.Run trace = CanopyCommandTest.run("trace", scenario.toString());
        assertThat(trace.status()).isEqualTo(2);
        assertThat(trace.err()).isEqualTo(scenario + ":6: at $.steps[2].target: there is no node 'root/zzz' in the tree, "
                + "nor one started by an earlier start_child step\n");
        Path design = write("ghost.canopy.json", json);
        CanopyCommandTest.Run validate = CanopyCommandTest.run("validate", design.toString());
        assertThat(validate.status()).isEqualTo(2);
        assertThat(validate.out()).isEqualTo(design + ":6: at $.steps[2].target: error: there is no node 'root/zzz' in "
                + "the tree, nor one started by an earlier start_child step\n" + design + ": 1 error\n");
    }

    @Test
    void a_missing_file_is_no_such_file_without_a_line_zero() {
        CanopyCommandTest.Run r = CanopyCommandTest.run("validate", "no/such.canopy.json");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("no/such.canopy.json: error: no such file\nno/such.canopy.json: 1 error\n");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
