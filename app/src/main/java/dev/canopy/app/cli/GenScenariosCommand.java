package dev.canopy.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.canopy.diagrams.scenario.MultiNodeScenarioGenerator;
import dev.canopy.diagrams.scenario.MultiNodeScenarioWriter;
import dev.canopy.diagrams.scenario.ScenarioGenerator;
import dev.canopy.diagrams.scenario.ScenarioWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code canopy gen-scenarios --seed S --count N --out DIR}: writes N random conformance
 * scenarios ({@code gen_S_I.json}, I from {@code --first}) for the differential test against
 * real OTP (conformance/differential); with {@code --multinode}, multi-node scenarios
 * ({@code gen_mn_S_I.json}, conformance/MULTINODE-FORMAT.md) instead. Hidden: a tool for the project, not for users.
 */
@Command(
        name = "gen-scenarios",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Write random conformance scenarios (seeded) for differential testing against OTP.")
public final class GenScenariosCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Run seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--count", paramLabel = "N", defaultValue = "200", description = "How many scenarios (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--first", paramLabel = "I", defaultValue = "0", description = "Index of the first case (default: ${DEFAULT-VALUE}).")
    int first;

    @Option(names = "--multinode", description = "Write multi-node scenarios (2-3 nodes, partitions, global names).")
    boolean multinode;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write into (created if missing).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (count < 0 || first < 0 || seed < 0) {
            err.println("canopy: gen-scenarios: --seed, --count and --first must not be negative");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        try {
            Files.createDirectories(out);
            for (int i = first; i < first + count; i++) {
                String name = multinode ? multiNodeCaseName(seed, i) : caseName(seed, i);
                long caseSeed = ScenarioGenerator.caseSeed(seed, i);
                String json = multinode
                        ? MultiNodeScenarioWriter.write(MultiNodeScenarioGenerator.generate(name, caseSeed))
                        : ScenarioWriter.write(ScenarioGenerator.generate(name, caseSeed));
                Path target = out.resolve(name + ".json");
                Path tmp = Files.createTempFile(out, "." + name + ".", ".tmp");
                Files.writeString(tmp, json, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            err.println("canopy: gen-scenarios: cannot write into " + out + ": " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
        return CommandLine.ExitCode.OK;
    }

    /** {@code gen_S_IIII}: the run seed and the case index, enough to generate the case again. */
    static String caseName(long seed, int index) {
        return String.format(Locale.ROOT, "gen_%d_%04d", seed, index);
    }

    /** {@code gen_mn_S_IIII}: a multi-node case, named like {@link #caseName}. */
    static String multiNodeCaseName(long seed, int index) {
        return String.format(Locale.ROOT, "gen_mn_%d_%04d", seed, index);
    }
}
