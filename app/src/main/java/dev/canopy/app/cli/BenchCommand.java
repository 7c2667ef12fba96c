package dev.canopy.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.canopy.app.bench.Bench;
import dev.canopy.app.bench.BenchNotImplementedException;
import dev.canopy.app.bench.Benchmarks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code canopy bench NAME}: runs one of the built-in benchmarks. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run a built-in benchmark of the engine.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", completionCandidates = Benchmarks.Names.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String name;

    @Override
    public Integer call() throws Exception {
        Bench bench = Benchmarks.find(name).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(),
                "unknown benchmark '" + name + "' (choose from " + String.join(", ", Benchmarks.names()) + ")"));
        PrintStream out = System.out;
        try {
            bench.run(out);
        } catch (BenchNotImplementedException e) {
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println("benchmark " + bench.name() + " not implemented yet");
            err.flush();
            return CanopyCommand.EXIT_NOT_IMPLEMENTED;
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
