package dev.canopy.engine.registry;

import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.term.Term;

/** A tiny gen_server for the tests: "get", "inc" and "stop". */
final class Counter implements GenServer<Integer> {
    @Override public InitResult<Integer> init(ProcessContext ctx) { return InitResult.ok(0); }

    @Override public HandlerResult<Integer> handleCall(ProcessContext ctx, Object request, From from, Integer n) {
        return switch ((String) request) {
            case "get" -> HandlerResult.reply(n, n);
            case "inc" -> HandlerResult.reply(n + 1, n + 1);
            case "stop" -> new HandlerResult.StopReply<>(Term.NORMAL, "ok", n);
            default -> throw new IllegalArgumentException(String.valueOf(request));
        };
    }
}
