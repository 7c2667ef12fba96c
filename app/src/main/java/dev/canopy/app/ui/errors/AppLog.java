package dev.canopy.app.ui.errors;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The app's log file ({@code ~/.local/state/canopy/canopy.log}): one entry per event, appended;
 * rolled over to {@code canopy.log.1} past {@link #MAX_BYTES}. Never throws: a log that cannot be
 * written must not turn one problem into two ({@link #append} reports success instead).
 */
public final class AppLog {

    static final long MAX_BYTES = 1L << 20;

    private final Path file;
    private final Clock clock;

    public AppLog(Path file) {
        this(file, Clock.systemDefaultZone());
    }

    /** As above; {@code clock} stamps the entries (tests pass a fixed one). */
    public AppLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Appends {@code LEVEL [thread] message} with a timestamp, and the stack trace if any. */
    public synchronized boolean append(String level, String message, Throwable error) {
        StringBuilder entry = new StringBuilder()
                .append(OffsetDateTime.now(clock).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(' ').append(level)
                .append(" [").append(Thread.currentThread().getName()).append("] ")
                .append(message).append(System.lineSeparator());
        if (error != null) entry.append(stackTrace(error));
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(file, entry, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static String stackTrace(Throwable error) {
        StringWriter s = new StringWriter();
        try (PrintWriter w = new PrintWriter(s)) {
            error.printStackTrace(w);
        }
        return s.toString();
    }
}
