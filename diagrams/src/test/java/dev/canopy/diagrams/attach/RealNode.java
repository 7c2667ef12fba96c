package dev.canopy.diagrams.attach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.export.ErlangExporter;
import dev.canopy.diagrams.export.ExportFiles;

/**
 * A design exported to Erlang (as ExportBootTest does), compiled with erlc and booted as a real,
 * named node (-sname, unique per test run) with its application started. Closing it kills the node.
 */
final class RealNode implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final String name;
    final String app;
    private final Process process;

    private RealNode(String name, String app, Process process) {
        this.name = name;
        this.app = app;
        this.process = process;
    }

    /** Skips where erl/erlc are missing, except in CI (CI=true), where that is a failure. */
    static void requireOtp() {
        boolean present = ErlLocator.find(System.getenv()).isPresent() && onPath("erlc");
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("erl/erlc are not installed, but CI must run the attach tests on real OTP");
        }
        Assumptions.assumeTrue(present, "erl/erlc not installed");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    /** A node name unique to this test run (the JVM's pid and a counter). */
    static String uniqueName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }

    /** Boots {@code design} on a node named {@code sname}; it connects to {@code peers} once started. */
    static RealNode boot(Design design, String sname, String cookie, Path dir, List<String> peers)
            throws IOException, InterruptedException, dev.canopy.diagrams.export.ExportException {
        var files = new ErlangExporter().export(design);
        ExportFiles.write(dir, files);
        String app;
        try (Stream<Path> s = Files.list(dir.resolve("src"))) {
            app = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".app.src")).findFirst()
                    .orElseThrow().replace(".app.src", "");
        }
        Path ebin = Files.createDirectories(dir.resolve("ebin"));
        List<String> erlc = new ArrayList<>(List.of("erlc", "-o", ebin.toString()));
        try (Stream<Path> s = Files.list(dir.resolve("src"))) {
            s.filter(p -> p.toString().endsWith(".erl")).sorted().forEach(p -> erlc.add(p.toString()));
        }
        Process c = new ProcessBuilder(erlc).redirectErrorStream(true).start();
        String out = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!c.waitFor(120, TimeUnit.SECONDS) || c.exitValue() != 0) throw new AssertionError("erlc failed: " + out);
        Files.copy(dir.resolve("src/" + app + ".app.src"), ebin.resolve(app + ".app"));
        StringBuilder connect = new StringBuilder();
        for (String p : peers) connect.append("true = net_kernel:connect_node('").append(p).append("'), ");
        String eval = "{ok, _} = application:ensure_all_started(" + app + "), " + connect
                + "io:format(\"READY ~s~n\", [node()]).";
        Process p = new ProcessBuilder("erl", "-sname", sname, "-setcookie", cookie, "-noshell", "-pa", ebin.toString(),
                "-eval", eval).redirectErrorStream(true).start();
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String line;
                StringBuilder seen = new StringBuilder();
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        Thread.ofPlatform().daemon().start(() -> drain(r));
                        return line.substring(6).trim();
                    }
                    seen.append(line).append('\n');
                }
                throw new AssertionError("node " + sname + " stopped before it was ready:\n" + seen);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            String full = ready.get(60, TimeUnit.SECONDS);
            return new RealNode(full, app, p);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new AssertionError("node " + sname + " did not boot: " + e.getMessage(), e);
        }
    }

    private static void drain(BufferedReader r) {
        try {
            while (r.readLine() != null) {
                // keep the pipe empty so the node never blocks on output
            }
        } catch (IOException e) {
            // the node stopped
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
