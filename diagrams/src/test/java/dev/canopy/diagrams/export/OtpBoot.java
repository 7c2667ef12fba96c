package dev.canopy.diagrams.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Compiles an export with the real tools (erlc, mix) and runs canopy_check.erl on it. */
final class OtpBoot {
    private OtpBoot() {}

    /** The checker's output: the two trees (path of hex ids → line without pid, and → pid) and the app state. */
    record Result(List<String> bootLines, Map<String, String> bootPids, List<String> afterLines,
                  Map<String, String> afterPids, String app, String rawOutput) {}

    static boolean available(String tool) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Path checker;

    /** canopy_check.beam, compiled once per run. */
    static synchronized Path checkerDir() throws IOException, InterruptedException {
        if (checker == null) {
            Path dir = Files.createTempDirectory("canopy-check");
            try (InputStream in = OtpBoot.class.getResourceAsStream("/export/otp/canopy_check.erl")) {
                Files.write(dir.resolve("canopy_check.erl"), in.readAllBytes());
            }
            run(dir, Map.of(), 60, "erlc", "-o", dir.toString(), dir.resolve("canopy_check.erl").toString());
            checker = dir;
        }
        return checker;
    }

    static Result erlang(Path project, String app, List<String> killPath) throws IOException, InterruptedException {
        Path ebin = Files.createDirectories(project.resolve("ebin"));
        List<String> cmd = new ArrayList<>(List.of("erlc", "-Werror", "-o", ebin.toString()));
        try (Stream<Path> s = Files.list(project.resolve("src"))) {
            s.filter(p -> p.toString().endsWith(".erl")).sorted().forEach(p -> cmd.add(p.toString()));
        }
        run(project, Map.of(), 120, cmd.toArray(String[]::new));
        Files.copy(project.resolve("src/" + app + ".app.src"), ebin.resolve(app + ".app"));
        writeArgs(project, app, killPath);
        String out = run(project, Map.of(), 60, "erl", "-noshell", "-pa", ebin.toString(), "-pa", checkerDir().toString(),
                "-eval", "canopy_check:main(\"check.args\")");
        return parse(out);
    }

    static Result elixir(Path project, String app, List<String> killPath) throws IOException, InterruptedException {
        Map<String, String> env = Map.of("MIX_HOME", project.resolve(".mix").toString(), "MIX_ENV", "dev",
                "HEX_OFFLINE", "1");
        run(project, env, 180, "mix", "compile", "--warnings-as-errors");
        writeArgs(project, app, killPath);
        String out = run(project, env, 60, "elixir", "-pa", project.resolve("_build/dev/lib/" + app + "/ebin").toString(),
                "-pa", checkerDir().toString(), "-e", ":canopy_check.main(~c\"check.args\")");
        return parse(out);
    }

    /** {@code mix format --check-formatted}: the export is formatted as Elixir's formatter would. */
    static void checkFormatted(Path project) throws IOException, InterruptedException {
        Map<String, String> env = Map.of("MIX_HOME", project.resolve(".mix").toString());
        try {
            run(project, env, 120, "mix", "format", "--check-formatted");
        } catch (AssertionError e) {
            run(project, Map.of(), 60, "cp", "-r", "lib", "lib.exported");
            run(project, env, 120, "mix", "format");
            ProcessBuilder pb = new ProcessBuilder("diff", "-ru", "lib.exported", "lib").directory(project.toFile())
                    .redirectErrorStream(true);
            Process p = pb.start();
            String diff = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            throw new AssertionError("export is not formatted as mix format would:\n" + diff, e);
        }
    }

    private static void writeArgs(Path dir, String app, List<String> killPath) throws IOException {
        HexFormat hex = HexFormat.of();
        StringBuilder b = new StringBuilder("{app, <<\"" + hex.formatHex(app.getBytes(StandardCharsets.UTF_8)) + "\">>}.\n");
        if (killPath != null) {
            List<String> ids = killPath.stream().map(id -> "<<\"" + hex.formatHex(id.getBytes(StandardCharsets.UTF_8)) + "\">>").toList();
            b.append("{kill, [").append(String.join(", ", ids)).append("]}.\n");
        }
        Files.writeString(dir.resolve("check.args"), b.toString());
    }

    static String run(Path dir, Map<String, String> env, int timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed (" + p.exitValue() + ") in " + dir + ":\n" + text);
        }
        return text;
    }

    static Result parse(String out) {
        List<List<String>> trees = new ArrayList<>();
        List<Map<String, String>> pids = new ArrayList<>();
        String app = "?";
        List<String> current = null;
        Map<String, String> currentPids = null;
        List<String> stack = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("TREE ")) {
                current = new ArrayList<>();
                currentPids = new LinkedHashMap<>();
                stack.clear();
            } else if (line.equals("END") && current != null) {
                trees.add(current);
                pids.add(currentPids);
                current = null;
            } else if (line.startsWith("APP ")) {
                app = line.substring(4).trim();
            } else if (current != null) {
                String[] f = line.trim().split(" ");
                int depth = Integer.parseInt(f[0]);
                while (stack.size() > depth) {
                    stack.removeLast();
                }
                stack.add(f[1]);
                String path = String.join("/", stack);
                current.add(String.join(" ", java.util.Arrays.copyOf(f, f.length - 1)));
                currentPids.put(path, f[f.length - 1]);
            }
        }
        if (trees.isEmpty()) {
            throw new AssertionError("no tree in the checker's output:\n" + out);
        }
        return new Result(trees.get(0), pids.get(0), trees.size() > 1 ? trees.get(1) : List.of(),
                pids.size() > 1 ? pids.get(1) : Map.of(), app, out);
    }
}
