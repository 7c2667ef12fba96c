package dev.canopy.engine.cluster;

import dev.canopy.engine.event.Event;
import dev.canopy.engine.process.NodeDown;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OTP 25's prevent_overlapping_partitions: no node stays connected to two nodes that cannot see each other. */
class OverlapPreventionTest {

    @Test void cutting_one_pair_of_three_cuts_the_bridge_from_the_far_side() {
        try (var cluster = Cluster.deterministic(1, "a", "b", "c")) {
            var got = new ArrayList<Object>();
            var w = cluster.spawn("c", ctx -> { while (true) got.add(ctx.receive()); });
            cluster.runUntilIdle();
            cluster.monitorNode(w, "b");
            assertThat(cluster.overlaps()).isEmpty();

            var events = new ArrayList<Event>();
            cluster.events().addListener(r -> events.add(r.event()));
            cluster.disconnect("a", "b");
            cluster.runUntilIdle();

            assertThat(cluster.nodes("b")).isEmpty();
            assertThat(cluster.nodes("a")).containsExactly("c");
            assertThat(cluster.overlaps()).isEmpty();
            assertThat(got).containsExactly(new NodeDown("b"));
            assertThat(events).containsSubsequence(new Event.ConnectionLost("a", "b"), new Event.OverlapPrevented("c", "b"),
                    new Event.ConnectionLost("c", "b"));
        }
    }

    @Test void without_it_the_partitions_overlap() {
        try (var cluster = Cluster.deterministic(1, "a", "b", "c")) {
            cluster.preventOverlappingPartitions(false);
            cluster.disconnect("a", "b");
            assertThat(cluster.overlaps()).containsExactly(new Cluster.Overlap("c", "a", "b"));
        }
    }

    @Test void a_partition_cut_one_connection_at_a_time_also_splits_the_larger_group() {
        try (var cluster = Cluster.deterministic(1, "a", "b", "c")) {
            cluster.partition(List.of(List.of("a"), List.of("b", "c")));
            assertThat(cluster.nodes("a")).isEmpty();
            assertThat(cluster.nodes("b")).as("global cut b-c while a-c was still up").isEmpty();
            cluster.heal();
            assertThat(cluster.nodes("b")).containsExactly("a", "c");
        }
    }

    /**
     * OTP 25 (conformance/multinode/mn_autoconnect_after_global_cut, found by the multi-node
     * differential test): the b-c connection global cut is not refused (b and c allow each
     * other), so monitor_node from c to b connects them again; a, which net_kernel:allow shuts
     * out, stays out.
     */
    @Test void a_pair_global_cut_connects_again_on_demand_but_a_partitioned_pair_does_not() {
        try (var cluster = Cluster.deterministic(1, "a", "b", "c")) {
            var got = new ArrayList<Object>();
            var w = cluster.spawn("c", ctx -> { while (true) got.add(ctx.receive()); });
            cluster.runUntilIdle();
            cluster.partition(List.of(List.of("a"), List.of("b", "c")));
            cluster.runUntilIdle();
            assertThat(cluster.nodes("c")).isEmpty();

            cluster.monitorNode(w, "b");
            cluster.runUntilIdle();
            assertThat(got).as("the auto-connect to b succeeds: no nodedown").isEmpty();
            assertThat(cluster.nodes("c")).containsExactly("b");
            assertThat(cluster.overlaps()).isEmpty();

            cluster.monitorNode(w, "a");
            cluster.runUntilIdle();
            assertThat(got).containsExactly(new NodeDown("a"));
            assertThat(cluster.nodes("a")).isEmpty();

            cluster.heal();
            assertThat(cluster.nodes("c")).containsExactly("a", "b");
        }
    }

    /** Whatever pairs are cut, in whatever order, global leaves no overlap behind. */
    @Property(tries = 200)
    void no_overlap_survives_any_sequence_of_cuts(@ForAll @IntRange(min = 3, max = 6) int size,
                                                  @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 35) Integer> cuts) {
        var names = new ArrayList<String>();
        for (int i = 0; i < size; i++) names.add("n" + i);
        try (var cluster = Cluster.deterministic(1, names)) {
            for (int c : cuts) {
                int a = c / 6 % size, b = c % 6 % size;
                if (a != b) cluster.disconnect(names.get(a), names.get(b));
                assertThat(cluster.overlaps()).as("after cutting %s-%s", a, b).isEmpty();
            }
        }
    }
}
