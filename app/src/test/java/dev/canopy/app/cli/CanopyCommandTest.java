package dev.canopy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CanopyCommandTest {

    /** Runs the command line, capturing stdout and stderr. */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CanopyCommand.commandLine(false);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    record Run(int status, String out, String err) {
    }

    @Test
    void version_comes_from_the_maven_project_version() {
        Run r = run("--version");
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).isEqualTo("canopy " + System.getProperty("canopy.expected.version", "0.1.0-SNAPSHOT"));
    }

    @Test
    void help_lists_the_subcommands() {
        Run r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("trace", "bench", "Usage: canopy");
    }

    @Test
    void unknown_option_is_a_usage_error() {
        Run r = run("--frobnicate");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("canopy: Unknown option: '--frobnicate'").doesNotContain("Exception");
    }

    @Test
    void trace_without_a_file_is_a_usage_error() {
        Run r = run("trace");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("SCENARIO.json");
    }

    @Test
    void trace_of_a_missing_file_exits_2() {
        Run r = run("trace", "does/not/exist.json");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("does/not/exist.json");
    }
}
