package dev.canopy.diagrams.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.LabAction;
import dev.canopy.diagrams.sim.ClusterView;
import dev.canopy.diagrams.sim.NodeStatus;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.diagrams.sim.SimulationSession;
import org.junit.jupiter.api.Test;

/**
 * Lesson 3, the single global process, run with seed 1 and its own script: one holder on three
 * nodes; the split makes a caller on the far side exit {nodedown,a} and gives every side its own
 * copy (OTP 25's global also cuts b–c); the heal keeps a's copy by the default resolver and kills
 * the others, which come back as standbys.
 */
class GlobalSingletonLessonTest {
    static final String NAME = "Cluster.Scheduler";

    static Design lesson() { return LessonSamplesTest.sample("global_singleton"); }

    private static String seenOn(ClusterView v, String node) {
        return v.seenOn(node, NAME).map(ClusterView.GlobalName::holderPath).orElse("(none)");
    }

    private static List<String> calls(SimulationSession s) {
        return s.log().stream().filter(e -> e.kind() == SimEvent.Kind.CALL).map(e -> e.atMs() + " " + e.text()).toList();
    }

    @Test
    void beforeTheSplit_everyNodeRunsTheTreeAndOneCopyHoldsTheName() {
        try (var s = LessonSamplesTest.played(lesson(), 1500)) {
            assertThat(s.clusterNodes()).containsExactly("a", "b", "c");
            for (var n : List.of("a", "b", "c")) {
                assertThat(s.states().get(n + ":root/scheduler").status()).isEqualTo(NodeStatus.RUNNING);
                assertThat(s.states().get(n + ":root/local_worker").status()).isEqualTo(NodeStatus.RUNNING);
            }
            var v = s.cluster().orElseThrow();
            assertThat(List.of(seenOn(v, "a"), seenOn(v, "b"), seenOn(v, "c"))).containsOnly("a:root/scheduler");
            assertThat(v.links()).allMatch(ClusterView.Link::up);
            assertThat(s.log()).filteredOn(e -> e.kind() == SimEvent.Kind.GLOBAL).extracting(SimEvent::text)
                    .anyMatch(t -> t.startsWith("global:register_name(Cluster.Scheduler) => {:error, {:already_started, ")
                            && t.contains("scheduler@b stays up as a standby"));
            assertThat(calls(s)).singleElement().asString().matches("1100 a client on c called \\{:global, Cluster.Scheduler\\}: "
                    + "answered by <0\\.\\d+\\.0> on a after 100 ms");
        }
    }

    @Test
    void afterTheSplit_theCallerOnTheFarSideExitsNodedownAndEverySideRunsItsOwnCopy() {
        try (var s = LessonSamplesTest.played(lesson(), 4000)) {
            // The call from c left at 2000 over a 400 ms link; the split at 2200 cut it off.
            assertThat(calls(s)).contains("2200 a client on c called {:global, Cluster.Scheduler}: failed after 200 ms, "
                    + "the caller would exit with {nodedown,a}");
            var v = s.cluster().orElseThrow();
            // Each node alone (global also cut b–c) holds its own copy: three registered at once.
            assertThat(List.of(seenOn(v, "a"), seenOn(v, "b"), seenOn(v, "c")))
                    .containsExactly("a:root/scheduler", "b:root/scheduler", "c:root/scheduler");
            assertThat(v.links()).noneMatch(ClusterView.Link::up);
            assertThat(s.log()).extracting(SimEvent::text).anyMatch(t -> t.startsWith("nodedown: global cut b–c too"));
            var answered = calls(s).stream().filter(c -> c.startsWith("3100")).toList();
            assertThat(answered).hasSize(2);
            assertThat(answered.get(0)).contains("client on a").contains(" on a after 100 ms");
            assertThat(answered.get(1)).contains("client on c").contains(" on c after 100 ms");
        }
    }

    @Test
    void afterTheHeal_theDefaultResolverKeepsTheCopyOnAAndKillsTheOthersWhichComeBackAsStandbys() {
        try (var s = LessonSamplesTest.played(lesson(), 7000)) {
            var holderBefore = s.log().stream().filter(e -> e.text().startsWith("global:register_name(Cluster.Scheduler) => yes: scheduler@a"))
                    .findFirst().orElseThrow().text().replaceAll(".* (<[0-9.]+>) holds the name", "$1");
            var clashes = s.log().stream().filter(e -> e.kind() == SimEvent.Kind.GLOBAL && e.text().startsWith("global: kept")).toList();
            assertThat(clashes).extracting(SimEvent::atMs).containsOnly(5000L);
            assertThat(clashes).extracting(SimEvent::text).allMatch(t -> t.startsWith("global: kept " + holderBefore + " (scheduler@a), killed "));
            assertThat(clashes).extracting(SimEvent::path).containsExactlyInAnyOrder("b:root/scheduler", "c:root/scheduler");
            var v = s.cluster().orElseThrow();
            assertThat(List.of(seenOn(v, "a"), seenOn(v, "b"), seenOn(v, "c"))).containsOnly("a:root/scheduler");
            assertThat(v.seenOn("c", NAME).orElseThrow().pid()).isEqualTo(holderBefore);
            for (var n : List.of("b", "c")) {
                var st = s.states().get(n + ":root/scheduler");
                assertThat(st.status()).isEqualTo(NodeStatus.RUNNING);
                assertThat(st.restarts()).isEqualTo(1);
                assertThat(st.lastExitReason()).isEqualTo(":killed");
            }
            assertThat(calls(s).getLast()).isEqualTo("6100 a client on c called {:global, Cluster.Scheduler}: answered by "
                    + holderBefore + " on a after 100 ms");
        }
    }

    @Test
    void theSameSeedAndScriptGiveTheSameLog_andTheFirstNodeHoldsTheNameWhateverTheSeed() {
        var d = lesson();
        List<String> first, second;
        try (var s = LessonSamplesTest.played(d, 7000)) { first = s.log().stream().map(SimEvent::toString).toList(); }
        try (var s = LessonSamplesTest.played(d, 7000)) { second = s.log().stream().map(SimEvent::toString).toList(); }
        assertThat(second).isEqualTo(first);
        for (long seed = 2; seed <= 6; seed++) {
            var start = SimulationSession.start(d, seed);
            try (var s = ((SimulationSession.Start.Running) start).session()) {
                assertThat(seenOn(s.cluster().orElseThrow(), "c")).as("seed %d", seed).isEqualTo("a:root/scheduler");
            }
        }
    }

    @Test
    void isolatingTheHolderFromTheFaultMenu_andKillingACopyOnAnotherNode() {
        var start = SimulationSession.start(lesson(), 1);
        try (var s = ((SimulationSession.Start.Running) start).session()) {
            s.inject(new SimInput.Lab("root", new LabAction.Partition("root", List.of(List.of("a"), List.of("b", "c")))));
            s.advance(10);
            var v = s.cluster().orElseThrow();
            assertThat(seenOn(v, "a")).isEqualTo("a:root/scheduler");
            assertThat(seenOn(v, "b")).isNotEqualTo("(none)").isNotEqualTo("a:root/scheduler");
            // A kill aimed at b's copy reaches it whatever the network: the person is on every node.
            s.inject(new SimInput.Kill("b:root/scheduler"));
            s.advance(10);
            assertThat(s.states().get("b:root/scheduler").restarts()).isEqualTo(1);
            assertThat(s.states().get("c:root/scheduler").restarts()).isZero();
            assertThat(s.log()).extracting(SimEvent::text).contains("you: kill b:root/scheduler");
        }
    }

    @Test
    void theAlternativeOnTheSameSplit_oneProcessPerNodeNeverFailsACallerAndNothingIsKilled() {
        var single = lesson();
        var perNode = LessonSamplesTest.sample("per_node_worker");
        assertThat(perNode.labSteps()).isEqualTo(single.labSteps());
        try (var s = LessonSamplesTest.played(perNode, 7000)) {
            var answered = calls(s);
            assertThat(answered).hasSize(5).allMatch(c -> c.contains("answered"));
            // Every client reaches its own node's copy, split or not.
            assertThat(answered).allMatch(c -> c.matches("\\d+ a client on (\\w) called \\1:root/scheduler: answered by <\\d+\\.\\d+\\.0> on \\1 after 100 ms"));
            assertThat(s.log()).noneMatch(e -> e.kind() == SimEvent.Kind.GLOBAL);
            for (var n : List.of("a", "b", "c")) assertThat(s.states().get(n + ":root/scheduler").restarts()).isZero();
            assertThat(s.log()).extracting(SimEvent::text).anyMatch(t -> t.startsWith("partition:")).anyMatch(t -> t.startsWith("heal:"));
        }
    }

    @Test
    void aLessonOfOneNodeRunOnTwoNodes_playsItsLabStepsOnTheFirstNodesCopy() {
        var oneNode = LessonSamplesTest.sample("task_fanout");
        List<String> single, first;
        try (var s = LessonSamplesTest.played(oneNode, 3900)) {
            single = s.log().stream().filter(e -> e.kind() == SimEvent.Kind.CALL).map(e -> e.atMs() + " " + e.text()).toList();
        }
        try (var s = LessonSamplesTest.played(oneNode.withClusterNodes(2), 3900)) {
            first = s.localLog().stream().filter(e -> e.kind() == SimEvent.Kind.CALL).map(e -> e.atMs() + " " + e.text()).toList();
            assertThat(s.log()).filteredOn(e -> e.path().startsWith("b:")).noneMatch(e -> e.kind() == SimEvent.Kind.CALL);
        }
        // The same work at the same times (pids differ: node b's tree runs too; a's task supervisor is named a:root/tasks).
        assertThat(first).hasSameSizeAs(single).isNotEmpty();
        for (int i = 0; i < single.size(); i++) {
            assertThat(first.get(i).replaceAll("<\\d+\\.\\d+\\.0>", "<pid>").replace("a:root/", "root/")).isEqualTo(single.get(i).replaceAll("<\\d+\\.\\d+\\.0>", "<pid>"));
        }
    }

    @Test
    void theHoldersNodeGoesDown_aSurvivorTakesTheNameOver_andTheNodeComesBackAsAStandby() {
        var start = SimulationSession.start(lesson(), 1);
        try (var s = ((SimulationSession.Start.Running) start).session()) {
            s.inject(new SimInput.Lab("root", new LabAction.StopNode("root", "a")));
            s.advance(10);
            for (var p : List.of("a:root", "a:root/scheduler", "a:root/local_worker")) {
                assertThat(s.states().get(p).status()).as(p).isNotEqualTo(NodeStatus.RUNNING);
            }
            var v = s.cluster().orElseThrow();
            assertThat(v.isDown("a")).isTrue();
            assertThat(v.links()).filteredOn(l -> l.a().equals("a")).noneMatch(ClusterView.Link::up);
            // b and c stay connected: one of them holds the name, the other stands by behind it.
            assertThat(seenOn(v, "b")).isEqualTo(seenOn(v, "c")).isIn("b:root/scheduler", "c:root/scheduler");
            assertThat(seenOn(v, "a")).isEqualTo("(none)");

            s.inject(new SimInput.Lab("root", new LabAction.StartNode("root", "a")));
            s.advance(10);
            v = s.cluster().orElseThrow();
            assertThat(v.isDown("a")).isFalse();
            assertThat(v.links()).allMatch(ClusterView.Link::up);
            assertThat(s.states().get("a:root/scheduler").status()).isEqualTo(NodeStatus.RUNNING);
            assertThat(seenOn(v, "a")).isEqualTo(seenOn(v, "b")).isNotEqualTo("a:root/scheduler");
            assertThat(s.log()).extracting(SimEvent::text).anyMatch(t -> t.startsWith("global:register_name(Cluster.Scheduler) => {:error, "
                    + "{:already_started, ") && t.contains("scheduler@a stays up as a standby"));
        }
    }
}
