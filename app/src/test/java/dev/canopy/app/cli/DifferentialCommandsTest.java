package dev.canopy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.canopy.app.cli.CanopyCommandTest.Run;
import dev.canopy.diagrams.scenario.ReadResult;
import dev.canopy.diagrams.scenario.ScenarioReader;

/** The two commands conformance/differential uses: gen-scenarios and trace --out. */
class DifferentialCommandsTest {

    private static final Path OURS = Path.of("../conformance/scenarios");

    @Test
    void trace_with_out_writes_each_trace_as_trace_prints_it(@TempDir Path dir) {
        Path a = OURS.resolve("probe_exit_root_boom.json");
        Path b = OURS.resolve("probe_ofa_restart_retry.json");
        Run batch = CanopyCommandTest.run("trace", "--out", dir.toString(), a.toString(), b.toString());
        assertThat(batch.status()).isZero();
        assertThat(batch.out()).isEmpty();
        for (Path p : List.of(a, b)) {
            Run single = CanopyCommandTest.run("trace", p.toString());
            String name = p.getFileName().toString().replace(".json", "");
            assertThat(dir.resolve(name + ".trace")).hasContent(single.out().replace(System.lineSeparator(), "\n").stripTrailing());
        }
    }

    @Test
    void several_files_without_out_is_a_usage_error() {
        Run r = CanopyCommandTest.run("trace", OURS.resolve("probe_exit_root_boom.json").toString(),
                OURS.resolve("probe_ofa_restart_retry.json").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--out");
    }

    @Test
    void trace_with_out_reports_a_bad_file_and_still_writes_the_good_one(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"bad\"}");
        Path out = dir.resolve("out");
        Run r = CanopyCommandTest.run("trace", "--out", out.toString(), bad.toString(),
                OURS.resolve("probe_exit_root_boom.json").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("bad.json");
        assertThat(out.resolve("probe_exit_root_boom.trace")).exists();
        assertThat(out.resolve("bad.trace")).doesNotExist();
    }

    @Test
    void gen_scenarios_writes_valid_named_files_that_depend_only_on_the_seed(@TempDir Path dir) throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertThat(CanopyCommandTest.run("gen-scenarios", "--seed", "5", "--count", "4", "--out", one.toString()).status()).isZero();
        assertThat(CanopyCommandTest.run("gen-scenarios", "--seed", "5", "--first", "2", "--count", "2", "--out", two.toString()).status()).isZero();
        List<Path> files;
        try (Stream<Path> s = Files.list(one)) {
            files = s.sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("gen_5_0000.json", "gen_5_0001.json", "gen_5_0002.json", "gen_5_0003.json");
        for (Path f : files) {
            assertThat(ScenarioReader.read(f)).as(f.toString()).isInstanceOf(ReadResult.Ok.class);
        }
        // A case can be made again on its own from its seed and index.
        assertThat(two.resolve("gen_5_0003.json")).hasSameTextualContentAs(one.resolve("gen_5_0003.json"));
        assertThat(Files.readString(one.resolve("gen_5_0000.json"))).isNotEqualTo(Files.readString(one.resolve("gen_5_0001.json")));
    }

    @Test
    void gen_scenarios_is_hidden_from_the_help() {
        assertThat(CanopyCommandTest.run("--help").out()).doesNotContain("gen-scenarios");
    }
}
