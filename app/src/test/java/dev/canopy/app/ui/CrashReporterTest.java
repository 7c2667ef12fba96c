package dev.canopy.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.canopy.app.ui.errors.AppLog;
import dev.canopy.app.ui.errors.CrashReporter;
import dev.canopy.app.ui.errors.ErrorReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashReporterTest {

    @TempDir
    Path dir;

    @Test
    void logs_the_error_and_presents_a_friendly_report() throws Exception {
        Path log = dir.resolve("state/canopy.log");
        List<ErrorReport> shown = new ArrayList<>();
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-03-01T12:00:00Z"), java.time.ZoneOffset.UTC);
        CrashReporter r = new CrashReporter(new AppLog(log, clock), shown::add);
        r.uncaughtException(Thread.currentThread(), new IllegalStateException("boom"));

        String text = Files.readString(log);
        assertThat(text).startsWith("2026-03-01T12:00:00Z ERROR [");
        assertThat(text).contains("ERROR [", "Uncaught exception in thread", "IllegalStateException: boom", "at ");
        assertThat(shown).singleElement().satisfies(rep -> {
            assertThat(rep.headline()).isEqualTo("Something went wrong");
            assertThat(rep.explanation()).contains("You can keep working").contains(log.toString());
            assertThat(rep.explanation()).doesNotContain("IllegalStateException");
            assertThat(rep.details()).contains("IllegalStateException: boom");
        });
    }

    @Test
    void one_report_at_a_time_the_rest_only_logged() throws Exception {
        Path log = dir.resolve("canopy.log");
        List<ErrorReport> shown = new ArrayList<>();
        CrashReporter r = new CrashReporter(new AppLog(log), shown::add);
        for (int i = 0; i < 5; i++) r.uncaughtException(Thread.currentThread(), new RuntimeException("e" + i));
        assertThat(shown).hasSize(1);
        assertThat(r.suppressedCount()).isEqualTo(4);
        assertThat(Files.readString(log)).contains("e0", "e4");
        r.dismissed();
        r.uncaughtException(Thread.currentThread(), new RuntimeException("later"));
        assertThat(shown).hasSize(2);
    }

    @Test
    void a_failing_presenter_or_log_never_throws() {
        CrashReporter r = new CrashReporter(new AppLog(Path.of("/proc/definitely/not/writable.log")),
                rep -> { throw new IllegalStateException("no toolkit"); });
        r.uncaughtException(Thread.currentThread(), new RuntimeException("x"));
        r.uncaughtException(Thread.currentThread(), new RuntimeException("y")); // presenter released again
    }

    @Test
    void io_problems_and_memory_get_their_own_words() {
        ErrorReport io = ErrorReport.of(new UncheckedIOException(new java.io.IOException("disk full")), dir, false);
        assertThat(io.headline()).isEqualTo("A file could not be read or written");
        assertThat(io.explanation()).contains("disk full");
        ErrorReport oom = ErrorReport.of(new OutOfMemoryError(), dir, true);
        assertThat(oom.headline()).contains("memory");
    }
}
