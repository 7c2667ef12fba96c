package dev.canopy.engine.cluster;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.genserver.CallResult;
import dev.canopy.engine.process.Pid;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** global: one registration cluster-wide, freed on death and on a lost connection, clash resolved on heal. */
class GlobalNamesTest {
    private final Cluster cluster = Cluster.deterministic(11, "a", "b", "c");

    @AfterEach void close() { cluster.close(); }

    private Pid idle(String node) {
        var p = cluster.spawn(node, ctx -> ctx.receive());
        cluster.runUntilIdle();
        return p;
    }

    @Test void one_registration_cluster_wide_and_no_for_the_second() {
        var p1 = idle("a");
        var p2 = idle("b");
        assertThat(cluster.registerGlobal("single", p1)).isTrue();
        assertThat(cluster.registerGlobal("single", p2)).isFalse();
        assertThat(cluster.registerGlobal("other", p1)).as("a pid has one global name").isFalse();
        for (var n : List.of("a", "b", "c")) assertThat(cluster.whereisGlobal(n, "single")).contains(p1);
    }

    @Test void the_name_is_freed_when_its_owner_dies() {
        var p1 = idle("a");
        cluster.registerGlobal("single", p1);
        cluster.kill(p1);
        cluster.runUntilIdle();
        assertThat(cluster.whereisGlobal("b", "single")).isEmpty();
        var p2 = idle("b");
        assertThat(cluster.registerGlobal("single", p2)).isTrue();
        assertThat(cluster.whereisGlobal("a", "single")).contains(p2);
    }

    @Test void a_call_by_global_name_crosses_nodes_and_an_unknown_name_exits_noproc() {
        var srv = cluster.runOn("a", ctx -> ((dev.canopy.engine.genserver.StartResult.Started)
                dev.canopy.engine.genserver.GenServers.start(ctx, ClusterSignalsTest.Ping::new, null, false)).pid());
        cluster.registerGlobal("single", srv);
        CallResult viaName = cluster.runOn("b", ctx -> cluster.global().call(ctx, "single", "ping", 1000));
        assertThat(viaName).isEqualTo(new CallResult.Replied(Term.atom("ok")));
        CallResult missing = cluster.runOn("b", ctx -> cluster.global().call(ctx, "nobody", "ping", 1000));
        assertThat(Term.head(((CallResult.Exited) missing).reason())).isEqualTo(Term.NOPROC);
    }

    @Test void a_split_frees_the_name_on_the_far_side_only_and_heal_kills_the_copy_on_the_later_node() {
        var p1 = idle("a");
        cluster.registerGlobal("single", p1);
        var clashes = new ArrayList<Event.GlobalNameClash>();
        cluster.events().addListener(r -> { if (r.event() instanceof Event.GlobalNameClash c) clashes.add(c); });

        cluster.partition(List.of(List.of("a"), List.of("b", "c")));
        assertThat(cluster.whereisGlobal("a", "single")).contains(p1);
        assertThat(cluster.whereisGlobal("b", "single")).isEmpty();
        var p3 = idle("c");
        assertThat(cluster.registerGlobal("single", p3)).as("two copies during the split").isTrue();

        cluster.heal();
        cluster.runUntilIdle();
        assertThat(cluster.isAlive(p3)).isFalse();
        assertThat(cluster.isAlive(p1)).isTrue();
        for (var n : List.of("a", "b", "c")) assertThat(cluster.whereisGlobal(n, "single")).contains(p1);
        assertThat(clashes).containsExactly(new Event.GlobalNameClash("single", p1, p3));
    }

    @Test void the_resolver_keeps_the_pid_on_the_node_whose_name_sorts_first_whichever_side_registered_it() {
        var names = List.of("b", "a");
        var onB = new Pid(0, 5);
        var onA = new Pid(1, 9);
        for (var r : GlobalResolver.values()) {
            assertThat(r.keep(onB, onA, names)).isEqualTo(onA);
            assertThat(r.keep(onA, onB, names)).isEqualTo(onA);
        }
    }
}
