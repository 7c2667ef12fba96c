package dev.canopy.app.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.canopy.app.ui.AppPaths;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.LoadResult;

class AutosaveServiceTest {

    @TempDir
    Path tmp;

    /** A scheduler the test drives: it records the task and period. */
    static final class ManualScheduler implements AutosaveService.Scheduler {
        final List<Runnable> tasks = new ArrayList<>();
        Duration period;
        boolean cancelled;

        @Override public AutosaveService.Cancellable every(Duration period, Runnable task) {
            this.period = period;
            tasks.add(task);
            return () -> cancelled = true;
        }

        void fire() {
            tasks.forEach(Runnable::run);
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();

    private AutosaveService service() {
        return new AutosaveService(tmp.resolve("autosave"), scheduler, Duration.ofSeconds(10));
    }

    private List<String> filesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void autosaveNamesAreDatedByTheInjectedClockNotTheMachines() {
        java.time.Clock march = java.time.Clock.fixed(Instant.parse("2026-03-01T12:34:56Z"), java.time.ZoneOffset.UTC);
        AutosaveService service = new AutosaveService(tmp.resolve("autosave"), scheduler, Duration.ofSeconds(10), march);
        assertThat(service.open(Optional.of(tmp.resolve("shop.canopy.json"))).id()).startsWith("shop-20260301-123456-");
        assertThat(service.open(Optional.empty()).id()).startsWith("untitled-20260301-123456-");
    }

    @Test
    void writesDirtyDocumentsEveryIntervalAtomically() throws IOException {
        AutosaveService service = service();
        service.start();
        assertThat(scheduler.period).isEqualTo(Duration.ofSeconds(10));
        Path original = tmp.resolve("shop.canopy.json");
        Design design = Fixtures.design();
        DesignFiles.save(original, design);
        AutosaveService.Document doc = service.open(Optional.of(original));
        assertThat(doc.id()).startsWith("shop-");

        doc.update(design, false);
        scheduler.fire();
        assertThat(filesIn(service.dir())).isEmpty(); // clean: nothing to save

        Design edited = design.withDescription("edited");
        doc.update(edited, true);
        assertThat(doc.pending()).isTrue();
        scheduler.fire();
        assertThat(filesIn(service.dir())).containsExactly(doc.id() + ".canopy.json", doc.id() + ".origin");
        assertThat(((LoadResult.Loaded) DesignFiles.load(doc.autosaveFile())).design()).isEqualTo(edited);
        assertThat(Files.readString(service.dir().resolve(doc.id() + ".origin")).strip())
                .isEqualTo(original.toAbsolutePath().toString());
        assertThat(doc.pending()).isFalse();
        assertThat(service.tick()).isZero(); // unchanged since: not written again

        doc.update(edited.withDescription("more"), true);
        assertThat(service.tick()).isEqualTo(1);
        assertThat(((LoadResult.Loaded) DesignFiles.load(doc.autosaveFile())).design().description()).isEqualTo("more");
        // no temporary files left behind
        assertThat(filesIn(service.dir())).noneMatch(f -> f.endsWith(".tmp"));

        service.stop();
        assertThat(scheduler.cancelled).isTrue();
    }

    @Test
    void aCleanSaveOrCloseDeletesTheAutosave() throws IOException {
        AutosaveService service = service();
        AutosaveService.Document doc = service.open(Optional.empty());
        assertThat(doc.id()).startsWith("untitled-");
        doc.update(Fixtures.design(), true);
        service.tick();
        assertThat(Files.exists(doc.autosaveFile())).isTrue();
        Path saved = tmp.resolve("saved.canopy.json");
        DesignFiles.save(saved, Fixtures.design());
        doc.saved(saved);
        assertThat(filesIn(service.dir())).isEmpty();
        assertThat(doc.original()).contains(saved.toAbsolutePath());

        doc.update(Fixtures.design().withName("again"), true);
        service.tick();
        assertThat(Files.exists(doc.autosaveFile())).isTrue();
        // undo back to the save point: clean again, the autosave goes at the next tick
        doc.update(Fixtures.design(), false);
        service.tick();
        assertThat(filesIn(service.dir())).isEmpty();

        doc.update(Fixtures.design().withName("third"), true);
        service.tick();
        doc.close();
        assertThat(filesIn(service.dir())).isEmpty();
        assertThat(service.documents()).isEmpty();
        doc.update(Fixtures.design().withName("late"), true);
        assertThat(service.tick()).isZero();
    }

    @Test
    void recoverableListsAutosavesNewerThanTheirOriginalsOfDocumentsNotOpen() throws IOException {
        Path dir = tmp.resolve("autosave");
        // a previous session that crashed with three dirty documents
        AutosaveService crashed = new AutosaveService(dir, scheduler, Duration.ofSeconds(5));
        Path newerOriginal = tmp.resolve("a.canopy.json");
        Path olderOriginal = tmp.resolve("b.canopy.json");
        DesignFiles.save(newerOriginal, Fixtures.design());
        DesignFiles.save(olderOriginal, Fixtures.design());
        AutosaveService.Document untitled = crashed.open(Optional.empty());
        AutosaveService.Document a = crashed.open(Optional.of(newerOriginal));
        AutosaveService.Document b = crashed.open(Optional.of(olderOriginal));
        untitled.update(Fixtures.design().withName("untitled_work"), true);
        a.update(Fixtures.design().withName("a_work"), true);
        b.update(Fixtures.design().withName("b_work"), true);
        crashed.tick();
        Instant now = Instant.parse("2026-03-01T12:00:00Z"); // any instant: only the files' order matters
        Files.setLastModifiedTime(untitled.autosaveFile(), FileTime.from(now.minusSeconds(30)));
        Files.setLastModifiedTime(b.autosaveFile(), FileTime.from(now.minusSeconds(20)));
        Files.setLastModifiedTime(olderOriginal, FileTime.from(now.minusSeconds(60)));
        // a's original was saved (elsewhere) after its autosave: nothing to recover
        Files.setLastModifiedTime(a.autosaveFile(), FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(newerOriginal, FileTime.from(now.minusSeconds(10)));

        // the current session has one document of its own open
        AutosaveService current = new AutosaveService(dir, scheduler, Duration.ofSeconds(5));
        AutosaveService.Document mine = current.open(Optional.empty());
        mine.update(Fixtures.design().withName("mine"), true);
        current.tick();

        List<AutosaveService.Recoverable> found = current.recoverable();
        assertThat(found).extracting(AutosaveService.Recoverable::designName).containsExactly("b_work", "untitled_work");
        assertThat(found.get(0).original()).contains(olderOriginal.toAbsolutePath());
        assertThat(found.get(1).original()).isEmpty();
        assertThat(((LoadResult.Loaded) current.recover(found.get(0))).design().name()).isEqualTo("b_work");

        current.discard(found.get(1));
        assertThat(current.recoverable()).extracting(AutosaveService.Recoverable::designName).containsExactly("b_work");
        assertThat(Files.exists(dir.resolve(untitled.id() + ".origin"))).isFalse();
    }

    @Test
    void recoverableIsEmptyWithoutADirectoryAndSkipsUnreadableFiles() throws IOException {
        AutosaveService service = service();
        assertThat(service.recoverable()).isEmpty();
        Files.createDirectories(service.dir());
        Files.writeString(service.dir().resolve("broken.canopy.json"), "{ not json");
        assertThat(service.recoverable()).isEmpty();
    }

    @Test
    void writeFailuresAreReportedNotThrown() throws IOException {
        Path blocker = tmp.resolve("blocked");
        Files.writeString(blocker, "a file where the directory should be");
        AutosaveService service = new AutosaveService(blocker.resolve("autosave"), scheduler, Duration.ofSeconds(1));
        List<String> errors = new ArrayList<>();
        service.onError(errors::add);
        AutosaveService.Document doc = service.open(Optional.empty());
        doc.update(Fixtures.design(), true);
        assertThat(service.tick()).isZero();
        assertThat(errors).singleElement().asString().startsWith("cannot autosave '" + doc.id() + "'");
        assertThat(doc.pending()).isTrue(); // retried next time
    }

    @Test
    void theDefaultDirectoryIsUnderTheStateDirectory() {
        AppPaths paths = new AppPaths(tmp.resolve("config"), tmp.resolve("state/canopy"));
        assertThat(AutosaveService.defaultDir(paths)).isEqualTo(tmp.resolve("state/canopy/autosave"));
    }
}
