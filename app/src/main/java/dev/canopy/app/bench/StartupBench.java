package dev.canopy.app.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code canopy bench startup}: how long the desktop app takes to show its first frame. Starts
 * the app as a child process the way {@code ./canopy} does (through the launcher script when
 * {@code -Dcanopy.launcher} names it, else the same java and JVM flags as this process) with
 * {@code -Dcanopy.exitAfterFirstFrame=true}, which makes the app print the time from JVM start to
 * its first pulse after the window is shown, and exit. One warm-up run first (it writes the
 * AppCDS archive when missing), then {@code -Dcanopy.bench.startup.runs} runs (default 7).
 * <p>
 * Prints {@code canopy_startup_first_frame_ms} (JVM start → first frame, as the app measures it)
 * and {@code canopy_startup_launch_to_frame_ms} (process spawn → the line read: launcher
 * script and JVM boot included), each with {@code _min} and {@code _max}.
 * <p>
 * Needs a display: without DISPLAY it runs itself again under {@code xvfb-run} when installed.
 */
public final class StartupBench implements Bench {

    static final String PREFIX = "canopy.firstFrame ";
    private static final long TIMEOUT_S = 120;

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        if (!hasDisplay()) {
            rerunUnderXvfb(out);
            return;
        }
        int runs = Math.max(1, Integer.getInteger("canopy.bench.startup.runs", 7));
        measure(); // warm-up: page cache, AppCDS archive
        List<Double> inApp = new ArrayList<>();
        List<Double> fromSpawn = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double[] r = measure();
            inApp.add(r[0]);
            fromSpawn.add(r[1]);
        }
        Stats.report(out, "canopy_startup_first_frame_ms", inApp, "ms");
        Stats.report(out, "canopy_startup_launch_to_frame_ms", fromSpawn, "ms");
    }

    private static boolean hasDisplay() {
        String d = System.getenv("DISPLAY");
        String w = System.getenv("WAYLAND_DISPLAY");
        return (d != null && !d.isBlank()) || (w != null && !w.isBlank());
    }

    /** {JVM start → first frame, spawn → first frame} in ms, for one run of the app. */
    private static double[] measure() throws IOException, InterruptedException {
        List<String> cmd = appCommand();
        if (cmd.size() > 1) cmd.add(1, "-Dcanopy.exitAfterFirstFrame=true"); // java itself, not the script
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        String opts = System.getenv().getOrDefault("CANOPY_JAVA_OPTS", "");
        pb.environment().put("CANOPY_JAVA_OPTS", (opts + " -Dcanopy.exitAfterFirstFrame=true").strip());
        long spawned = System.nanoTime();
        Process p = pb.start();
        String found = null;
        long seen = 0;
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (found == null && line.startsWith(PREFIX)) {
                    seen = System.nanoTime();
                    found = line;
                } else if (output.length() < 4000) {
                    output.append(line).append('\n');
                }
            }
        }
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the app did not exit within " + TIMEOUT_S + " s");
        }
        if (found == null) {
            throw new IllegalStateException("the app printed no first-frame time (exit status " + p.exitValue()
                    + "); its output:\n" + output.toString().strip());
        }
        return new double[] {field(found, "sinceJvmStartMs"), (seen - spawned) / 1e6};
    }

    static double field(String line, String key) {
        for (String part : line.substring(PREFIX.length()).trim().split("\\s+")) {
            if (part.startsWith(key + "=")) return Double.parseDouble(part.substring(key.length() + 1));
        }
        throw new IllegalStateException("no " + key + " in: " + line);
    }

    /** The launcher script when known (exactly what a user runs), else this JVM's java and flags. */
    static List<String> appCommand() {
        String launcher = System.getProperty("canopy.launcher");
        if (launcher != null && Files.isExecutable(Path.of(launcher))) return new ArrayList<>(List.of(launcher));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-agentlib") || a.startsWith("-javaagent") || a.startsWith("-Dcanopy.exitAfterFirstFrame")) continue;
            cmd.add(a);
        }
        String cp = System.getProperty("java.class.path");
        if (!cp.contains(File.pathSeparator) && cp.endsWith(".jar")) {
            cmd.add("-jar");
            cmd.add(cp);
        } else {
            cmd.add("-cp");
            cmd.add(cp);
            cmd.add("dev.canopy.app.Main");
        }
        return cmd;
    }

    private static void rerunUnderXvfb(PrintStream out) throws IOException, InterruptedException {
        Path xvfbRun = findOnPath("xvfb-run");
        if (xvfbRun == null) {
            throw new IllegalStateException("bench startup needs a display: DISPLAY is not set and xvfb-run is not"
                    + " installed (apt-get install xvfb)");
        }
        List<String> cmd = new ArrayList<>(List.of(xvfbRun.toString(), "-a", "-s", "-screen 0 1600x1000x24"));
        String launcher = System.getProperty("canopy.launcher");
        if (launcher != null && Files.isExecutable(Path.of(launcher))) {
            cmd.add(launcher);
            cmd.add("bench");
            cmd.add("startup");
        } else {
            List<String> app = appCommand();
            cmd.addAll(app);
            cmd.add("bench");
            cmd.add("startup");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        String runs = System.getProperty("canopy.bench.startup.runs");
        if (runs != null) {
            String opts = System.getenv().getOrDefault("CANOPY_JAVA_OPTS", "");
            pb.environment().put("CANOPY_JAVA_OPTS", (opts + " -Dcanopy.bench.startup.runs=" + runs).strip());
        }
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) out.println(line);
        }
        out.flush();
        int status = p.waitFor();
        if (status != 0) throw new IllegalStateException("bench startup under xvfb-run failed (exit status " + status + ")");
    }

    private static Path findOnPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, exe);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
