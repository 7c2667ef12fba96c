package dev.canopy.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

import dev.canopy.diagrams.scenario.Problem;
import dev.canopy.diagrams.scenario.ReadResult;
import dev.canopy.diagrams.scenario.ScenarioReader;
import dev.canopy.engine.cluster.scenario.MultiNodeRunner;
import dev.canopy.engine.scenario.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code canopy trace SCENARIO.json}: runs a conformance scenario and prints its trace; a file
 * with a top-level {@code nodes} array is a multi-node scenario (conformance/MULTINODE-FORMAT.md),
 * run on a simulated cluster.
 * {@code canopy trace --out DIR A.json B.json ...} traces many in one JVM, each into
 * {@code DIR/NAME.trace} (the differential test runs hundreds; the trace is the same).
 */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description = {
            "Run a conformance scenario on the Canopy engine and print the normalized trace",
            "(format: shared/conformance/FORMAT.md, next to this repository; a file with a",
            "top-level 'nodes' array is a multi-node scenario: conformance/MULTINODE-FORMAT.md).",
            "With --out DIR, trace every file given into DIR/NAME.trace instead."})
public final class TraceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO.json", arity = "1..*", description = "The scenario file (several with --out).")
    List<Path> scenarioFiles;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed for the engine's random choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write each trace to DIR/NAME.trace (NAME: the file name without .json).")
    Path outDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (outDir == null && scenarioFiles.size() > 1) {
            err.println("canopy: trace: several scenario files need --out DIR");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        int status = CommandLine.ExitCode.OK;
        for (Path file : scenarioFiles) {
            List<String> trace;
            try {
                trace = trace(file, err);
            } catch (RuntimeException e) {
                if (outDir == null) throw e;
                // Many files: one engine failure must not lose the other traces; no NAME.trace marks it.
                err.println("canopy: " + file + ": internal error: " + CanopyCommand.oneLine(e));
                status = CommandLine.ExitCode.SOFTWARE;
                continue;
            }
            if (trace == null) {
                status = CommandLine.ExitCode.USAGE;
            } else if (outDir == null) {
                for (String line : trace) out.println(line);
                out.flush();
            } else {
                writeTrace(file, trace);
            }
        }
        err.flush();
        return status;
    }

    /** The file's trace, or null after printing why it cannot be run. */
    private List<String> trace(Path file, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            err.println("canopy: " + file + ": no such file");
            return null;
        }
        if (MultiNodeScenarioReader.isMultiNode(file)) {
            return switch (MultiNodeScenarioReader.read(file)) {
                case MultiNodeScenarioReader.Result.Invalid(List<Problem> problems) -> {
                    for (Problem p : problems) err.println(p.describe());
                    yield null;
                }
                case MultiNodeScenarioReader.Result.Ok ok -> MultiNodeRunner.trace(ok.scenario(), seed);
            };
        }
        return switch (ScenarioReader.read(file)) {
            case ReadResult.Invalid(List<Problem> problems) when isDesign(problems) -> {
                err.println("canopy: " + file + " is a Canopy design, not a conformance scenario: check it with "
                        + "'canopy validate " + file + "', open it with 'canopy " + file
                        + "', or export it with 'canopy export --format erlang " + file + " -o DIR'");
                yield null;
            }
            case ReadResult.Invalid(List<Problem> problems) -> {
                for (Problem p : problems) err.println(p.describe());
                yield null;
            }
            case ReadResult.Ok ok -> ScenarioRunner.trace(ok.scenario(), seed);
        };
    }

    private void writeTrace(Path file, List<String> trace) throws IOException {
        Files.createDirectories(outDir);
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        Path tmp = Files.createTempFile(outDir, "." + name + ".", ".tmp");
        Files.writeString(tmp, String.join("\n", trace) + (trace.isEmpty() ? "" : "\n"), StandardCharsets.UTF_8);
        Files.move(tmp, outDir.resolve(name + ".trace"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A design file has a "format" key, which scenarios do not (FORMAT.md); one unknown-key line per key would bury that. */
    private static boolean isDesign(List<Problem> problems) {
        return problems.stream().anyMatch(p -> p.jsonPath().equals("$.format") && p.message().startsWith("unknown key"));
    }
}
