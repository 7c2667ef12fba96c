package dev.canopy.app.ui.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.sequence.MermaidSequence;
import dev.canopy.diagrams.sequence.SequenceDiagram;
import dev.canopy.diagrams.sequence.SequenceSvg;
import dev.canopy.diagrams.sim.SimulationSession;
import dev.canopy.diagrams.sim.TimedInput;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The sequence diagram of a simulator run: the run is replayed from its design, seed and inputs
 * up to the time it had reached (a deterministic run replays exactly), in the background, and
 * its engine events become the diagram. Saves it as Mermaid or SVG (temp file, then an atomic
 * move). Toolkit-free.
 */
public final class SequenceViewModel {

    /** The file formats the diagram is saved in. */
    public enum Format {
        MERMAID("mmd"), SVG("svg");

        public final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    /** Saving is a value: the file written, or what went wrong with which file. */
    public sealed interface Saved {
        record Written(Path file) implements Saved {}

        record Failed(Path file, String message) implements Saved {}
    }

    private final String title;
    private final ReadOnlyObjectWrapper<SequenceDiagram> diagram = new ReadOnlyObjectWrapper<>(this, "diagram");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Replaying the run…");

    public SequenceViewModel(Design design, long seed, List<TimedInput> inputs, long untilMs, Dispatch dispatch) {
        this.title = design.name() + " · seed " + seed + " · 0–" + untilMs + " ms";
        List<TimedInput> copy = List.copyOf(inputs);
        dispatch.async(() -> replay(design, seed, copy, untilMs), d -> {
            diagram.set(d);
            status.set(d == null ? "The design does not validate, so the run cannot be replayed"
                    : d.lifelines().size() + " processes · " + d.items().size() + " messages and notes");
        });
    }

    static SequenceDiagram replay(Design design, long seed, List<TimedInput> inputs, long untilMs) {
        var start = SimulationSession.replay(design, seed, inputs, untilMs);
        if (!(start instanceof SimulationSession.Start.Running r)) return null;
        try (var s = r.session()) {
            return s.sequence();
        }
    }

    public String title() {
        return title;
    }

    public String mermaid() {
        return diagram.get() == null ? "" : MermaidSequence.render(diagram.get());
    }

    public String svg() {
        return diagram.get() == null ? "" : SequenceSvg.render(diagram.get());
    }

    /** Writes the diagram to {@code file} in {@code format}; the file appears whole or not at all. */
    public Saved save(Path file, Format format) {
        if (diagram.get() == null) return new Saved.Failed(file, "there is no diagram yet");
        String text = format == Format.MERMAID ? mermaid() : svg();
        Path dir = file.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return new Saved.Written(file);
        } catch (IOException e) {
            return new Saved.Failed(file, "could not write " + file + ": " + e.getMessage());
        }
    }

    public ReadOnlyObjectProperty<SequenceDiagram> diagramProperty() { return diagram.getReadOnlyProperty(); }

    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
