package dev.canopy.engine.supervisor;

import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.term.Term;

/** A typed reply from a supervisor call, or the exit the call raised (noproc when it is gone). */
public sealed interface Reply<T> {
    record Ok<T>(T value) implements Reply<T> {}
    record Exited<T>(Term reason) implements Reply<T> {}

    /** A supervisor call (no timeout, as OTP's API makes it) with its reply cast to the expected type. */
    static <T> Reply<T> call(ProcessContext ctx, Pid sup,
                             Object request, Class<T> type) {
        return switch (GenServers.call(ctx, sup, request, ProcessContext.INFINITY)) {
            case CallResult.Replied r -> new Ok<>(type.cast(r.value()));
            case CallResult.Exited e -> new Exited<>(e.reason());
        };
    }
}
