package dev.canopy.engine.cluster;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.event.EventRecord;
import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.genserver.From;
import dev.canopy.engine.genserver.GenServer;
import dev.canopy.engine.genserver.GenServers;
import dev.canopy.engine.genserver.HandlerResult;
import dev.canopy.engine.genserver.InitResult;
import dev.canopy.engine.genserver.StartResult;
import dev.canopy.engine.process.Down;
import dev.canopy.engine.process.ExitMessage;
import dev.canopy.engine.process.NodeDown;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.process.ProcessContext;
import dev.canopy.engine.process.Ref;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.canopy.engine.runtime.Distribution.NOCONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

/** Messages, links, monitors, monitor_node and calls between nodes, and what a cut does to them. */
class ClusterSignalsTest {
    private final Cluster cluster = Cluster.deterministic(7, "a", "b");
    private final List<Object> inbox = new CopyOnWriteArrayList<>();

    @AfterEach void close() { cluster.close(); }

    /** A server answering ping with ok. */
    static final class Ping implements GenServer<String> {
        @Override public InitResult<String> init(ProcessContext ctx) { return InitResult.ok("s"); }

        @Override public HandlerResult<String> handleCall(ProcessContext ctx, Object request, From from, String state) {
            return HandlerResult.reply(Term.atom("ok"), state);
        }
    }

    private Pid server(String node) {
        var r = cluster.runOn(node, ctx -> GenServers.start(ctx, Ping::new, null, false));
        return ((StartResult.Started) r).pid();
    }

    /** A process that keeps every message it receives (trapping exits when asked). */
    private Pid collector(String node, boolean trap) {
        var pid = cluster.spawn(node, ctx -> {
            ctx.trapExit(trap);
            while (true) inbox.add(ctx.receive());
        });
        cluster.runUntilIdle();
        return pid;
    }

    private List<Term> exits() {
        var out = new ArrayList<Term>();
        cluster.events().addListener((EventRecord r) -> { if (r.event() instanceof Event.Exited e) out.add(e.reason()); });
        return out;
    }

    @Test void a_pid_says_its_node_and_a_single_node_pid_renders_as_before() {
        var p = cluster.spawn("b", ctx -> ctx.receive());
        assertThat(p.node()).isEqualTo(1);
        assertThat(p.toString()).startsWith("<1.").endsWith(".0>");
        assertThat(cluster.nodeOf(p)).isEqualTo("b");
        assertThat(new Pid(45).toString()).isEqualTo("<0.45.0>");
    }

    @Test void a_message_crosses_nodes_and_a_process_spawned_by_a_process_stays_on_its_node() {
        var sink = collector("b", false);
        var child = new ArrayList<Pid>();
        cluster.spawn("a", ctx -> {
            child.add(ctx.spawn(c -> c.receive()));
            ctx.send(sink, "hello");
        });
        cluster.runUntilIdle();
        assertThat(inbox).containsExactly("hello");
        assertThat(child.getFirst().node()).isZero();
    }

    @Test void a_cut_breaks_links_with_noconnection_fires_monitors_and_monitor_node() {
        var srv = server("b");
        var linked = cluster.spawn("a", ctx -> {
            ctx.link(srv);
            ctx.receive();
        });
        var refs = new ArrayList<Ref>();
        var monitorer = cluster.spawn("a", ctx -> {
            refs.add(ctx.monitor(srv));
            cluster.monitorNode(ctx.self(), "b");
            inbox.add(ctx.receive());
            inbox.add(ctx.receive());
        });
        cluster.runUntilIdle();
        var reasons = exits();

        cluster.partition(List.of(List.of("a"), List.of("b")));
        cluster.runUntilIdle();

        assertThat(cluster.isAlive(linked)).isFalse();
        assertThat(cluster.isAlive(srv)).as("the link's other end dies too").isFalse();
        assertThat(reasons.stream().filter(r -> !r.equals(Term.NORMAL))).containsExactly(NOCONNECTION, NOCONNECTION);
        assertThat(inbox).containsExactlyInAnyOrder(new Down(refs.getFirst(), srv, NOCONNECTION), new NodeDown("b"));
        assertThat(cluster.isAlive(monitorer)).isFalse();
    }

    @Test void a_call_across_a_cut_exits_nodedown_and_after_heal_the_server_answers() {
        var srv = server("b");
        cluster.partition(List.of(List.of("a"), List.of("b")));
        var during = cluster.runOn("a", ctx -> GenServers.call(ctx, srv, "ping", 500));
        assertThat(during).isInstanceOf(CallResult.Exited.class);
        assertThat(Term.head(((CallResult.Exited) during).reason()).render()).isEqualTo("{nodedown,b}");
        assertThat(cluster.isAlive(srv)).as("an unlinked server survives the split").isTrue();

        cluster.heal();
        var after = cluster.runOn("a", ctx -> GenServers.call(ctx, srv, "ping", 500));
        assertThat(after).isEqualTo(new CallResult.Replied(Term.atom("ok")));
    }

    @Test void linking_to_a_process_on_a_cut_node_gives_noconnection_and_a_monitor_fires_at_once() {
        var far = cluster.spawn("b", ctx -> ctx.receive());
        cluster.disconnect("a", "b");
        var trapper = cluster.spawn("a", ctx -> {
            ctx.trapExit(true);
            ctx.link(far);
            inbox.add(ctx.receive());
            var ref = ctx.monitor(far);
            inbox.add(ctx.receive());
            inbox.add(ref);
        });
        cluster.runUntilIdle();
        assertThat(inbox.get(0)).isEqualTo(new ExitMessage(far, NOCONNECTION));
        assertThat(inbox.get(1)).isEqualTo(new Down((Ref) inbox.get(2), far, NOCONNECTION));
        assertThat(cluster.isAlive(trapper)).isFalse();
        assertThat(cluster.isAlive(far)).isTrue();
    }

    @Test void a_message_to_a_cut_node_is_lost_and_messages_flow_again_after_heal() {
        var sink = collector("b", false);
        cluster.disconnect("a", "b");
        cluster.spawn("a", ctx -> ctx.send(sink, "lost"));
        cluster.runUntilIdle();
        cluster.heal();
        cluster.spawn("a", ctx -> ctx.send(sink, "after heal"));
        cluster.runUntilIdle();
        assertThat(inbox).containsExactly("after heal");
    }

    @Test void a_linked_process_on_another_node_dies_with_the_same_reason_while_connected() {
        var far = cluster.spawn("b", ctx -> ctx.receive());
        var near = cluster.spawn("a", ctx -> {
            ctx.link(far);
            ctx.receive();
        });
        cluster.runUntilIdle();
        var reasons = exits();
        cluster.exit(far, Term.atom("boom"));
        cluster.runUntilIdle();
        assertThat(cluster.isAlive(near)).isFalse();
        assertThat(reasons).containsExactly(Term.atom("boom"), Term.atom("boom"));
    }

    @Test void a_pid_of_a_node_the_cluster_does_not_have_is_unreachable() {
        var nowhere = new Pid(9, 1);
        var trapper = cluster.spawn("a", ctx -> {
            ctx.trapExit(true);
            ctx.send(nowhere, "dropped");
            ctx.link(nowhere);
            inbox.add(ctx.receive());
        });
        cluster.runUntilIdle();
        assertThat(inbox).containsExactly(new ExitMessage(nowhere, NOCONNECTION));
        assertThat(cluster.isAlive(trapper)).isFalse();
    }

    @Test void registered_names_are_per_node() {
        var onA = new ArrayList<Boolean>();
        var pa = cluster.spawn("a", ctx -> { onA.add(ctx.register("db")); ctx.receive(); });
        var pb = cluster.spawn("b", ctx -> { onA.add(ctx.register("db")); ctx.receive(); });
        cluster.runUntilIdle();
        assertThat(onA).containsExactly(true, true);
        assertThat(cluster.network().whereis(0, "db")).contains(pa);
        assertThat(cluster.network().whereis(1, "db")).contains(pb);
        assertThat(cluster.runtime().whereis("db")).as("the outside API names node 0's names").contains(pa);
        var seen = cluster.runOn("b", ctx -> ctx.whereis("db"));
        assertThat(seen).contains(pb);
    }

    @Test void the_network_events_are_on_the_bus() {
        var events = new ArrayList<Event>();
        cluster.events().addListener(r -> events.add(r.event()));
        var w = collector("a", false);
        cluster.monitorNode(w, "b");
        cluster.partition(List.of(List.of("a"), List.of("b")));
        cluster.heal();
        cluster.runUntilIdle();
        assertThat(events).contains(new Event.Partitioned(List.of(List.of("a"), List.of("b"))),
                new Event.ConnectionLost("a", "b"), new Event.NodeDown(w, "b"), new Event.Healed(), new Event.ConnectionUp("a", "b"));
    }
}
