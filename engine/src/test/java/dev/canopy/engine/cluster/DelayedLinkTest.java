package dev.canopy.engine.cluster;

import dev.canopy.engine.process.Pid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A slow connection: signals arrive after the delay, keep FIFO order per pair, and are lost on a cut. */
class DelayedLinkTest {
    private final Cluster cluster = Cluster.deterministic(3, "a", "b");
    private final List<String> got = new ArrayList<>();
    private long start;

    @AfterEach void close() { cluster.close(); }

    private Pid sink() {
        var pid = cluster.spawn("b", ctx -> {
            while (true) {
                var m = ctx.receive();
                got.add(m + "@" + (ctx.monotonicMillis() - start));
            }
        });
        cluster.runUntilIdle();
        return pid;
    }

    @Test void a_delayed_message_arrives_after_the_delay_in_virtual_time() {
        start = cluster.nowMillis();
        var to = sink();
        cluster.delay("a", "b", 250);
        cluster.spawn("a", ctx -> ctx.send(to, "m"));
        cluster.advance(249);
        assertThat(got).isEmpty();
        cluster.advance(1);
        assertThat(got).containsExactly("m@250");
    }

    @Test void shortening_the_delay_does_not_let_a_later_message_overtake_an_earlier_one() {
        start = cluster.nowMillis();
        var to = sink();
        cluster.delay("a", "b", 500);
        cluster.spawn("a", ctx -> ctx.send(to, "first"));
        cluster.runUntilIdle();
        cluster.delay("a", "b", 0);
        cluster.spawn("a", ctx -> ctx.send(to, "second"));
        cluster.runUntilIdle();
        assertThat(got).as("second waits for first").isEmpty();
        cluster.advance(500);
        assertThat(got).containsExactly("first@500", "second@500");
    }

    @Test void a_link_exit_sent_after_a_message_arrives_after_it() {
        start = cluster.nowMillis();
        var order = new ArrayList<Object>();
        var receiver = cluster.spawn("b", ctx -> {
            ctx.trapExit(true);
            while (true) order.add(ctx.receive());
        });
        cluster.runUntilIdle();
        cluster.delay("a", "b", 100);
        cluster.spawn("a", ctx -> {
            ctx.link(receiver);
            ctx.send(receiver, "last words");
            throw ctx.exit(dev.canopy.engine.term.Term.atom("gone"));
        });
        cluster.advance(100);
        assertThat(order).hasSize(2);
        assertThat(order.getFirst()).isEqualTo("last words");
        assertThat(order.get(1)).isInstanceOf(dev.canopy.engine.process.ExitMessage.class);
    }

    @Test void what_is_in_flight_on_a_cut_connection_is_lost() {
        start = cluster.nowMillis();
        var to = sink();
        cluster.delay("a", "b", 300);
        cluster.spawn("a", ctx -> ctx.send(to, "in flight"));
        cluster.advance(100);
        cluster.disconnect("a", "b");
        cluster.heal();
        cluster.advance(1000);
        assertThat(got).isEmpty();
    }
}
