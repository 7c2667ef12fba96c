package dev.canopy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportCommandTest {

    @TempDir
    Path tmp;

    private static final Path SAMPLE = Path.of("..", "samples", "classic_application.canopy.json");

    private static long count(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"elixir", "erlang", "java", "mermaid", "dot"})
    void exports_a_sample(String format) throws Exception {
        Path out = tmp.resolve(format);
        CanopyCommandTest.Run r = CanopyCommandTest.run("export", "--format", format, SAMPLE.toString(), "-o", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote");
        assertThat(count(out)).isPositive();
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".canopy-export-"));
        }
    }

    @Test
    void unknown_format_is_a_clear_usage_error() {
        CanopyCommandTest.Run r = CanopyCommandTest.run("export", "--format", "gif", SAMPLE.toString(), "-o", tmp.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("unsupported export format 'gif'").contains("elixir, erlang, java, mermaid, dot, svg, png");
    }

    @Test
    void exports_an_svg_into_a_directory() throws Exception {
        Path out = tmp.resolve("svg");
        CanopyCommandTest.Run r = CanopyCommandTest.run("export", "--format", "svg", SAMPLE.toString(), "-o", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(out)) {
            List<Path> files = s.toList();
            assertThat(files).hasSize(1);
            assertThat(files.get(0).getFileName().toString()).endsWith(".svg");
            String svg = Files.readString(files.get(0));
            assertThat(svg).startsWith("<").contains("<svg").contains("</svg>");
        }
    }

    @Test
    void exports_a_png_to_a_named_file() throws Exception {
        Path out = tmp.resolve("pics").resolve("tree.png");
        CanopyCommandTest.Run r = CanopyCommandTest.run("export", "--format", "png", SAMPLE.toString(), "-o", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(out.toFile());
        assertThat(img.getWidth()).isGreaterThan(100);
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("tree.png");
        }
    }

    @Test
    void format_is_required() {
        CanopyCommandTest.Run r = CanopyCommandTest.run("export", SAMPLE.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--format");
    }

    @Test
    void an_invalid_design_prints_located_problems_and_writes_nothing() throws Exception {
        Path design = tmp.resolve("bad.canopy.json");
        Files.writeString(design, """
                {"format": 1, "name": "bad", "description": "", "cluster_nodes": 1,
                 "tree": {"id": "root", "kind": "supervisor", "children": [
                   {"id": "a", "kind": "worker"},
                   {"id": "a", "kind": "worker"}]}}
                """);
        Path out = tmp.resolve("out");
        CanopyCommandTest.Run r = CanopyCommandTest.run("export", "--format", "erlang", design.toString(), "-o", out.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(design + ":").contains(": at $.tree.children[1]").doesNotContain("Exception");
        assertThat(count(out)).isZero();
    }

    @Test
    void a_missing_file_exits_2() {
        CanopyCommandTest.Run r = CanopyCommandTest.run("export", "--format", "dot", "no/such.canopy.json", "-o", tmp.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("no/such.canopy.json").doesNotContain("Exception");
    }
}
