package dev.canopy.app.ui;

import java.util.concurrent.Executor;

/**
 * Where view models run work: {@code background} for file reads and the like, {@code ui} to
 * publish results (Platform::runLater in the app; both run inline in view-model tests).
 */
public record Dispatch(Executor background, Executor ui) {

    /** Everything inline, on the caller's thread: for tests. */
    public static Dispatch inline() {
        return new Dispatch(Runnable::run, Runnable::run);
    }

    /** Runs {@code work} in the background and hands its result to {@code then} on the UI thread. */
    public <T> void async(java.util.function.Supplier<T> work, java.util.function.Consumer<T> then) {
        background.execute(() -> {
            T result = work.get();
            ui.execute(() -> then.accept(result));
        });
    }
}
