package dev.canopy.app.ui.log;

import java.time.LocalTime;
import java.util.Objects;

/** One line of the event log. */
public record LogEntry(LocalTime time, Level level, String message) {

    public enum Level { INFO, WARNING, ERROR }

    public LogEntry {
        Objects.requireNonNull(time);
        Objects.requireNonNull(level);
        Objects.requireNonNull(message);
    }
}
