package dev.canopy.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.canopy.app.ui.start.DesignFilesReader;
import dev.canopy.app.ui.start.DesignSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignFilesReaderTest {

    @TempDir
    Path dir;

    @Test
    void reads_name_description_strategy_and_tree_shape() throws Exception {
        TestDesigns.writeSamples(dir);
        List<String> problems = new ArrayList<>();
        List<DesignSummary> s = new DesignFilesReader().readDirectory(dir, problems);
        assertThat(s).extracting(DesignSummary::name).containsExactly("Task fan-out", "Web app");
        DesignSummary web = s.get(1);
        assertThat(web.description()).isEqualTo("A supervisor with a repo and an endpoint.");
        assertThat(web.strategy()).isEqualTo("one_for_one");
        assertThat(web.processCount()).isEqualTo(6); // the child template counts
        assertThat(web.tree().orElseThrow().depth()).isEqualTo(3);
        assertThat(web.facts()).isEqualTo("6 processes · one_for_one");
        assertThat(problems).singleElement().asString().startsWith("Skipped broken.canopy.json");
    }

    @Test
    void a_missing_folder_is_no_samples() {
        List<String> problems = new ArrayList<>();
        assertThat(new DesignFilesReader().readDirectory(dir.resolve("nope"), problems)).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void the_file_name_stands_in_for_a_missing_name() throws Exception {
        Path f = dir.resolve("bare.canopy.json");
        Files.writeString(f, "{\"tree\": {\"kind\": \"worker\"}}");
        DesignSummary s = new DesignFilesReader().read(f);
        assertThat(s.name()).isEqualTo("bare");
        assertThat(s.facts()).isEqualTo("1 process");
    }

    @Test
    void reads_the_repository_samples_when_present() {
        Path samples = Path.of("..", "samples");
        List<String> problems = new ArrayList<>();
        List<DesignSummary> s = new DesignFilesReader().readDirectory(samples, problems);
        assertThat(problems).isEmpty();
        assertThat(s).allSatisfy(d -> {
            assertThat(d.name()).isNotBlank();
            assertThat(d.processCount()).isPositive();
        });
    }
}
