package dev.canopy.engine.runtime;

import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.Matcher;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessBody;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live scheduler's carriers: every process runs, ordering guarantees hold with several
 * carriers, waits end by message, by timeout and by kill. Timeouts here only guard against a
 * hang; no assertion depends on the machine's speed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveSchedulerTest {
    record Next(Pid next) {}

    record Seq(int sender, int n) {}

    @Test
    void a_token_goes_round_a_ring_on_several_carriers() throws Exception {
        try (Node node = Node.live(2)) {
            var done = new CompletableFuture<Integer>();
            int n = 200;
            int hops = 20_000;
            ProcessBody member = c -> {
                Pid next = c.receive(Matcher.type(Next.class)).next();
                while (true) {
                    int k = c.receive(Matcher.type(Integer.class));
                    if (k == 0) done.complete(k);
                    else c.send(next, k - 1);
                }
            };
            List<Pid> ring = new ArrayList<>();
            for (int i = 0; i < n; i++) ring.add(node.spawn(member));
            for (int i = 0; i < n; i++) node.send(ring.get(i), new Next(ring.get((i + 1) % n)));
            node.send(ring.get(0), hops);
            assertThat(done.get(30, TimeUnit.SECONDS)).isZero();
        }
    }

    @Test
    void messages_from_each_sender_arrive_in_the_order_sent_while_senders_run_in_parallel() throws Exception {
        try (Node node = Node.live(2)) {
            int senders = 4;
            int each = 5_000;
            var result = new CompletableFuture<String>();
            Pid receiver = node.spawn(c -> {
                int[] last = new int[senders];
                java.util.Arrays.fill(last, -1);
                for (int i = 0; i < senders * each; i++) {
                    var s = c.receive(Matcher.type(Seq.class));
                    if (s.n() != last[s.sender()] + 1) {
                        result.complete("sender " + s.sender() + ": " + s.n() + " after " + last[s.sender()]);
                        return;
                    }
                    last[s.sender()] = s.n();
                }
                result.complete("in order");
            });
            for (int s = 0; s < senders; s++) {
                int id = s;
                node.spawn(c -> {
                    for (int i = 0; i < each; i++) c.send(receiver, new Seq(id, i));
                });
            }
            assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("in order");
        }
    }

    @Test
    void a_receive_with_a_timeout_ends_empty_when_nothing_comes_and_the_process_goes_on() throws Exception {
        try (Node node = Node.live(2)) {
            var first = new CompletableFuture<Boolean>();
            var second = new CompletableFuture<Object>();
            Pid p = node.spawn(c -> {
                first.complete(c.receive(Matcher.any(), 20).isPresent());
                second.complete(c.receive());
            });
            assertThat(first.get(30, TimeUnit.SECONDS)).isFalse();
            node.send(p, "later");
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("later");
        }
    }

    @Test
    void send_after_delivers_on_real_time_and_a_cancelled_timer_never_fires() throws Exception {
        try (Node node = Node.live(2)) {
            var got = new CompletableFuture<List<Object>>();
            node.spawn(c -> {
                var cancelled = c.sendAfter(10, c.self(), "cancelled");
                c.sendAfter(30, c.self(), "fired");
                boolean wasPending = c.cancelTimer(cancelled);
                Object m = c.receive();
                Optional<Object> more = c.receive(Matcher.any(), 50);
                got.complete(List.of(wasPending, m, more.isPresent()));
            });
            assertThat(got.get(30, TimeUnit.SECONDS)).containsExactly(true, "fired", false);
        }
    }

    @Test
    void a_kill_ends_a_process_blocked_in_receive_and_its_monitor_sees_killed() throws Exception {
        try (Node node = Node.live(2)) {
            var down = new CompletableFuture<Term>();
            Pid victim = node.spawn(c -> c.receive(m -> null));
            node.spawn(c -> {
                c.monitor(victim);
                c.exit(victim, Term.KILL);
                down.complete(c.receive(Matcher.type(Down.class)).reason());
            });
            assertThat(down.get(30, TimeUnit.SECONDS)).isEqualTo(Term.KILLED);
            assertThat(node.isAlive(victim)).isFalse();
        }
    }

    @Test
    void two_processes_talking_to_each_other_on_one_carrier_do_not_starve_a_third() throws Exception {
        try (Node node = Node.live(1)) {
            Pid a = node.spawn(c -> {
                Pid b = c.receive(Matcher.type(Pid.class));
                while (true) {
                    c.send(b, "ping");
                    c.receive(m -> "pong".equals(m) ? m : null);
                }
            });
            Pid b = node.spawn(c -> {
                while (true) {
                    c.receive(m -> "ping".equals(m) ? m : null);
                    c.send(a, "pong");
                }
            });
            node.send(a, b);
            var third = new CompletableFuture<String>();
            node.spawn(c -> {
                c.sleep(10);
                third.complete("ran");
            });
            assertThat(third.get(30, TimeUnit.SECONDS)).isEqualTo("ran");
        }
    }

    @Test
    void a_process_may_wait_while_it_holds_a_java_monitor() throws Exception {
        try (Node node = Node.live(2)) {
            Object monitor = new Object();
            var got = new CompletableFuture<Object>();
            Pid p = node.spawn(c -> {
                synchronized (monitor) {
                    got.complete(c.receive());
                }
            });
            node.send(p, "hello");
            assertThat(got.get(30, TimeUnit.SECONDS)).isEqualTo("hello");
        }
    }

    /**
     * Regression: with processes moving between carriers, compiled code kept the old carrier as
     * Thread.currentThread() across a wait, so the node lock recorded a wrong owner and the node
     * hung once the ring was killed. Processes now stay on their carrier.
     */
    @Test
    void a_ring_spread_over_carriers_runs_hot_then_is_killed_and_every_process_ends() throws Exception {
        try (Node node = Node.live(2)) {
            int n = 500;
            var done = new CompletableFuture<Integer>();
            ProcessBody member = c -> {
                Pid next = c.receive(Matcher.type(Next.class)).next();
                while (true) {
                    int k = c.receive(Matcher.type(Integer.class));
                    if (k == 0) done.complete(k);
                    else c.send(next, k - 1);
                }
            };
            List<Pid> ring = new ArrayList<>();
            for (int i = 0; i < n; i++) ring.add(node.spawn(member));
            for (int i = 0; i < n; i++) node.send(ring.get(i), new Next(ring.get((i + 1) % n)));
            node.send(ring.get(0), 300_000);
            assertThat(done.get(60, TimeUnit.SECONDS)).isZero();
            var killed = new CompletableFuture<Integer>();
            node.spawn(c -> {
                List<dev.canopy.engine.process.Ref> refs = new ArrayList<>();
                for (Pid p : ring) refs.add(c.monitor(p));
                for (Pid p : ring) c.exit(p, Term.KILL);
                for (int i = 0; i < n; i++) c.receive(Matcher.type(Down.class));
                killed.complete(refs.size());
            });
            assertThat(killed.get(60, TimeUnit.SECONDS)).isEqualTo(n);
            for (Pid p : ring) assertThat(node.isAlive(p)).isFalse();
        }
    }

    @Test
    void a_node_needs_at_least_one_carrier() {
        assertThatThrownBy(() -> Node.live(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one carrier");
    }
}
