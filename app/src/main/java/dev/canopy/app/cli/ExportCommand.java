package dev.canopy.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.design.DesignValidator;
import dev.canopy.diagrams.design.LoadResult;
import dev.canopy.diagrams.design.SourceLines;
import dev.canopy.diagrams.export.ExportException;
import dev.canopy.diagrams.export.ExportFiles;
import dev.canopy.diagrams.export.ExportedFile;
import dev.canopy.diagrams.export.Exporter;
import dev.canopy.diagrams.export.Exporters;
import dev.canopy.diagrams.render.DesignDiagram;
import dev.canopy.diagrams.render.Theme;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code canopy export --format F FILE -o DIR}: writes a design as code (elixir, erlang, java)
 * or as a diagram (mermaid, dot). An invalid design prints its problems as
 * {@code FILE:LINE: at PATH: error: MESSAGE} and exits 2; nothing is written unless every file
 * can be (ExportFiles stages them first).
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export a design as code that boots or as a diagram.",
            "Formats: elixir (mix project), erlang (OTP application), java (Canopy engine),",
            "mermaid (tree.mmd), dot (tree.dot), svg and png (the tree diagram, light theme;",
            "-o may name the image file, else ROOT.svg / ROOT.png is written into the directory)."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "One of: elixir, erlang, java, mermaid, dot, svg, png.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".",
            description = "Directory to write into (created if missing; default: the current directory).")
    Path outputDir;

    @Parameters(paramLabel = "FILE", description = "The design (*.canopy.json).")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            boolean image = IMAGE_FORMATS.contains(format);
            Optional<Exporter> exporter = Exporters.find(format);
            if (exporter.isEmpty() && !image) {
                err.println("canopy: unsupported export format '" + format + "' (supported: "
                        + String.join(", ", Exporters.formats()) + ", " + String.join(", ", IMAGE_FORMATS) + ")");
                return CommandLine.ExitCode.USAGE;
            }
            Optional<Design> design = load(err);
            if (design.isEmpty()) {
                return CommandLine.ExitCode.USAGE;
            }
            if (image) {
                return writeImage(design.get(), out, err);
            }
            List<ExportedFile> files;
            try {
                files = exporter.get().export(design.get());
            } catch (ExportException e) {
                print(err, lines.locate(e.problems()));
                return CommandLine.ExitCode.USAGE;
            }
            try {
                List<Path> written = ExportFiles.write(outputDir, files);
                out.println("canopy: wrote " + written.size() + " file" + (written.size() == 1 ? "" : "s")
                        + " (" + format + ") to " + outputDir);
            } catch (IOException | RuntimeException e) {
                err.println("canopy: cannot write to " + outputDir + ": " + CanopyCommand.oneLine(e));
                return CommandLine.ExitCode.SOFTWARE;
            }
            return CommandLine.ExitCode.OK;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The image formats, drawn by the diagram renderer rather than an {@link Exporter}. */
    public static final List<String> IMAGE_FORMATS = List.of("svg", "png");

    /** The target of an image export: -o itself when it names a .svg/.png file, else ROOT.FORMAT inside it. */
    static Path imageTarget(Path output, Design design, String format) {
        String n = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith("." + format)) return output;
        return output.resolve(design.root().id() + "." + format);
    }

    private Integer writeImage(Design design, PrintWriter out, PrintWriter err) {
        Path target = imageTarget(outputDir, design, format);
        try {
            byte[] bytes = format.equals("svg")
                    ? DesignDiagram.svg(design, Theme.light()).getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : DesignDiagram.png(design, Theme.light());
            ExportFiles.writeBytes(target, bytes);
            out.println("canopy: wrote 1 file (" + format + ") to " + target);
            return CommandLine.ExitCode.OK;
        } catch (IOException | RuntimeException e) {
            err.println("canopy: cannot write " + target + ": " + CanopyCommand.oneLine(e));
            return CommandLine.ExitCode.SOFTWARE;
        }
    }

    private SourceLines lines;

    /** Loads and validates; prints warnings, and errors when there are any. */
    private Optional<Design> load(PrintWriter err) {
        switch (DesignFiles.load(file)) {
            case LoadResult.Failed f -> {
                print(err, f.problems());
                return Optional.empty();
            }
            case LoadResult.Loaded l -> {
                lines = l.lines();
                List<DesignProblem> problems = new java.util.ArrayList<>(l.warnings());
                problems.addAll(lines.locate(DesignValidator.validate(l.design())));
                print(err, problems);
                return problems.stream().anyMatch(DesignProblem::isError) ? Optional.empty() : Optional.of(l.design());
            }
        }
    }

    private static void print(PrintWriter err, List<DesignProblem> problems) {
        for (DesignProblem p : problems) {
            err.println(p.describe());
        }
    }
}
