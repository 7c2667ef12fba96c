package dev.canopy.engine.cluster;

import dev.canopy.engine.process.Pid;
import dev.canopy.engine.term.Term;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Same seed, same operations: same run. Random programs of cluster operations (processes that
 * link, monitor and message across nodes; partitions, cuts, delays, heals, global names, kills)
 * give the same event stream twice.
 */
class ClusterDeterminismPropertiesTest {
    private static final List<String> NODES = List.of("a", "b", "c");

    @Property(tries = 40)
    void the_same_seed_and_operations_give_the_same_events(@ForAll long seed,
                                                           @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 999) Integer> ops) {
        var first = run(seed, ops);
        assertThat(first).isNotEmpty().isEqualTo(run(seed, ops));
    }

    private static List<String> run(long seed, List<Integer> ops) {
        var out = new ArrayList<String>();
        try (var cluster = Cluster.deterministic(seed, NODES)) {
            cluster.events().addListener(r -> out.add(r.monotonicMillis() + " " + r.event()));
            var pids = new ArrayList<Pid>();
            for (var n : NODES) pids.add(cluster.spawn(n, ctx -> { while (true) ctx.receive(); }));
            for (int op : ops) {
                String node = NODES.get(op % 3);
                switch (op / 3 % 8) {
                    case 0 -> {
                        var peers = List.copyOf(pids);
                        pids.add(cluster.spawn(node, ctx -> {
                            ctx.trapExit(op % 2 == 0);
                            for (var p : peers) {
                                if (p.id() % 2 == 0) ctx.link(p); else ctx.monitor(p);
                                ctx.send(p, "hello");
                            }
                            while (true) ctx.receive();
                        }));
                    }
                    case 1 -> cluster.partition(List.of(List.of(node), NODES.stream().filter(n -> !n.equals(node)).toList()));
                    case 2 -> cluster.heal();
                    case 3 -> cluster.disconnect(node, NODES.get((op + 1) % 3));
                    case 4 -> cluster.delay(node, NODES.get((op + 2) % 3), op % 50);
                    case 5 -> { if (!pids.isEmpty()) cluster.registerGlobal("g" + op % 2, pids.get(op % pids.size())); }
                    case 6 -> { if (!pids.isEmpty()) cluster.exit(pids.get(op % pids.size()), Term.atom("boom")); }
                    default -> cluster.advance(op % 100);
                }
                cluster.runUntilIdle();
            }
            cluster.advance(1000);
        }
        return out;
    }
}
