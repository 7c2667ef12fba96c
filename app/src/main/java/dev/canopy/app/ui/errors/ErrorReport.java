package dev.canopy.app.ui.errors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What the user is told about an unexpected error: a friendly headline and explanation, plus the
 * technical details (the stack trace) for a collapsed "Details" area, and where the log is.
 */
public record ErrorReport(String headline, String explanation, String details, Path logFile, boolean logged) {

    /** Builds the report for {@code error}; plain words first, never only a stack trace. */
    public static ErrorReport of(Throwable error, Path logFile, boolean logged) {
        Throwable root = rootCause(error);
        String headline;
        String explanation;
        if (root instanceof OutOfMemoryError) {
            headline = "Canopy ran out of memory";
            explanation = "The last action needed more memory than Canopy has. Save your work and restart Canopy; "
                    + "very large designs may need more memory (JAVA_TOOL_OPTIONS=-Xmx…).";
        } else if (root instanceof IOException || root instanceof UncheckedIOException) {
            headline = "A file could not be read or written";
            explanation = "Canopy could not access a file it needed" + reason(root)
                    + ". Check that the file exists and that you may read and write it.";
        } else {
            headline = "Something went wrong";
            explanation = "Canopy hit an unexpected problem and could not finish the last action. "
                    + "You can keep working, but save your designs soon. This is a bug in Canopy: "
                    + "please report it together with the log.";
        }
        String where = logged ? "\n\nThe details were written to " + logFile + "." : "";
        return new ErrorReport(headline, explanation + where, AppLog.stackTrace(error), logFile, logged);
    }

    private static String reason(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? "" : " (" + m + ")";
    }

    static Throwable rootCause(Throwable t) {
        Throwable r = t;
        for (int i = 0; i < 20 && r.getCause() != null && r.getCause() != r; i++) r = r.getCause();
        return r;
    }
}
