package dev.canopy.engine.cluster.scenario;

import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.term.Term;

/** A scenario's process (conf_mn_node.erl): answers {@code ping} with {@code ok}; {@code {link, Other}} links to Other. Does not trap exits. */
final class PingServer implements GenServer<String> {
    static final String PING = "ping";
    static final Term OK = Term.atom("ok");

    /** The request {link, Other}. */
    record LinkTo(Pid other) {}

    private final String label;

    PingServer(String label) { this.label = label; }

    @Override public InitResult<String> init(ProcessContext ctx) { return InitResult.ok(label); }

    @Override public HandlerResult<String> handleCall(ProcessContext ctx, Object request, From from, String state) {
        return switch (request) {
            case String s when s.equals(PING) -> HandlerResult.reply(OK, state);
            case LinkTo l -> {
                ctx.link(l.other());
                yield HandlerResult.reply(OK, state);
            }
            default -> throw new IllegalStateException("unexpected call " + request + " to " + state);
        };
    }
}
