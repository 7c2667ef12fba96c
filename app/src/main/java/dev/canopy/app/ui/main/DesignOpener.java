package dev.canopy.app.ui.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.app.ui.canvas.PreparedDesign;
import dev.canopy.app.ui.log.EventLogViewModel;
import dev.canopy.app.ui.start.DesignFilesReader;
import dev.canopy.app.ui.start.DesignSummary;
import dev.canopy.app.ui.text.Plural;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.LoadResult;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.StringProperty;

/**
 * Opens design files off the FX thread: reads, checks and lays out a file on the background
 * executor, telling the status line and {@link #progressProperty()} how far it has come; the FX
 * thread only adopts the prepared result, so a 100k-node file leaves the window responsive.
 */
final class DesignOpener {

    private final Dispatch dispatch;
    private final EventLogViewModel log;
    private final StringProperty status;
    /** Takes a file read and prepared in the background, on the FX thread. */
    private final BiConsumer<DesignSummary, PreparedDesign> adopt;
    private final IntegerProperty openings = new SimpleIntegerProperty(this, "openings");
    private final BooleanBinding opening = openings.greaterThan(0);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "openProgress");

    DesignOpener(Dispatch dispatch, EventLogViewModel log, StringProperty status,
            BiConsumer<DesignSummary, PreparedDesign> adopt) {
        this.dispatch = dispatch;
        this.log = log;
        this.status = status;
        this.adopt = adopt;
    }

    /** "Could not open name: first problem": why a design file did not load. */
    static String whyNotLoaded(Path file, LoadResult.Failed failed) {
        return "Could not open " + file.getFileName() + ": "
                + (failed.problems().isEmpty() ? "unreadable" : failed.problems().get(0).describe());
    }

    /** Opens the normalised {@code file} in the background; problems go to the log and the status line. */
    void open(Path file) {
        String shown = String.valueOf(file.getFileName());
        openings.set(openings.get() + 1);
        showProgress("Opening " + shown + ": reading …", 0.05);
        dispatch.async(() -> read(file, shown), opened -> {
            openings.set(openings.get() - 1);
            progress.set(openings.get() > 0 ? progress.get() : 0);
            if (opened.summary() != null) {
                adopt.accept(opened.summary(), opened.prepared());
            } else {
                log.error(opened.problem());
                status.set(opened.problem());
            }
        });
    }

    /** On the background executor: the file read, checked and laid out, or why it could not be. */
    private Opened read(Path file, String shown) {
        try {
            if (!Files.isRegularFile(file)) return new Opened(null, null, "File not found: " + file);
            DesignSummary summary = new DesignFilesReader().read(file);
            return switch (DesignFiles.load(file)) {
                case LoadResult.Failed failed -> new Opened(null, null, whyNotLoaded(file, failed));
                case LoadResult.Loaded loaded -> new Opened(summary, PreparedDesign.of(loaded.design(),
                        step -> dispatch.ui().execute(() -> showProgress(switch (step) {
                            case VALIDATING -> "Opening " + shown + ": checking " + Plural.of(loaded.design().root().subtreeSize(), "node") + " …";
                            case DRAWING -> "Opening " + shown + ": drawing …";
                            case LAYING_OUT -> "Opening " + shown + ": laying out …";
                        }, switch (step) {
                            case VALIDATING -> 0.4;
                            case DRAWING -> 0.6;
                            case LAYING_OUT -> 0.8;
                        }))), null);
            };
        } catch (IOException | RuntimeException e) {
            return new Opened(null, null, "Could not open " + shown + ": " + e.getMessage());
        }
    }

    private void showProgress(String what, double value) {
        status.set(what);
        progress.set(value);
    }

    /** How far the file being opened has come (0 to 1) while {@link #openingProperty()} is true. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while a file is being read, checked and laid out in the background. */
    BooleanBinding openingProperty() {
        return opening;
    }

    private record Opened(DesignSummary summary, PreparedDesign prepared, String problem) {
    }
}
