package dev.canopy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.canopy.diagrams.attach.ErlLocator;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.LoadResult;
import picocli.CommandLine;

/** {@code canopy attach} on a real node (a bare erl with kernel's tree): sentences and exit status 2 for each failure. */
@Tag("otp")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AttachCommandTest {

    @TempDir
    Path tmp;

    private CanopyCommandTest.Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CanopyCommand.commandLine(false);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        ((AttachCommand) cl.getSubcommands().get("attach").getCommand()).environment = env;
        int status = cl.execute(args);
        return new CanopyCommandTest.Run(status, out.toString(), err.toString());
    }

    @Test
    void without_erl_on_the_path_it_says_so_and_exits_2() {
        var r = run(Map.of("PATH", tmp.toString()), "attach", "myapp@localhost", "--cookie", "c");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("canopy: Canopy attaches through Erlang's own `erl`, which is not on the PATH");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void wrong_cookie_missing_node_and_import_on_a_real_node() throws Exception {
        boolean present = ErlLocator.find(System.getenv()).isPresent();
        if (!present && "true".equals(System.getenv("CI"))) throw new AssertionError("erl is not installed, but CI must run this test");
        Assumptions.assumeTrue(present, "erl not installed");
        String sname = "canopy_cli_" + ProcessHandle.current().pid();
        Process node = new ProcessBuilder("erl", "-sname", sname, "-setcookie", "cli_cookie", "-noshell",
                "-eval", "io:format(\"READY ~s~n\", [node()]).").redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
            String name = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = r.readLine()) != null) if (line.startsWith("READY ")) return line.substring(6).trim();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new AssertionError("node did not start");
            }).get(60, TimeUnit.SECONDS);
            String host = name.substring(name.indexOf('@') + 1);
            Map<String, String> env = System.getenv();

            var wrong = run(env, "attach", name, "--cookie", "not_it", "--once");
            assertThat(wrong.status()).isEqualTo(2);
            assertThat(wrong.err().strip()).isEqualTo("canopy: " + name + " refused the connection: the cookie is wrong "
                    + "(give the node's cookie with --cookie or --cookie-file).");

            var missing = run(env, "attach", "nobody_" + sname + "@" + host, "--cookie", "cli_cookie", "--once");
            assertThat(missing.status()).isEqualTo(2);
            assertThat(missing.err()).startsWith("canopy: No node named nobody_" + sname + " is running on " + host);

            Path cookieFile = tmp.resolve("cookie");
            Files.writeString(cookieFile, "cli_cookie\n");
            var once = run(env, "attach", name, "--cookie-file", cookieFile.toString(), "--once");
            assertThat(once.status()).as(once.err()).isZero();
            assertThat(once.out()).contains("node " + name).contains("app kernel").contains("kernel_sup  supervisor one_for_all");
            assertThat(once.out() + once.err()).doesNotContain("cli_cookie");

            Path file = tmp.resolve("kernel.canopy.json");
            var imported = run(env, "attach", name, "--cookie", "cli_cookie", "--import", file.toString(), "--app", "kernel");
            assertThat(imported.status()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("wrote " + file).contains("Not read from the node");
            assertThat(DesignFiles.load(file)).isInstanceOf(LoadResult.Loaded.class);
            assertThat(Files.readString(file)).contains("\"code_server\"").doesNotContain("cli_cookie");

            var noApp = run(env, "attach", name, "--cookie", "cli_cookie", "--import", tmp.resolve("x.canopy.json").toString());
            assertThat(noApp.status()).isEqualTo(2);
            assertThat(noApp.err()).contains("runs no application of its own: choose one with --app.");
        } finally {
            node.destroyForcibly();
            node.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
