package dev.canopy.diagrams.lessons;

import static dev.canopy.diagrams.lessons.LessonSamplesTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.testing.Prerequisite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Elixir the elixir_habits cards show (each worker's notes) compiles with elixirc, and the
 * compiled modules do what the card says. Skipped where elixirc is not installed, except in CI
 * (CI=true), which installs it: there it fails.
 */
class HabitSnippetsCompileTest {
    @TempDir Path dir;

    static boolean available(String tool) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void every_cards_snippet_compiles_and_behaves_as_the_card_says() throws Exception {
        Prerequisite.fromEnvironment().require(available("elixirc") && available("elixir"), "elixirc/elixir not installed");
        var design = sample("elixir_habits");
        List<DesignNode> cards = design.root().children();
        assertThat(cards).extracting(DesignNode::id).containsExactly("shapes", "report", "ledger", "walker");
        for (var card : cards) {
            assertThat(card.notes()).as(card.id()).containsAnyOf("defmodule", "defprotocol");
            Files.writeString(dir.resolve(card.id() + ".ex"), card.notes());
        }
        var out = dir.resolve("ebin");
        Files.createDirectories(out);
        var compiled = run(List.of("elixirc", "--warnings-as-errors", "-o", out.toString(),
                "shapes.ex", "report.ex", "ledger.ex", "walker.ex"));
        assertThat(compiled.status()).as(compiled.output()).isZero();
        var check = run(List.of("elixir", "-pa", out.toString(), "-e", String.join("; ",
                "IO.puts(Habits.Area.area(%Habits.Square{side: 3}))",
                "IO.puts(Habits.Report.to_binary([\"a\", \"b\"]) == \"a\\nb\\n\")",
                "IO.puts(Habits.Ledger.format(Habits.Ledger.add(1005, 95)))",
                "IO.puts(Habits.Walker.sum(Enum.to_list(1..10_000)) == Habits.Walker.sum_tail(Enum.to_list(1..10_000)))")));
        assertThat(check.status()).as(check.output()).isZero();
        assertThat(check.output().strip().lines().toList()).containsExactly("9", "true", "11.00", "true");
    }

    record Result(int status, String output) {}

    private Result run(List<String> cmd) throws IOException, InterruptedException {
        var p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        var output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + output);
        }
        return new Result(p.exitValue(), output);
    }
}
