package dev.canopy.diagrams.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.scenario.InitOutcome;
import dev.canopy.engine.scenario.NodeKind;
import dev.canopy.engine.scenario.Scenario;
import dev.canopy.engine.scenario.Step;

/** Every public conformance scenario (shared/conformance/scenarios) reads without problems. */
class ConformanceScenariosTest {

    /** Relative to the diagrams module directory (the repo is /work/main, shared is /work/shared). */
    private static final Path SCENARIOS = Path.of("../../shared/conformance/scenarios");

    private static List<Path> scenarioFiles() throws IOException {
        dev.canopy.diagrams.testing.Prerequisite.fromEnvironment().require(Files.isDirectory(SCENARIOS), "shared conformance scenarios not found at " + SCENARIOS.toAbsolutePath());
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_public_scenario_reads_and_its_steps_match_the_recorded_markers() throws IOException {
        List<Path> files = scenarioFiles();
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Scenario scenario = ok(ScenarioReader.read(file));
            assertThat(file.getFileName().toString()).isEqualTo(scenario.name() + ".json");

            // The markers OTP printed describe each step exactly as Step.describe() should.
            Path expected = file.resolveSibling(scenario.name() + ".expected");
            if (Files.exists(expected)) {
                List<String> markers = Files.readAllLines(expected).stream().filter(l -> l.startsWith("-- step ")).toList();
                List<Step> steps = scenario.steps();
                List<String> described = IntStream.range(0, steps.size())
                        .mapToObj(i -> "-- step " + (i + 1) + " @" + steps.get(i).atMs() + " "
                                + steps.get(i).action().describe() + (steps.get(i).unordered() ? " (unordered)" : ""))
                        .toList();
                assertThat(described).isEqualTo(markers);
            }
        }));
    }

    @Test
    void dynsup_start_errors_reads_into_the_expected_records() throws IOException {
        Path file = SCENARIOS.resolve("dynsup_start_errors.json");
        assumeTrue(Files.exists(file));
        Scenario scenario = ok(ScenarioReader.read(file));

        assertThat(scenario.tree().kind()).isEqualTo(NodeKind.SUPERVISOR);
        assertThat(scenario.tree().maxRestarts()).isZero();
        var dyn = scenario.tree().children().getFirst();
        assertThat(dyn.kind()).isEqualTo(NodeKind.DYNAMIC_SUPERVISOR);
        assertThat(dyn.maxRestarts()).isEqualTo(2);
        assertThat(dyn.maxChildren()).isEqualTo(-1);
        assertThat(scenario.steps()).hasSize(5);
        var flaky = (Step.StartChild) scenario.steps().get(2).action();
        assertThat(flaky.target()).isEqualTo("root/dyn");
        assertThat(flaky.child().init())
                .isEqualTo(new InitBehaviour.Sequence(List.of(InitOutcome.OK, InitOutcome.CRASH)));
        assertThat(scenario.steps().get(3).action()).isEqualTo(new Step.Exit("root/dyn/flaky", "boom"));
        assertThat(scenario.steps().get(4).action()).isEqualTo(new Step.StopTree());
    }

    static Scenario ok(ReadResult result) {
        if (result instanceof ReadResult.Invalid invalid) {
            throw new AssertionError("expected no problems, got:\n"
                    + String.join("\n", invalid.problems().stream().map(Problem::describe).toList()));
        }
        return ((ReadResult.Ok) result).scenario();
    }
}
