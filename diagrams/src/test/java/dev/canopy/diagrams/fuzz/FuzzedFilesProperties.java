package dev.canopy.diagrams.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.design.DesignReader;
import dev.canopy.diagrams.design.DesignValidator;
import dev.canopy.diagrams.design.LoadResult;
import dev.canopy.diagrams.scenario.Problem;
import dev.canopy.diagrams.scenario.ReadResult;
import dev.canopy.diagrams.scenario.ScenarioReader;

/**
 * 10,000 damaged files (5,000 designs from the samples, 5,000 scenarios from the conformance
 * suite, each mutated from a seed): reading never throws and never hangs (2 s per file), and a
 * file that does not load says why with every error naming a JSON path ($...) and a line (1 or more).
 */
class FuzzedFilesProperties {

    private static final ExecutorService READER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-reader");
        t.setDaemon(true);
        return t;
    });

    private static final List<String> DESIGNS = texts(Path.of("../samples"), ".canopy.json");
    private static final List<String> SCENARIOS = texts(Path.of("../../shared/conformance/scenarios"), ".json");

    private static List<String> texts(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void stopReader() {
        READER.shutdownNow();
    }

    private static <T> T withinTwoSeconds(Supplier<T> read, String input) throws Exception {
        Future<T> f = READER.submit(read::get);
        try {
            return f.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("reading hung (> 2 s) on:\n" + abbreviate(input));
        } catch (ExecutionException e) {
            throw new AssertionError("reading threw " + e.getCause() + " on:\n" + abbreviate(input), e.getCause());
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "… (" + s.length() + " chars)";
    }

    @Property(tries = 5000, seed = "20261207")
    void damaged_designs_never_crash_and_every_error_says_where(@ForAll long seed) throws Exception {
        assertThat(DESIGNS).as("the samples").isNotEmpty();
        Random r = new Random(seed);
        String text = Mutator.mutate(DESIGNS.get(r.nextInt(DESIGNS.size())), r);
        LoadResult result = withinTwoSeconds(() -> DesignReader.parse(text, "fuzz.canopy.json"), text);
        Statistics.label("design").collect(result instanceof LoadResult.Loaded ? "loaded" : "rejected");
        if (result instanceof LoadResult.Loaded loaded) {
            // what the editor does next with a file that loads: validate it (must not throw either)
            withinTwoSeconds(() -> DesignValidator.validate(loaded.design()), text);
        }
        if (result instanceof LoadResult.Failed failed) {
            assertThat(failed.problems()).as("a rejected file says why:\n%s", abbreviate(text)).anyMatch(DesignProblem::isError);
            for (DesignProblem p : failed.problems()) {
                assertThat(p.jsonPath()).as("%s in\n%s", p, abbreviate(text)).startsWith("$");
                assertThat(p.line()).as("%s in\n%s", p, abbreviate(text)).isPositive();
                assertThat(p.message()).isNotBlank();
            }
        }
    }

    @Property(tries = 5000, seed = "20261207")
    void damaged_scenarios_never_crash_and_every_error_says_where(@ForAll long seed) throws Exception {
        dev.canopy.diagrams.testing.Prerequisite.fromEnvironment().require(!SCENARIOS.isEmpty(),
                "shared conformance scenarios not found (../../shared/conformance/scenarios)");
        Random r = new Random(seed);
        String text = Mutator.mutate(SCENARIOS.get(r.nextInt(SCENARIOS.size())), r);
        ReadResult result = withinTwoSeconds(() -> ScenarioReader.parse(text, "fuzz.json"), text);
        Statistics.label("scenario").collect(result instanceof ReadResult.Ok ? "read" : "rejected");
        if (result instanceof ReadResult.Invalid invalid) {
            assertThat(invalid.problems()).as("a rejected file says why:\n%s", abbreviate(text)).isNotEmpty();
            for (Problem p : invalid.problems()) {
                assertThat(p.jsonPath()).as("%s in\n%s", p, abbreviate(text)).startsWith("$");
                assertThat(p.line()).as("%s in\n%s", p, abbreviate(text)).isPositive();
                assertThat(p.message()).isNotBlank();
            }
        }
    }

    /** Found by this fuzzing: a nesting-depth error came with line 0 and Jackson's internals in its message. */
    @net.jqwik.api.Example
    void json_nested_too_deeply_is_an_error_at_its_line_in_plain_words() {
        String text = "{\n  \"name\": \"x\",\n  \"tree\": " + "[".repeat(600) + "]".repeat(600) + "\n}";
        LoadResult result = DesignReader.parse(text, "deep.canopy.json");
        assertThat(result).isInstanceOfSatisfying(LoadResult.Failed.class, f -> assertThat(f.problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.jsonPath()).isEqualTo("$");
                    assertThat(p.message()).startsWith("invalid JSON").endsWith(": the JSON is nested too deeply (more than 500 levels)");
                }));
    }
}
