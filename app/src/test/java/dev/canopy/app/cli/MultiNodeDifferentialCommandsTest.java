package dev.canopy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.canopy.diagrams.scenario.MultiNodeScenarioWriter;

/** gen-scenarios --multinode, as conformance/differential --multinode uses it with trace --out. */
class MultiNodeDifferentialCommandsTest {

    @Test
    void generated_multi_node_files_read_back_valid_equal_and_trace(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("cases");
        assertThat(CanopyCommandTest.run("gen-scenarios", "--multinode", "--seed", "3", "--count", "60", "--out", out.toString()).status()).isZero();
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(60);
        assertThat(files.getFirst().getFileName().toString()).isEqualTo("gen_mn_3_0000.json");
        for (Path f : files) {
            MultiNodeScenarioReader.Result r = MultiNodeScenarioReader.read(f);
            assertThat(r).as(f.toString()).isInstanceOf(MultiNodeScenarioReader.Result.Ok.class);
            // Writing what was read gives the same bytes: the writer is the reader's inverse.
            assertThat(MultiNodeScenarioWriter.write(((MultiNodeScenarioReader.Result.Ok) r).scenario())).isEqualTo(Files.readString(f));
        }
        Path traces = dir.resolve("traces");
        CanopyCommandTest.Run trace = CanopyCommandTest.run("trace", "--out", traces.toString(), files.get(0).toString(), files.get(1).toString());
        assertThat(trace.status()).as(trace.err()).isZero();
        assertThat(traces.resolve("gen_mn_3_0000.trace")).content().startsWith("-- start nodes a b").contains("\n-- end");
    }

    @Test
    void the_same_seed_and_index_give_the_same_multi_node_case(@TempDir Path dir) {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertThat(CanopyCommandTest.run("gen-scenarios", "--multinode", "--seed", "7", "--count", "3", "--out", one.toString()).status()).isZero();
        assertThat(CanopyCommandTest.run("gen-scenarios", "--multinode", "--seed", "7", "--first", "2", "--count", "1", "--out", two.toString()).status()).isZero();
        assertThat(two.resolve("gen_mn_7_0002.json")).hasSameTextualContentAs(one.resolve("gen_mn_7_0002.json"));
    }
}
