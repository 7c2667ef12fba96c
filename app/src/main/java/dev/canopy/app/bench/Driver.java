package dev.canopy.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.canopy.engine.process.Matcher;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.runtime.Node;

/**
 * Runs a benchmark's driver as a process of a fresh live node (real virtual threads, real
 * clock) and hands its result to the calling Java thread through a CompletableFuture.
 */
final class Driver {
    private Driver() {
    }

    /** The work of a driver process; runs inside the node. */
    @FunctionalInterface
    interface Work<T> {
        T run(ProcessContext ctx) throws Exception;
    }

    /** A round of a benchmark, run inside the driver process. */
    @FunctionalInterface
    interface Round<T> {
        T run() throws Exception;
    }

    /** The message a finished worker sends its driver (beam_bench's {@code done}). */
    static final Object DONE = new Object() {
        @Override
        public String toString() {
            return "done";
        }
    };

    static final Matcher<Object> IS_DONE = m -> m == DONE ? m : null;

    /** Runs work in a driver process of a new live node; closes the node afterwards. */
    static <T> T runLive(Work<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        try (Node node = Node.live()) {
            node.spawn(ctx -> {
                try {
                    result.complete(work.run(ctx));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                    throw t;
                }
            });
            try {
                return result.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception ex) throw ex;
                throw e;
            }
        }
    }

    /** beam_bench rounds/3: runs warm + reps rounds and drops the first warm results. */
    static <T> List<T> rounds(int warm, int reps, Round<T> round) throws Exception {
        List<T> results = new ArrayList<>(reps);
        for (int i = 0; i < warm + reps; i++) {
            T r = round.run();
            if (i >= warm) results.add(r);
        }
        return results;
    }

    /** beam_bench wait_n/1: receives n {@link #DONE} messages. */
    static void waitDone(ProcessContext ctx, int n) {
        for (int i = 0; i < n; i++) ctx.receive(IS_DONE);
    }
}
