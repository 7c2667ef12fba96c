package dev.canopy.diagrams.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.canopy.engine.scenario.Scenario;

/** {@link ScenarioWriter} is the inverse of {@link ScenarioReader}. */
class ScenarioWriterTest {

    /** Our own OTP-recorded scenarios (conformance/scenarios), relative to the diagrams module. */
    private static final Path OURS = Path.of("../conformance/scenarios");

    static Scenario ok(ReadResult r) {
        assertThat(r).isInstanceOf(ReadResult.Ok.class);
        return ((ReadResult.Ok) r).scenario();
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_of_ours_reads_back_equal_after_writing() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(OURS)) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Scenario original = ok(ScenarioReader.read(f));
            String written = ScenarioWriter.write(original);
            assertThat(ok(ScenarioReader.parse(written, "written"))).isEqualTo(original);
        }));
    }

    @Test
    void defaults_are_left_out() {
        Scenario s = ok(ScenarioReader.parse("""
                {"name": "n", "description": "d",
                 "tree": {"id": "root", "children": [
                   {"id": "a", "shutdown": 5000},
                   {"id": "b", "kind": "supervisor", "shutdown": "brutal_kill", "children": []}]},
                 "steps": [{"at_ms": 100, "do": "stop_tree"}]}""", "inline"));
        String written = ScenarioWriter.write(s);
        assertThat(written).doesNotContain("restart", "5000", "one_for_one", "max_restarts", "trap_exit")
                .contains("\"brutal_kill\"", "\"stop_tree\"");
        assertThat(ok(ScenarioReader.parse(written, "written"))).isEqualTo(s);
    }

    @Test
    void a_start_child_step_keeps_its_count_and_order_flag() {
        Scenario s = ok(ScenarioReader.parse("""
                {"name": "n", "description": "d",
                 "tree": {"id": "root", "kind": "dynamic_supervisor"},
                 "steps": [{"at_ms": 100, "do": "start_child", "target": "root", "count": 3, "unordered": true,
                            "child": {"id": "w"}}]}""", "inline"));
        String written = ScenarioWriter.write(s);
        assertThat(written).containsPattern("\"count\" ?: ?3");
        assertThat(ok(ScenarioReader.parse(written, "written"))).isEqualTo(s);
    }
}
