package dev.canopy.diagrams.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.LabAction;
import dev.canopy.diagrams.design.LabStep;
import dev.canopy.diagrams.sim.NodeStatus;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimulationSession;
import org.junit.jupiter.api.Test;

/**
 * Lesson 3's alternatives on global_singleton's split, seed 1: the database as the source of
 * truth (the state in one store on node a; every caller calls {Cluster.Store, :a@host}) and
 * consistent hashing (one shard per node; a key's call goes to its owner's node). Both play the
 * same network script as global_singleton; only their calls differ (each names the node it goes
 * to). The last test runs all four samples and checks the side-by-side table of the card.
 */
class AlternativesLessonTest {
    static final List<String> NODES = List.of("a", "b", "c");

    static List<String> calls(SimulationSession s) {
        return s.log().stream().filter(e -> e.kind() == SimEvent.Kind.CALL).map(e -> e.atMs() + " " + e.text()).toList();
    }

    /** The steps that act on the network, in order: what "the same split" means. */
    static List<LabStep> network(Design d) {
        return d.labSteps().stream().filter(st -> !(st.action() instanceof LabAction.CallFrom)).toList();
    }

    private static String pidOf(String call) { return call.replaceAll(".*answered by (<[0-9.]+>).*", "$1"); }

    @Test
    void bothAlternativesPlayGlobalSingletonsNetworkScript() {
        var single = network(GlobalSingletonLessonTest.lesson());
        assertThat(single).hasSize(4);
        for (var name : List.of("db_source_of_truth", "consistent_hashing")) {
            assertThat(network(LessonSamplesTest.sample(name))).as(name).isEqualTo(single);
        }
    }

    @Test
    void databaseAsTheSourceOfTruth_theFarSideIsUnavailableDuringTheSplit_nothingIsDuplicatedOrKilled() {
        try (var s = LessonSamplesTest.played(LessonSamplesTest.sample("db_source_of_truth"), 7000)) {
            var c = calls(s);
            assertThat(c).hasSize(5);
            assertThat(c.get(0)).matches("1100 a client on c called a:root/store: answered by <0\\.\\d+\\.0> on a after 100 ms");
            String store = pidOf(c.get(0));
            // In flight over the slow link when the split came, then refused at once while a is out of reach.
            assertThat(c.get(1)).isEqualTo("2200 a client on c called a:root/store: failed after 200 ms, the caller would exit with {nodedown,a}");
            assertThat(c.get(2)).isEqualTo("3000 a client on c called a:root/store: failed after 0 ms, the caller would exit with {nodedown,a}");
            // The store's own side keeps working, and after the heal the same store answers: nothing was started twice.
            assertThat(c.get(3)).isEqualTo("3100 a client on a called a:root/store: answered by " + store + " on a after 100 ms");
            assertThat(c.get(4)).isEqualTo("6100 a client on c called a:root/store: answered by " + store + " on a after 100 ms");
            assertThat(s.log()).noneMatch(e -> e.kind() == SimEvent.Kind.GLOBAL);
            for (var n : NODES) {
                assertThat(s.states().get(n + ":root/store").status()).isEqualTo(NodeStatus.RUNNING);
                assertThat(s.states().get(n + ":root/store").restarts()).as(n).isZero();
            }
        }
    }

    @Test
    void consistentHashing_onlyKeysOwnedAcrossTheCutAreUnavailable_nothingIsDuplicatedOrKilled() {
        try (var s = LessonSamplesTest.played(LessonSamplesTest.sample("consistent_hashing"), 7000)) {
            var c = calls(s);
            assertThat(c).hasSize(8);
            assertThat(c.get(0)).matches("1100 a client on c called a:root/shard: answered by <0\\.\\d+\\.0> on a after 100 ms");
            String ownerOfA = pidOf(c.get(0));
            assertThat(c).contains(
                    "2200 a client on c called a:root/shard: failed after 200 ms, the caller would exit with {nodedown,a}",
                    "3000 a client on c called a:root/shard: failed after 0 ms, the caller would exit with {nodedown,a}",
                    "3100 a client on a called a:root/shard: answered by " + ownerOfA + " on a after 100 ms",
                    "6100 a client on c called a:root/shard: answered by " + ownerOfA + " on a after 100 ms");
            // The keys owned on c's side of the cut keep working: c's own, and b's once the call connects c to b again.
            assertThat(c).anyMatch(x -> x.matches("3100 a client on c called c:root/shard: answered by <2\\.\\d+\\.0> on c after 100 ms"));
            assertThat(c).anyMatch(x -> x.matches("3100 a client on c called b:root/shard: answered by <1\\.\\d+\\.0> on b after 100 ms"));
            assertThat(s.log()).filteredOn(e -> e.atMs() > 2200 && e.atMs() < 5000).extracting(SimEvent::text)
                    .contains("nodeup: c and b are connected");
            assertThat(c).filteredOn(x -> x.contains("failed")).allMatch(x -> x.contains("called a:root/shard") && x.contains("client on c"));
            assertThat(s.log()).noneMatch(e -> e.kind() == SimEvent.Kind.GLOBAL);
            for (var n : NODES) assertThat(s.states().get(n + ":root/shard").restarts()).as(n).isZero();
        }
    }

    /** One row of the side-by-side table: what the same split cost each design. */
    record Outcome(long failedCalls, long answeredCalls, long killedAtHeal, long globalClashes) {}

    static Outcome outcome(String sample) {
        try (var s = LessonSamplesTest.played(LessonSamplesTest.sample(sample), 7000)) {
            var c = calls(s);
            long restarts = s.states().values().stream().mapToLong(st -> st.restarts()).sum();
            long clashes = s.log().stream().filter(e -> e.kind() == SimEvent.Kind.GLOBAL && e.text().startsWith("global: kept")).count();
            return new Outcome(c.stream().filter(x -> x.contains(": failed")).count(), c.stream().filter(x -> x.contains(": answered")).count(),
                    restarts, clashes);
        }
    }

    @Test
    void sideBySide_theFourDesignsOnTheSameSplit() {
        var table = new LinkedHashMap<String, Outcome>();
        for (var name : List.of("global_singleton", "per_node_worker", "db_source_of_truth", "consistent_hashing")) {
            table.put(name, outcome(name));
        }
        // The table in global_singleton's card and ARCHITECTURE.md, measured.
        assertThat(table).isEqualTo(Map.of(
                "global_singleton", new Outcome(1, 4, 2, 2),
                "per_node_worker", new Outcome(0, 5, 0, 0),
                "db_source_of_truth", new Outcome(2, 3, 0, 0),
                "consistent_hashing", new Outcome(2, 6, 0, 0)));
    }
}
