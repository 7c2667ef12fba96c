package dev.canopy.diagrams.export;

import java.util.List;

import dev.canopy.diagrams.design.Design;

/**
 * Turns a valid design into source files. Deterministic: the same design gives the same
 * files, byte for byte, in the same order (golden-file tests rely on it). The design is
 * expected to have passed the design validator; what the validator lets through but this
 * target cannot express is reported as an {@link ExportException}, never written.
 */
public interface Exporter {

    /** The {@code --format} word: elixir, erlang, java, mermaid, dot. */
    String format();

    List<ExportedFile> export(Design design) throws ExportException;
}
