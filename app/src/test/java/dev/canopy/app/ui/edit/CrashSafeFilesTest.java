package dev.canopy.app.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.LoadResult;

/**
 * Saving and autosaving survive SIGKILL: a child JVM writes a design file and an autosave in a
 * loop and is killed (destroyForcibly: SIGKILL) at a seeded random moment, twelve times in a row
 * on the same files. After every kill the design file is a complete version (the last one
 * reported written, or the one being written: old or new, never torn), and a fresh autosave
 * service offers the untitled work for recovery with its newest state.
 */
class CrashSafeFilesTest {

    private static final int KILLS = 12;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void a_kill_at_any_moment_leaves_the_old_or_the_new_version_and_recovery_offers_the_newest() throws Exception {
        Path file = tmp.resolve("design.canopy.json");
        Path autosaveDir = tmp.resolve("autosave");
        SplittableRandom random = new SplittableRandom(20261207);
        List<String> kills = new ArrayList<>();
        for (int round = 0; round < KILLS; round++) {
            int afterWrites = 1 + random.nextInt(6);
            long extraMicros = random.nextLong(20_000);
            Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                    CrashSafeWriterMain.class.getName(), file.toString(), autosaveDir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            AtomicInteger saved = new AtomicInteger();
            AtomicInteger autosaved = new AtomicInteger();
            Thread reader = Thread.ofPlatform().daemon().start(() -> readProgress(child, saved, autosaved));
            // wait for this many writes of this child, then a random extra moment, then SIGKILL
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (autosaved.get() < afterWrites && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(1);
            assertThat(child.isAlive()).as("the writer is still writing in round %d", round).isTrue();
            TimeUnit.MICROSECONDS.sleep(extraMicros);
            int savedBefore = saved.get();
            int autosavedBefore = autosaved.get();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
            kills.add("round " + round + ": killed after saved " + savedBefore + ", autosaved " + autosavedBefore);

            // the design file: complete, and the last version reported or the one after it
            LoadResult onDisk = DesignFiles.load(file);
            assertThat(onDisk).as("design file after %s", kills.getLast()).isInstanceOf(LoadResult.Loaded.class);
            String name = ((LoadResult.Loaded) onDisk).design().name();
            assertThat(name).as(kills.getLast()).isIn("saved_" + savedBefore, "saved_" + (savedBefore + 1));

            // the next start offers the autosave of the untitled design, at its newest state
            AutosaveService next = new AutosaveService(autosaveDir, (p, t) -> () -> { }, Duration.ofSeconds(1));
            List<AutosaveService.Recoverable> offered = next.recoverable();
            assertThat(offered).as("recovery offered after %s", kills.getLast()).isNotEmpty();
            AutosaveService.Recoverable newest = offered.getFirst();
            assertThat(newest.original()).isEmpty();
            LoadResult recovered = next.recover(newest);
            assertThat(recovered).isInstanceOf(LoadResult.Loaded.class);
            assertThat(((LoadResult.Loaded) recovered).design().name()).as(kills.getLast())
                    .isIn("autosaved_" + autosavedBefore, "autosaved_" + (autosavedBefore + 1));
            assertThat(((LoadResult.Loaded) recovered).design().description()).hasSizeGreaterThan(CrashSafeWriterMain.PADDING);
            // as the person would: recovered, so the old autosave goes (each round is a new crash)
            for (AutosaveService.Recoverable r : offered) next.discard(r);
        }
        System.out.println(String.join("\n", kills));
    }

    private static void readProgress(Process child, AtomicInteger saved, AtomicInteger autosaved) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("saved ")) saved.set(Integer.parseInt(line.substring(6)));
                if (line.startsWith("autosaved ")) autosaved.set(Integer.parseInt(line.substring(10)));
            }
        } catch (Exception e) {
            // the child was killed mid-line: what was read so far counts
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
