package dev.canopy.diagrams.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a UTF-8 text file, turning every way it can fail into a sentence for the person. */
public final class TextFiles {
    /** The file's text, or why it could not be read. */
    public sealed interface Read {
        record Text(String text) implements Read {}
        record Unreadable(String reason) implements Read {}
    }

    private TextFiles() {}

    public static Read read(Path file) {
        try {
            return new Read.Text(Files.readString(file));
        } catch (NoSuchFileException e) {
            return new Read.Unreadable("no such file");
        } catch (AccessDeniedException e) {
            return new Read.Unreadable("permission denied; cannot read the file");
        } catch (CharacterCodingException e) {
            return new Read.Unreadable("the file is not valid UTF-8 text");
        } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
            String detail = Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage());
            return new Read.Unreadable("cannot read the file: " + detail);
        }
    }
}
