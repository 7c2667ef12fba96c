package dev.canopy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code canopy trace} on multi-node scenario files: a trace for a good one, each problem with its place for a bad one. */
class MultiNodeTraceCommandTest {
    @TempDir Path dir;

    private Path write(String name, String json) throws IOException {
        Path f = dir.resolve(name + ".json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void a_file_with_nodes_is_traced_on_a_cluster() throws IOException {
        Path f = write("mn_small", """
                {"name": "mn_small", "nodes": ["a", "b"],
                 "steps": [
                  {"at_ms": 0, "do": "spawn", "target": "b:srv"},
                  {"at_ms": 100, "do": "register_global", "name": "one", "target": "b:srv"},
                  {"at_ms": 200, "do": "whereis_global", "on": "a", "name": "one"},
                  {"at_ms": 300, "do": "partition", "groups": [["a"], ["b"]]},
                  {"at_ms": 1300, "do": "call", "from": "a", "target": "global:one"},
                  {"at_ms": 1400, "do": "call", "from": "b", "target": "global:one"}
                 ]}
                """);
        var r = CanopyCommandTest.run("trace", f.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "-- start nodes a b",
                "-- step 1 @0 spawn b:srv",
                "spawn b:srv => ok",
                "-- step 2 @100 register_global one b:srv",
                "register_global one b:srv => yes",
                "-- step 3 @200 whereis_global a one",
                "whereis_global a one => b:srv",
                "-- step 4 @300 partition a | b",
                "-- step 5 @1300 call a global:one timeout 1000",
                "call a global:one => exit noproc",
                "-- step 6 @1400 call b global:one timeout 1000",
                "call b global:one => ok",
                "-- end");
    }

    @Test
    void bad_references_are_reported_with_file_line_and_path() throws IOException {
        Path f = write("mn_bad", """
                {"name": "mn_bad", "nodes": ["a", "b"],
                 "steps": [
                  {"at_ms": 0, "do": "kill", "target": "a:never"},
                  {"at_ms": 100, "do": "spawn", "target": "z:p"},
                  {"at_ms": 50, "do": "partition", "groups": [["a"]]},
                  {"at_ms": 200, "do": "teleport"}
                 ]}
                """);
        var r = CanopyCommandTest.run("trace", f.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).doesNotContain("Exception")
                .contains(f + ":3: at $.steps[0].target: no process 'a:never' is spawned before this step")
                .contains(f + ":4: at $.steps[1].target: target names no node of this scenario (a, b): 'z'")
                .contains("at $.steps[2].at_ms: at_ms must not decrease")
                .contains("at $.steps[2].groups: the groups must hold every node; missing: b")
                .contains("at $.steps[3].do: do must be one of spawn, kill");
    }
}
