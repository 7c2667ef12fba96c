package dev.canopy.engine.process;

import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.genserver.Next;
import dev.canopy.engine.genserver.StartResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** OTP's receive marker: a receive after a mark looks only at messages that came after it. */
class ReceiveMarkerTest {
    /** Counts the messages a matcher is shown; accepts strings starting with the prefix. */
    private static Matcher<String> counting(String prefix, AtomicInteger shown) {
        return m -> {
            shown.incrementAndGet();
            return m instanceof String s && s.startsWith(prefix) ? s : null;
        };
    }

    @Test
    void messagesBeforeTheMarkAreNotLookedAt() {
        var sim = new Sim();
        var shown = new AtomicInteger();
        List<Object> got = sim.run(ctx -> {
            for (int i = 0; i < 100; i++) ctx.send(ctx.self(), "old" + i);
            ctx.receive(m -> null, 0); // let them into the mailbox
            var mark = ctx.markMailbox();
            ctx.send(ctx.self(), "new1");
            ctx.send(ctx.self(), "new2");
            var out = new ArrayList<Object>();
            out.add(ctx.receiveAfter(mark, counting("", shown), ProcessContext.INFINITY).orElseThrow());
            out.add(ctx.receive());
            return out;
        });
        // The matcher would accept "old0", but only the two newer messages are looked at, and the
        // oldest of them that matches is taken; the old messages stay, in order.
        assertThat(got).containsExactly("new1", "old0");
        assertThat(shown.get()).isEqualTo(2);
    }

    @Test
    void aMessageArrivingDuringTheWaitIsTakenAndTheOldestMatchWins() {
        var sim = new Sim();
        var shown = new AtomicInteger();
        Object got = sim.run(ctx -> {
            for (int i = 0; i < 50; i++) ctx.send(ctx.self(), "x" + i);
            ctx.receive(m -> null, 0);
            var mark = ctx.markMailbox();
            var self = ctx.self();
            ctx.spawn(c -> {
                c.send(self, "noise");
                c.send(self, "reply-a");
                c.send(self, "reply-b");
            });
            return ctx.receiveAfter(mark, counting("reply", shown), ProcessContext.INFINITY).orElseThrow();
        });
        assertThat(got).isEqualTo("reply-a");
        assertThat(shown.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void aRemovalSinceTheMarkFallsBackToScanningEverything() {
        var sim = new Sim();
        Object got = sim.run(ctx -> {
            ctx.send(ctx.self(), "first");
            ctx.send(ctx.self(), "target-old");
            ctx.receive(m -> null, 0);
            var mark = ctx.markMailbox();
            ctx.receive(m -> "first".equals(m) ? m : null, 0); // a removal: old positions are unknown now
            return ctx.receiveAfter(mark, m -> m instanceof String s && s.startsWith("target") ? s : null, 0);
        });
        assertThat(got).isEqualTo(java.util.Optional.of("target-old"));
    }

    @Test
    void nothingNewTimesOut() {
        var sim = new Sim();
        Object got = sim.run(ctx -> {
            ctx.send(ctx.self(), "old");
            ctx.receive(m -> null, 0);
            var mark = ctx.markMailbox();
            return ctx.receiveAfter(mark, m -> m, 10);
        });
        assertThat(got).isEqualTo(java.util.Optional.empty());
    }

    /** A server answering every call with its request. */
    static final class Echo implements GenServer<Integer> {
        @Override public InitResult<Integer> init(ProcessContext ctx) { return new InitResult.Ok<>(0, Next.NONE); }

        @Override public HandlerResult<Integer> handleCall(ProcessContext ctx, Object request, From from, Integer state) {
            return new HandlerResult.Reply<>(request, state, Next.NONE);
        }
    }

    @Test
    void aCallWithALongMailboxReturnsTheReplyAndLeavesTheMailboxAsItWas() {
        var sim = new Sim();
        List<Object> got = sim.run(ctx -> {
            var server = ((StartResult.Started) GenServers.startLink(ctx, Echo::new)).pid();
            for (int i = 0; i < 1000; i++) ctx.send(ctx.self(), i);
            ctx.receive(m -> null, 0);
            var out = new ArrayList<Object>();
            for (int i = 0; i < 3; i++) out.add(((CallResult.Replied) GenServers.call(ctx, server, "q" + i)).value());
            for (int i = 0; i < 1000; i++) out.add(ctx.receive());
            return out;
        });
        assertThat(got.subList(0, 3)).containsExactly("q0", "q1", "q2");
        for (int i = 0; i < 1000; i++) assertThat(got.get(3 + i)).isEqualTo(i);
    }

    /** sendRequest: the mark comes before the request, the reference is a monitor and an alias, the request carries it. */
    @Test
    void aRequestIsSentWithAMonitorAndAnAliasAfterTheMark() {
        var sim = new Sim();
        List<Object> got = sim.run(ctx -> {
            var self = ctx.self();
            Pid server = ctx.spawn(c -> {
                var request = (Object[]) c.receive();
                var ref = (Ref) request[1];
                c.send((Pid) request[0], new CallReply(ref, "pong"));
                c.send((Pid) request[0], "after-the-reply");
            });
            ctx.send(self, "before-the-mark");
            ctx.receive(m -> null, 0);
            var sent = ctx.sendRequest(server, r -> new Object[] {self, r});
            var out = new ArrayList<Object>();
            // The reply reaches us through the alias; the message from before the mark is skipped.
            out.add(ctx.receiveAfter(sent.mark(), m -> m instanceof CallReply r && r.ref().equals(sent.ref()) ? r.value() : null,
                    ProcessContext.INFINITY).orElseThrow());
            // The same reference monitors the server: its end comes as a DOWN with that reference.
            out.add(ctx.receive(m -> m instanceof Down d && d.ref().equals(sent.ref()) ? d.reason() : null));
            out.add(ctx.receive());
            out.add(ctx.receive());
            return out;
        });
        assertThat(got).containsExactly("pong", dev.canopy.engine.term.Term.NORMAL, "before-the-mark", "after-the-reply");
    }
}
