package dev.canopy.diagrams.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.canopy.engine.scenario.ScenarioRunner;

/** Every sample under samples/ loads, validates clean, round-trips byte for byte, runs and exports. */
class SamplesTest {

    /** Relative to the diagrams module directory. */
    static final Path SAMPLES = Path.of("../samples");

    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(DesignFiles.SUFFIX)).sorted().toList();
        }
    }

    static Design load(Path file) {
        LoadResult result = DesignFiles.load(file);
        assertThat(result).as("%s", result).isInstanceOf(LoadResult.Loaded.class);
        LoadResult.Loaded loaded = (LoadResult.Loaded) result;
        assertThat(loaded.warnings()).isEmpty();
        return loaded.design();
    }

    @Test
    void there_are_the_seven_lessons() throws IOException {
        assertThat(samples()).extracting(p -> p.getFileName().toString()).contains(
                "classic_application.canopy.json", "init_guarantees.canopy.json", "strategies.canopy.json",
                "sessions_per_user.canopy.json", "task_fanout.canopy.json", "restart_storm.canopy.json",
                "global_singleton.canopy.json", "genserver_messages.canopy.json",
                // Lesson 3's alternatives on the same split.
                "per_node_worker.canopy.json", "db_source_of_truth.canopy.json", "consistent_hashing.canopy.json");
    }

    /** Issue 12: the lesson's tree has a DynamicSupervisor where the sample had a static supervisor. */
    @Test
    void the_classic_applications_worker_supervisor_is_a_dynamic_supervisor_whose_jobs_the_script_starts() {
        Design classic = load(SAMPLES.resolve("classic_application.canopy.json"));
        DesignNode workers = DesignPaths.find(classic, "app/workers").orElseThrow();
        assertThat(workers).isInstanceOf(DynamicSupervisorNode.class);
        assertThat(workers.label()).isEqualTo("MyApp.WorkerSupervisor");
        assertThat(((DynamicSupervisorNode) workers).childTemplate()).isPresent();
        assertThat(classic.description()).contains("MyApp.WorkerSupervisor is a DynamicSupervisor");
        assertThat(classic.faultScript()).filteredOn(st -> st.toString().contains("app/workers")).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> every_sample_loads_validates_round_trips_and_runs() throws IOException {
        return samples().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Design design = load(file);
            assertThat(file.getFileName().toString()).isEqualTo(design.name() + DesignFiles.SUFFIX);
            assertThat(design.description()).contains("Lesson");
            assertThat(DesignValidator.validate(design)).isEmpty();

            String text = Files.readString(file);
            assertThat(DesignWriter.write(design)).isEqualTo(text);
            Design again = ((LoadResult.Loaded) DesignReader.parse(text, file.toString())).design();
            assertThat(again).isEqualTo(design);

            List<String> trace = ScenarioRunner.trace(ToScenario.checked(design), 1);
            assertThat(trace).contains("-- end");
            assertThat(trace.getFirst()).isEqualTo("-- start_tree");
            assertThat(trace).anyMatch(l -> l.startsWith("start_tree => ok"));
        }));
    }

    /** Uses the exporters by reflection, so that this test does not depend on their package's shape. */
    @TestFactory
    Stream<DynamicTest> every_sample_exports_with_every_exporter() throws Exception {
        Class<?> exporters;
        try {
            exporters = Class.forName("dev.canopy.diagrams.export.Exporters");
        } catch (ClassNotFoundException e) {
            return Stream.empty();
        }
        List<?> all = (List<?>) exporters.getMethod("all").invoke(null);
        return samples().stream().flatMap(file -> all.stream().map(exporter -> {
            String format = invoke(exporter, "format").toString();
            return DynamicTest.dynamicTest(file.getFileName() + " as " + format, () -> {
                Method export = exporter.getClass().getMethod("export", Design.class);
                export.setAccessible(true);
                List<?> files = (List<?>) export.invoke(exporter, load(file));
                assertThat(files).isNotEmpty();
            });
        }));
    }

    private static Object invoke(Object target, String method) {
        try {
            Method m = target.getClass().getMethod(method);
            m.setAccessible(true);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
