package dev.canopy.app.ui.otp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scenario on real Erlang/OTP through the conformance suite's {@code run-otp}. Finds the
 * runner from the {@code CANOPY_RUN_OTP} environment variable (or {@code -Dcanopy.runOtp}),
 * else {@code shared/conformance/otp/run-otp} beside or above the working directory,
 * {@code -Dcanopy.home} or the app's jar; and {@code erl} on the PATH. What is missing comes
 * back as a sentence saying what to install or set.
 */
public final class OtpRunner {
    static final String RELATIVE = "shared/conformance/otp/run-otp";
    public static final String INSTALL_ERLANG = "Erlang/OTP is not installed (no erl on the PATH). Install it, e.g. on"
            + " Debian or Ubuntu: sudo apt-get install erlang (and elixir, for designs with a DynamicSupervisor), then"
            + " check again.";

    /** Where the runner is, or why it cannot run. */
    public sealed interface Located {
        record Found(Path runOtp) implements Located {}
        record Missing(String whatToDo) implements Located {}
    }

    /** What one run on OTP gave. */
    public sealed interface Outcome {
        record Traced(List<String> lines) implements Outcome {}
        record Failed(String message) implements Outcome {}
    }

    private final Map<String, String> env;
    private final List<Path> searchFrom;
    private final long timeoutSeconds;

    /** {@code env}: the environment (PATH, CANOPY_RUN_OTP); {@code searchFrom}: folders to look in and above. */
    public OtpRunner(Map<String, String> env, List<Path> searchFrom, long timeoutSeconds) {
        this.env = Map.copyOf(env);
        this.searchFrom = List.copyOf(searchFrom);
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The runner for this app: the real environment, the working directory, canopy.home and the jar's folder. */
    public static OtpRunner forThisApp() {
        List<Path> from = new ArrayList<>();
        String prop = System.getProperty("canopy.runOtp");
        var env = new java.util.HashMap<>(System.getenv());
        if (prop != null && !prop.isBlank()) env.putIfAbsent("CANOPY_RUN_OTP", prop);
        from.add(Path.of("").toAbsolutePath());
        String home = System.getProperty("canopy.home");
        if (home != null && !home.isBlank()) from.add(Path.of(home).toAbsolutePath());
        try {
            var src = OtpRunner.class.getProtectionDomain().getCodeSource();
            if (src != null) from.add(Path.of(src.getLocation().toURI()).toAbsolutePath());
        } catch (java.net.URISyntaxException | RuntimeException ignored) {
            // the other places remain
        }
        return new OtpRunner(env, from, 300);
    }

    public Located locate() {
        if (findOnPath("erl").isEmpty()) return new Located.Missing(INSTALL_ERLANG);
        String set = env.get("CANOPY_RUN_OTP");
        if (set != null && !set.isBlank()) {
            Path p = Path.of(set);
            return Files.isExecutable(p) ? new Located.Found(p)
                    : new Located.Missing("CANOPY_RUN_OTP is " + set + ", which is not an executable file (it should name"
                            + " shared/conformance/otp/run-otp).");
        }
        for (Path start : searchFrom) {
            for (Path p = start; p != null; p = p.getParent()) {
                for (Path c : List.of(p.resolve(RELATIVE), p.resolve("..").resolve(RELATIVE).normalize())) {
                    if (Files.isExecutable(c)) return new Located.Found(c);
                }
            }
        }
        return new Located.Missing("Cannot find the OTP runner (" + RELATIVE + ", part of the conformance suite next to"
                + " the Canopy checkout). Set CANOPY_RUN_OTP to its path.");
    }

    Optional<Path> findOnPath(String program) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Runs the scenario JSON (written to a temp file named {@code name}.json) on OTP and returns its trace. */
    public Outcome run(Path runOtp, String name, String scenarioJson) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("canopy-otp-check");
            Path file = dir.resolve(name + ".json");
            Files.writeString(file, scenarioJson, StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(runOtp.toString(), file.toString());
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.redirectErrorStream(false);
            Path err = dir.resolve("stderr.txt");
            pb.redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Outcome.Failed("OTP did not finish within " + timeoutSeconds + " s");
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                return new Outcome.Failed("run-otp exited with status " + p.exitValue()
                        + (stderr.isEmpty() ? "" : ": " + stderr.lines().limit(5).reduce((a, b) -> a + " / " + b).orElse("")));
            }
            return new Outcome.Traced(new String(out, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            return new Outcome.Failed("Could not run " + runOtp + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("Interrupted");
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
