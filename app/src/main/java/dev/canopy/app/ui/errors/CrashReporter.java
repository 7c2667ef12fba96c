package dev.canopy.app.ui.errors;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The uncaught-exception handler of the desktop app: logs every error to the app log, then hands
 * a friendly {@link ErrorReport} to the presenter (the dialog). At most one report is presented at
 * a time: errors that arrive while one is showing are only logged (and counted), so a failure in
 * a paint loop cannot bury the user in dialogs. A failure of the presenter itself falls back to
 * standard error. Has no JavaFX dependency; see {@link CrashDialog} for the dialog.
 */
public final class CrashReporter implements Thread.UncaughtExceptionHandler {

    private final AppLog log;
    private final Consumer<ErrorReport> presenter;
    private final AtomicBoolean presenting = new AtomicBoolean();
    private final AtomicInteger suppressed = new AtomicInteger();

    public CrashReporter(AppLog log, Consumer<ErrorReport> presenter) {
        this.log = Objects.requireNonNull(log);
        this.presenter = Objects.requireNonNull(presenter);
    }

    /** Installs this reporter for every thread, the JavaFX application thread included. */
    public CrashReporter install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        return this;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        try {
            report(thread, error);
        } catch (Throwable nested) {
            // Last resort: never let the handler itself throw.
            System.err.println("canopy: unexpected error: " + error + " (and while reporting it: " + nested + ")");
        }
    }

    /** Logs {@code error} and presents it unless a report is showing already. */
    public void report(Thread thread, Throwable error) {
        boolean logged = log.append("ERROR", "Uncaught exception in thread \"" + thread.getName() + "\"", error);
        ErrorReport report = ErrorReport.of(error, log.file(), logged);
        if (!presenting.compareAndSet(false, true)) {
            suppressed.incrementAndGet();
            return;
        }
        try {
            presenter.accept(report);
        } catch (Throwable presenterFailure) {
            presenting.set(false);
            System.err.println("canopy: " + report.headline() + ": " + error
                    + (logged ? " (details in " + log.file() + ")" : ""));
            log.append("ERROR", "Could not show the error dialog", presenterFailure);
        }
    }

    /** The presenter calls this when the user has dismissed the report. */
    public void dismissed() {
        presenting.set(false);
    }

    /** Errors only logged because a report was showing. */
    public int suppressedCount() {
        return suppressed.get();
    }

    public AppLog log() {
        return log;
    }
}
