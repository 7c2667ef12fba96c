package dev.canopy.diagrams.sim;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.canopy.diagrams.design.LabAction;
import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.term.Term;

/**
 * Lesson 8, request-scoped metadata: the boundary process puts a trace id and a deadline into its
 * own process metadata (Logger.metadata); every call down the chain carries a copy, which the
 * callee puts into its metadata before it logs or works, and clears when it is done (a process
 * serves many requests). The deadline is a point in monotonic time, so every hop sees the same
 * one, and a hop that cannot finish its work before it refuses at once with
 * {@code {:error, :deadline_exceeded}} instead of doing work nobody waits for any more.
 */
final class RequestChain {
    static final String TRACE_ID = "trace_id";
    static final String DEADLINE = "deadline";
    static final Term DEADLINE_EXCEEDED = Term.tuple(Term.atom("error"), Term.atom("deadline_exceeded"));

    /** The call a hop receives: the caller's metadata, the hops after it, the work each takes. */
    record Hop(Map<String, String> metadata, List<String> rest, long hopMs) {}

    private RequestChain() {}

    /** At the boundary (the worker the request entered). */
    static void begin(ProcessContext ctx, ProcessBook book, String path, LabAction.Request r) {
        long t0 = ctx.monotonicMillis();
        ctx.metadata().put(TRACE_ID, r.traceId());
        ctx.metadata().put(DEADLINE, Long.toString(t0 + r.budgetMs()));
        LabWork.note(book, path, ctx, prefix(ctx) + "request entered " + name(path) + ": trace id and a deadline "
                + r.budgetMs() + " ms from now set in its process metadata");
        Object result = forward(ctx, book, r.hops(), r.hopMs());
        long took = ctx.monotonicMillis() - t0;
        LabWork.note(book, path, ctx, prefix(ctx) + (DEADLINE_EXCEEDED.equals(result)
                ? "request failed after " + took + " ms with {:error, :deadline_exceeded}: a hop deep in the chain ran out of time"
                : "request answered " + SimulationSession.describeMessage(result) + " after " + took + " ms"));
        clear(ctx);
    }

    /** In a hop's handle_call: take the caller's metadata, check the deadline, work, call on. */
    static Object hop(ProcessContext ctx, ProcessBook book, String path, Hop h) {
        ctx.metadata().putAll(h.metadata());
        long left = deadline(ctx) - ctx.monotonicMillis();
        Object result;
        if (left < h.hopMs()) {
            LabWork.note(book, path, ctx, prefix(ctx) + name(path) + " has " + Math.max(0, left) + " ms left but its work takes "
                    + h.hopMs() + " ms: it refuses at once with {:error, :deadline_exceeded}");
            result = DEADLINE_EXCEEDED;
        } else {
            LabWork.note(book, path, ctx, prefix(ctx) + name(path) + " works on the request (" + left + " ms left)");
            ctx.sleep(h.hopMs());
            result = forward(ctx, book, h.rest(), h.hopMs());
        }
        clear(ctx);
        return result;
    }

    private static Object forward(ProcessContext ctx, ProcessBook book, List<String> hops, long hopMs) {
        if (hops.isEmpty()) return Term.atom("ok");
        var next = book.latest(hops.getFirst());
        if (next == null) return Term.tuple(Term.atom("error"), Term.atom("noproc"));
        var call = GenServers.call(ctx, next, new Hop(Map.copyOf(ctx.metadata()), List.copyOf(hops.subList(1, hops.size())), hopMs));
        return switch (call) {
            case CallResult.Replied ok -> ok.value();
            case CallResult.Exited x -> Term.tuple(Term.atom("error"), Term.head(x.reason()));
        };
    }

    private static long deadline(ProcessContext ctx) {
        var d = ctx.metadata().get(DEADLINE);
        return d == null ? Long.MAX_VALUE : Long.parseLong(d);
    }

    /** The metadata as Logger would print it before a line: what this process has now, with the deadline as time left. */
    static String prefix(ProcessContext ctx) {
        var shown = new TreeMap<String, String>(ctx.metadata());
        if (shown.isEmpty()) return "";
        var d = shown.remove(DEADLINE);
        var sb = new StringBuilder("[");
        shown.forEach((k, v) -> sb.append(sb.length() > 1 ? " " : "").append(k).append('=').append(v));
        if (d != null) sb.append(sb.length() > 1 ? " " : "").append("deadline_in=").append(Long.parseLong(d) - ctx.monotonicMillis()).append("ms");
        return sb.append("] ").toString();
    }

    private static void clear(ProcessContext ctx) {
        ctx.metadata().remove(TRACE_ID);
        ctx.metadata().remove(DEADLINE);
    }

    private static String name(String path) { return path.substring(path.lastIndexOf('/') + 1); }
}
