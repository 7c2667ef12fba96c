package dev.canopy.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.canopy.diagrams.scenario.Problem;
import dev.canopy.diagrams.scenario.ReadResult;
import dev.canopy.diagrams.scenario.ScenarioReader;
import dev.canopy.engine.scenario.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code canopy trace SCENARIO.json}: runs a conformance scenario and prints its trace. */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description = {
            "Run a conformance scenario on the Canopy engine and print the normalized trace",
            "(format: shared/conformance/FORMAT.md, next to this repository)."})
public final class TraceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO.json", description = "The scenario file.")
    Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed for the engine's random choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(scenarioFile)) {
            err.println("canopy: " + scenarioFile + ": no such file");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        ReadResult result = ScenarioReader.read(scenarioFile);
        return switch (result) {
            case ReadResult.Invalid(List<Problem> problems) when isDesign(problems) -> {
                err.println("canopy: " + scenarioFile + " is a Canopy design, not a conformance scenario: check it with "
                        + "'canopy validate " + scenarioFile + "', open it with 'canopy " + scenarioFile
                        + "', or export it with 'canopy export --format erlang " + scenarioFile + " -o DIR'");
                err.flush();
                yield CommandLine.ExitCode.USAGE;
            }
            case ReadResult.Invalid(List<Problem> problems) -> {
                for (Problem p : problems) {
                    err.println(p.describe());
                }
                err.flush();
                yield CommandLine.ExitCode.USAGE;
            }
            case ReadResult.Ok ok -> {
                for (String line : ScenarioRunner.trace(ok.scenario(), seed)) {
                    out.println(line);
                }
                out.flush();
                yield CommandLine.ExitCode.OK;
            }
        };
    }

    /** A design file has a "format" key, which scenarios do not (FORMAT.md); one unknown-key line per key would bury that. */
    private static boolean isDesign(List<Problem> problems) {
        return problems.stream().anyMatch(p -> p.jsonPath().equals("$.format") && p.message().startsWith("unknown key"));
    }
}
