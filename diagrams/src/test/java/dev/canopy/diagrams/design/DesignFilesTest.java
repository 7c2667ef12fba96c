package dev.canopy.diagrams.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignFilesTest {

    @TempDir
    Path dir;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void save_then_load_gives_the_same_design_and_the_same_bytes() throws IOException {
        Design design = DesignValidatorTest.base();
        Path file = dir.resolve("my_app.canopy.json");
        DesignFiles.save(file, design);
        String first = Files.readString(file);
        assertThat(first).endsWith("}\n").contains("\n  \"format\": 1,\n");
        Design loaded = ((LoadResult.Loaded) DesignFiles.load(file)).design();
        assertThat(loaded).isEqualTo(design);
        DesignFiles.save(file, loaded);
        assertThat(Files.readString(file)).isEqualTo(first);
        assertThat(names(dir)).containsExactly("my_app.canopy.json");
    }

    @Test
    void a_failing_write_leaves_the_original_intact_and_no_temporary_file() throws IOException {
        Path file = dir.resolve("d.canopy.json");
        Files.writeString(file, "original");
        assertThatThrownBy(() -> DesignFiles.write(file, out -> {
            out.write("{\"half\": ");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("original");
        assertThat(names(dir)).containsExactly("d.canopy.json");
    }

    @Test
    void a_failing_move_leaves_the_original_intact() throws IOException {
        Path target = dir.resolve("taken.canopy.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "x");
        assertThatThrownBy(() -> DesignFiles.save(target, DesignValidatorTest.base())).isInstanceOf(IOException.class);
        assertThat(Files.readString(target.resolve("inside"))).isEqualTo("x");
        assertThat(names(dir)).containsExactly("taken.canopy.json");
    }

    @Test
    void when_no_temporary_file_can_be_made_save_fails_without_touching_the_file() throws IOException {
        // A name at the file system's limit (255 bytes) leaves no room for the temporary file's longer
        // name next to it: creating it fails even for root (a read-only directory would not stop root).
        String name = "d".repeat(255 - DesignFiles.SUFFIX.length()) + DesignFiles.SUFFIX;
        Path file = dir.resolve(name);
        Files.writeString(file, "original");
        assertThatThrownBy(() -> DesignFiles.save(file, DesignValidatorTest.base())).isInstanceOf(IOException.class);
        assertThat(Files.readString(file)).isEqualTo("original");
        assertThat(names(dir)).containsExactly(name);
    }

    @Test
    void a_parent_that_is_a_regular_file_makes_save_fail_cleanly() throws IOException {
        Path notADirectory = dir.resolve("plain");
        Files.writeString(notADirectory, "x");
        assertThatThrownBy(() -> DesignFiles.save(notADirectory.resolve("d.canopy.json"), DesignValidatorTest.base()))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(notADirectory)).isEqualTo("x");
        assertThat(names(dir)).containsExactly("plain");
    }

    @Test
    void saving_keeps_the_file_permissions() throws IOException {
        Path file = dir.resolve("d.canopy.json");
        Files.writeString(file, "original");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        DesignFiles.save(file, DesignValidatorTest.base());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw-r--");
    }

    @Test
    void a_file_that_fails_to_load_is_left_untouched() throws IOException {
        Path file = dir.resolve("bad.canopy.json");
        String text = "{\"format\": 7, \"name\": \"x\", \"tree\": {\"id\": \"root\"}}\n";
        Files.writeString(file, text);
        assertThat(DesignFiles.load(file)).isInstanceOf(LoadResult.Failed.class);
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void a_missing_file_is_a_problem_not_an_exception() {
        assertThat(DesignFiles.load(dir.resolve("nope.canopy.json"))).isEqualTo(new LoadResult.Failed(List.of(
                new DesignProblem(dir.resolve("nope.canopy.json").toString(), "$", 0, DesignProblem.Severity.ERROR,
                        "no such file"))));
    }
}
