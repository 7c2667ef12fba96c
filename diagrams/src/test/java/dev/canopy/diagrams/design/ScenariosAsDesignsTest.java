package dev.canopy.diagrams.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.canopy.diagrams.scenario.ReadResult;
import dev.canopy.diagrams.scenario.ScenarioReader;

/** "A conformance scenario opens as a design: one vocabulary." */
class ScenariosAsDesignsTest {

    private static final Path SCENARIOS = Path.of("../../shared/conformance/scenarios");

    @TestFactory
    Stream<DynamicTest> every_public_scenario_opens_as_a_design_and_converts_back_to_the_same_scenario() throws IOException {
        dev.canopy.diagrams.testing.Prerequisite.fromEnvironment().require(Files.isDirectory(SCENARIOS), "shared conformance scenarios not found at " + SCENARIOS.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> list = Files.list(SCENARIOS)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            LoadResult result = DesignFiles.load(file);
            assertThat(result).as("%s", result).isInstanceOf(LoadResult.Loaded.class);
            LoadResult.Loaded loaded = (LoadResult.Loaded) result;
            assertThat(loaded.warnings()).isEmpty();
            Design design = loaded.design();
            assertThat(design.format()).isEqualTo(1);

            ReadResult.Ok scenario = (ReadResult.Ok) ScenarioReader.read(file);
            assertThat(ToScenario.convert(design)).isEqualTo(scenario.scenario());

            // Saved in the design form and read again, it is the same design and the same scenario.
            String text = DesignWriter.write(design);
            Design again = ((LoadResult.Loaded) DesignReader.parse(text, "again")).design();
            assertThat(again).isEqualTo(design);
            assertThat(DesignWriter.write(again)).isEqualTo(text);
            assertThat(DesignValidator.validate(design)).noneMatch(DesignProblem::isError);
        }));
    }
}
