package dev.canopy.diagrams.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.canopy.diagrams.design.Design;

/**
 * Golden files: each exporter's output for the kitchen-sink design, file by file, under
 * src/test/resources/export/golden/FORMAT/. After an intended change, regenerate them with
 * {@code ./mvnw -pl diagrams test -Dtest=ExporterGoldenTest -Dcanopy.updateGoldens=true}
 * and review the diff.
 */
class ExporterGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/export/golden");

    static Stream<Exporter> exporters() {
        return Exporters.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exporters")
    void output_matches_the_golden_files(Exporter exporter) throws Exception {
        Design design = TestDesigns.kitchenSink();
        List<ExportedFile> files = exporter.export(design);
        Path dir = GOLDEN.resolve(exporter.format());
        String index = String.join("\n", files.stream().map(ExportedFile::path).toList()) + "\n";
        if (Boolean.getBoolean("canopy.updateGoldens")) {
            deleteTree(dir);
            ExportFiles.write(dir, files);
            Files.writeString(dir.resolve("FILES"), index);
        }
        assertThat(dir.resolve("FILES")).as("golden index (run with -Dcanopy.updateGoldens=true)").exists();
        assertThat(Files.readString(dir.resolve("FILES"))).isEqualTo(index);
        for (ExportedFile f : files) {
            assertThat(f.content()).as(f.path()).isEqualTo(Files.readString(dir.resolve(f.path()), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exporters")
    void output_is_deterministic_and_ascii(Exporter exporter) throws Exception {
        for (Design d : List.of(TestDesigns.kitchenSink(), TestDesigns.hostile())) {
            List<ExportedFile> a = exporter.export(d);
            List<ExportedFile> b = exporter.export(d);
            assertThat(a).isEqualTo(b);
            for (ExportedFile f : a) {
                assertThat(f.content().chars()).as(f.path()).allMatch(c -> c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7f));
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> w = Files.walk(dir)) {
                for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
