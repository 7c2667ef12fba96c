package dev.canopy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void a_valid_sample_prints_valid_and_its_node_count() {
        Path sample = Path.of("../samples/strategies.canopy.json");
        CanopyCommandTest.Run r = CanopyCommandTest.run("validate", sample.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(sample + ": valid (13 nodes)\n");
    }

    @Test
    void problems_are_listed_with_line_path_and_severity_and_exit_2() throws IOException {
        Path file = dir.resolve("bad.canopy.json");
        Files.writeString(file, """
                {"format": 1, "name": "bad", "colour": "red",
                 "tree": {"id": "root", "children": [
                   {"id": "a", "restart": "permanent", "significant": true},
                   {"id": "a"}
                 ]}}
                """);
        CanopyCommandTest.Run r = CanopyCommandTest.run("validate", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEqualTo(String.join("\n",
                file + ":1: at $.colour: warning: unknown key 'colour'",
                file + ":3: at $.tree.children[0].significant: error: 'a' is significant, so it must be transient or "
                        + "temporary, not permanent (OTP rejects the child spec)",
                file + ":3: at $.tree.children[0].significant: error: 'a' is significant but its supervisor 'root' has "
                        + "auto_shutdown never; set auto_shutdown to any_significant or all_significant, or make the "
                        + "child not significant",
                file + ":4: at $.tree.children[1].id: error: duplicate id 'a': children[0] of 'root' already has it; "
                        + "ids must be unique under one supervisor",
                file + ": 3 errors, 1 warning", ""));
    }

    @Test
    void a_file_from_a_newer_canopy_exits_2() throws IOException {
        Path file = dir.resolve("new.canopy.json");
        Files.writeString(file, "{\"format\": 3, \"name\": \"n\", \"tree\": {\"id\": \"root\"}}\n");
        CanopyCommandTest.Run r = CanopyCommandTest.run("validate", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).startsWith(file + ":1: at $.format: error: written by a newer Canopy (format 3); "
                + "this version reads format 1\n");
    }

    @Test
    void a_missing_file_exits_2() {
        CanopyCommandTest.Run r = CanopyCommandTest.run("validate", "no/such.canopy.json");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).startsWith("no/such.canopy.json: error: no such file\n");
    }
}
