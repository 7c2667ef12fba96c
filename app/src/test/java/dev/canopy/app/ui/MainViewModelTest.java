package dev.canopy.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.log.LogEntry;
import dev.canopy.app.ui.main.MainViewModel;
import dev.canopy.app.ui.palette.PaletteItem;
import dev.canopy.app.ui.start.RecentFilesStore;
import dev.canopy.app.ui.theme.ThemeMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main view model without any JavaFX toolkit: inline dispatch, temporary folders. */
class MainViewModelTest {

    @TempDir
    Path dir;
    MainViewModel vm;
    Path recent;

    @BeforeEach
    void setUp() throws Exception {
        recent = dir.resolve("config/recent.json");
        vm = new MainViewModel(Dispatch.inline(), TestDesigns.writeSamples(dir.resolve("samples")), recent,
                ThemeMode.LIGHT, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
    }

    @Test
    void starts_on_the_start_page_and_loads_samples_on_request() {
        assertThat(vm.activeProperty().get()).isNull();
        assertThat(vm.startPage().loadingProperty().get()).isTrue();
        vm.loadStartPage();
        assertThat(vm.startPage().loadingProperty().get()).isFalse();
        assertThat(vm.startPage().samples()).hasSize(2);
        assertThat(vm.log().entries()).extracting(LogEntry::level).contains(LogEntry.Level.WARNING); // broken file
    }

    @Test
    void blank_designs_are_numbered_and_become_active() {
        DocumentViewModel a = vm.newBlankDesign();
        DocumentViewModel b = vm.newBlankDesign();
        assertThat(a.nameProperty().get()).isEqualTo("untitled_1");
        assertThat(b.nameProperty().get()).isEqualTo("untitled_2");
        assertThat(vm.activeProperty().get()).isSameAs(b);
        assertThat(vm.inspector().subjectProperty().get()).isSameAs(b);
        vm.close(b);
        assertThat(vm.activeProperty().get()).isSameAs(a);
        vm.close(a);
        assertThat(vm.activeProperty().get()).isNull();
    }

    @Test
    void a_sample_opens_as_an_untitled_copy_each_time_and_is_not_a_recent_file() {
        vm.loadStartPage();
        var sample = vm.startPage().samples().get(1);
        DocumentViewModel doc = vm.openSample(sample);
        assertThat(doc.processCountBinding().get()).isEqualTo(6);
        assertThat(doc.file()).isEmpty(); // Save asks for a new file: the sample stays as it is
        assertThat(vm.openSample(sample)).isNotSameAs(doc);
        assertThat(vm.documents()).hasSize(2);
        assertThat(vm.startPage().recent()).isEmpty();
        assertThat(new RecentFilesStore(recent).load()).isEmpty();
    }

    @Test
    void open_file_reads_it_and_reports_missing_files() {
        vm.openFile(dir.resolve("samples/tasks.canopy.json"));
        assertThat(vm.activeProperty().get().nameProperty().get()).isEqualTo("Task fan-out");
        vm.openFile(dir.resolve("nope.canopy.json"));
        assertThat(vm.log().entries().getLast().level()).isEqualTo(LogEntry.Level.ERROR);
        assertThat(vm.documents()).hasSize(1);
    }

    @Test
    void theme_toggles() {
        vm.toggleTheme();
        assertThat(vm.themeProperty().get()).isEqualTo(ThemeMode.DARK);
        vm.toggleTheme();
        assertThat(vm.themeProperty().get()).isEqualTo(ThemeMode.LIGHT);
    }

    @Test
    void palette_drops_build_a_tree() {
        DocumentViewModel doc = vm.newBlankDesign();
        vm.dropOnCanvas(PaletteItem.SUPERVISOR);
        vm.dropOnCanvas(PaletteItem.WORKER);
        vm.dropOnCanvas(PaletteItem.REGISTRY);
        assertThat(doc.processCountBinding().get()).isEqualTo(4); // a blank design starts with its root supervisor
        assertThat(doc.design().root().kind().jsonName()).isEqualTo("supervisor");
        assertThat(doc.dirtyProperty().get()).isTrue();
        assertThat(doc.titleBinding().get()).startsWith("• ");
    }

    @Test
    void palette_filter() {
        vm.palette().filterProperty().set("super");
        assertThat(vm.palette().items()).containsExactly(
                PaletteItem.SUPERVISOR, PaletteItem.DYNAMIC_SUPERVISOR, PaletteItem.TASK_SUPERVISOR);
        vm.palette().filterProperty().set("");
        assertThat(vm.palette().items()).hasSize(5);
    }

    @Test
    void zoom_is_clamped() {
        DocumentViewModel doc = vm.newBlankDesign();
        for (int i = 0; i < 20; i++) doc.zoomIn();
        assertThat(doc.zoomProperty().get()).isEqualTo(DocumentViewModel.MAX_ZOOM);
        for (int i = 0; i < 80; i++) doc.zoomOut();
        assertThat(doc.zoomProperty().get()).isEqualTo(DocumentViewModel.MIN_ZOOM);
    }

    @Test
    void save_as_writes_the_file_records_it_and_makes_the_design_clean() throws Exception {
        DocumentViewModel doc = vm.newBlankDesign();
        vm.dropOnCanvas(PaletteItem.WORKER);
        assertThat(vm.dirtyDocuments()).containsExactly(doc);
        assertThat(vm.save(doc)).isFalse(); // no file yet: the view asks for one
        Path file = dir.resolve("out/mine.canopy.json");
        assertThat(vm.saveAs(doc, file)).isTrue();
        assertThat(doc.dirtyProperty().get()).isFalse();
        assertThat(vm.windowTitleProperty().get()).isEqualTo("untitled_1 — Canopy");
        assertThat(dev.canopy.diagrams.design.DesignFiles.load(file))
                .isInstanceOfSatisfying(dev.canopy.diagrams.design.LoadResult.Loaded.class,
                        l -> assertThat(l.design()).isEqualTo(doc.design()));
        assertThat(vm.startPage().recent()).anySatisfy(r -> assertThat(r.path()).isEqualTo(file.toAbsolutePath().normalize()));
        vm.report(doc.editor().undo());
        assertThat(doc.dirtyProperty().get()).isTrue();
        assertThat(vm.windowTitleProperty().get()).isEqualTo("• untitled_1 — Canopy");
    }

    @Test
    void dirty_designs_are_autosaved_and_offered_for_recovery() throws Exception {
        java.util.List<Runnable> ticks = new java.util.ArrayList<>();
        dev.canopy.app.ui.edit.AutosaveService autosave = new dev.canopy.app.ui.edit.AutosaveService(
                dir.resolve("autosave"), (period, task) -> {
                    ticks.add(task);
                    return () -> { };
                }, java.time.Duration.ofSeconds(30));
        vm.useAutosave(autosave);
        autosave.start();
        DocumentViewModel doc = vm.newBlankDesign();
        vm.dropOnCanvas(PaletteItem.WORKER);
        ticks.forEach(Runnable::run);
        assertThat(autosave.recoverable()).isEmpty(); // open now: not offered to this session

        // the next session (after a crash) finds it: recovered, it opens dirty with the autosave's design
        dev.canopy.app.ui.edit.AutosaveService next = new dev.canopy.app.ui.edit.AutosaveService(
                dir.resolve("autosave"), (period, task) -> () -> { }, java.time.Duration.ofSeconds(30));
        assertThat(next.recoverable()).singleElement()
                .satisfies(x -> assertThat(x.designName()).isEqualTo("untitled_1"));
        var r = next.recoverable().getFirst();
        var loaded = (dev.canopy.diagrams.design.LoadResult.Loaded) next.recover(r);
        DocumentViewModel recovered = vm.openRecovered(loaded.design(), null);
        assertThat(recovered.design()).isEqualTo(doc.design());
        assertThat(recovered.dirtyProperty().get()).isTrue();

        next.discard(r);
        assertThat(next.recoverable()).isEmpty();
    }
}
