package dev.canopy.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.canopy.app.ui.start.RecentFile;
import dev.canopy.app.ui.start.RecentFilesStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesStoreTest {

    @TempDir
    Path dir;

    private static RecentFile rf(String path, long t) {
        return new RecentFile(Path.of(path).toAbsolutePath(), Path.of(path).getFileName().toString(),
                Instant.ofEpochSecond(t));
    }

    @Test
    void saves_and_loads_in_order() throws Exception {
        RecentFilesStore store = new RecentFilesStore(dir.resolve("sub/recent.json"));
        List<RecentFile> files = List.of(rf("/a/x.canopy.json", 3), rf("/a/y.canopy.json", 2));
        store.save(files);
        assertThat(store.load()).isEqualTo(files);
        // nothing but the list is left behind: the temporary file was renamed over it
        try (var s = Files.list(dir.resolve("sub"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("recent.json");
        }
    }

    @Test
    void push_puts_the_file_first_without_duplicates_and_keeps_at_most_ten() {
        List<RecentFile> l = new ArrayList<>();
        for (int i = 0; i < 12; i++) l = RecentFilesStore.push(l, rf("/d/f" + i + ".canopy.json", i));
        assertThat(l).hasSize(RecentFilesStore.MAX);
        assertThat(l.getFirst().name()).isEqualTo("f11.canopy.json");
        l = RecentFilesStore.push(l, rf("/d/f5.canopy.json", 99));
        assertThat(l).hasSize(RecentFilesStore.MAX);
        assertThat(l.getFirst().openedAt()).isEqualTo(Instant.ofEpochSecond(99));
        assertThat(l.stream().filter(f -> f.name().equals("f5.canopy.json"))).hasSize(1);
    }

    @Test
    void a_missing_or_corrupt_file_reads_as_empty() throws Exception {
        RecentFilesStore store = new RecentFilesStore(dir.resolve("recent.json"));
        assertThat(store.load()).isEmpty();
        Files.writeString(store.file(), "{\"files\": [ {\"path\": 3}, ");
        assertThat(store.load()).isEmpty();
        Files.writeString(store.file(), "{\"files\": [{\"path\": \"/x/a.canopy.json\"}, {\"name\": \"no path\"}]}");
        assertThat(store.load()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("a.canopy.json");
            assertThat(f.openedAt()).isEqualTo(Instant.EPOCH);
        });
    }
}
