package dev.canopy.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.design.DesignValidator;
import dev.canopy.diagrams.design.LoadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code canopy validate FILE...}: reads designs ({@code *.canopy.json}; a conformance scenario
 * opens as a design too) and lists every problem as {@code FILE:LINE: at PATH: error|warning:
 * MESSAGE}. Exit status 2 if any file has an error, else 0 with {@code FILE: valid (N nodes)}.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check design files (*.canopy.json, or conformance scenarios) and list every problem",
            "with its line and JSON path. Exit status 2 if there is any error."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The design files.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean anyError = false;
        for (Path file : files) {
            anyError |= validate(file, out);
        }
        out.flush();
        return anyError ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.OK;
    }

    /** Prints the file's problems; true if any is an error. */
    private static boolean validate(Path file, PrintWriter out) {
        List<DesignProblem> problems = new ArrayList<>();
        int nodes = 0;
        switch (DesignFiles.load(file)) {
            case LoadResult.Failed failed -> problems.addAll(failed.problems());
            case LoadResult.Loaded loaded -> {
                problems.addAll(loaded.warnings());
                problems.addAll(loaded.lines().locate(DesignValidator.validate(loaded.design())));
                nodes = loaded.design().nodeCount();
            }
        }
        problems.sort(Comparator.comparingInt(DesignProblem::line));
        problems.forEach(p -> out.println(p.describe()));
        long errors = problems.stream().filter(DesignProblem::isError).count();
        if (errors == 0) {
            out.println(file + ": valid (" + nodes + (nodes == 1 ? " node)" : " nodes)"));
        } else {
            long warnings = problems.size() - errors;
            out.println(file + ": " + errors + (errors == 1 ? " error" : " errors")
                    + (warnings > 0 ? ", " + warnings + (warnings == 1 ? " warning" : " warnings") : ""));
        }
        return errors > 0;
    }
}
