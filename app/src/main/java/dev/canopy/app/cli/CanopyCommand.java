package dev.canopy.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code canopy} command: global options and the list of subcommands. */
@Command(
        name = "canopy",
        mixinStandardHelpOptions = true,
        versionProvider = CanopyCommand.Version.class,
        description = "Design and simulate Erlang/OTP supervision trees.",
        subcommands = {TraceCommand.class, BenchCommand.class, ValidateCommand.class, ExportCommand.class, AttachCommand.class, GenScenariosCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            " 0:Success.",
            " 1:Internal error (a bug in Canopy).",
            " 2:Usage error, or invalid input file.",
            " 3:Not implemented yet."})
public final class CanopyCommand implements Runnable {

    /** Exit status for features that exist only as placeholders. */
    public static final int EXIT_NOT_IMPLEMENTED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of internal errors.")
    boolean debug;

    @Override
    public void run() {
        // "canopy" with no subcommand: show the help (the desktop UI comes later).
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with Canopy's error handling. */
    public static CommandLine commandLine(boolean debug) {
        CommandLine cl = new CommandLine(new CanopyCommand());
        cl.setParameterExceptionHandler(CanopyCommand::usageError);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("canopy: internal error: " + oneLine(ex));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl;
    }

    /** Runs the command line and returns the exit status. */
    public static int run(String... args) {
        try {
            return commandLine(Arrays.asList(args).contains("--debug")).execute(args);
        } catch (RuntimeException | Error e) {
            // Should not happen (picocli handles execution errors), but never show a stack trace.
            System.err.println("canopy: internal error: " + oneLine(e));
            return CommandLine.ExitCode.SOFTWARE;
        }
    }

    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("canopy: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String oneLine(Throwable t) {
        String msg = t.getMessage();
        String text = msg == null || msg.isBlank() ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + msg;
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    /** Reads the version from {@code version.properties}, filtered by Maven. */
    public static final class Version implements IVersionProvider {

        public static String version() {
            Properties props = new Properties();
            try (InputStream in = CanopyCommand.class.getResourceAsStream("/dev/canopy/app/version.properties")) {
                if (in == null) {
                    return "unknown";
                }
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return props.getProperty("version", "unknown");
        }

        @Override
        public String[] getVersion() {
            return new String[] {"canopy " + version()};
        }
    }
}
