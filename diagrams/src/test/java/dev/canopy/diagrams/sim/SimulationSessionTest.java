package dev.canopy.diagrams.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.LoadResult;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.term.Term;
import org.junit.jupiter.api.Test;

class SimulationSessionTest {
    static final List<String> SAMPLES = List.of("classic_application", "global_singleton", "init_guarantees", "restart_storm",
            "sessions_per_user", "strategies", "task_fanout");

    static Design sample(String name) {
        var result = DesignFiles.load(Path.of("../samples/" + name + ".canopy.json"));
        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) result).design();
    }

    /**
     * The classic application's WorkerSupervisor is a DynamicSupervisor that starts empty: runs
     * the boot (400 ms), starts its two jobs, mailer and reporter, from its template, and lets
     * them start (to 500 ms).
     */
    static void startJobs(SimulationSession s) {
        s.advance(400);
        s.inject(new SimInput.StartDynamicChild("app/workers", "mailer"));
        s.inject(new SimInput.StartDynamicChild("app/workers", "reporter"));
        s.advance(100);
        org.assertj.core.api.Assertions.assertThat(s.states().get("app/workers/mailer").status()).isEqualTo(NodeStatus.RUNNING);
    }

    static SimulationSession start(Design design, long seed) {
        var start = SimulationSession.start(design, seed);
        assertThat(start).isInstanceOf(SimulationSession.Start.Running.class);
        return ((SimulationSession.Start.Running) start).session();
    }

    static List<SimEvent> after(SimulationSession s, long seq) {
        return s.log().stream().filter(e -> e.seq() > seq).toList();
    }

    static long lastSeq(SimulationSession s) {
        return s.log().isEmpty() ? 0 : s.log().getLast().seq();
    }

    @Test
    void everySampleStarts() {
        for (var name : SAMPLES) {
            var d = sample(name);
            try (var s = start(d, 1)) {
                // Inits take virtual time (classic_application's repo: 200 ms): the tree boots as time advances.
                s.advance(1000);
                assertThat(s.rootStart()).as(name).hasValueSatisfying(r -> assertThat(r).isInstanceOf(
                        dev.canopy.engine.genserver.StartResult.Started.class));
                var states = s.localStates(); // a cluster design: the first node's copy, by plain path
                for (var path : DesignPaths.allPaths(d)) {
                    boolean template = DesignPaths.parentOf(d, path).map(p -> p instanceof DynamicSupervisorNode).orElse(false);
                    assertThat(states.get(path).status()).as(name + " " + path)
                            .isEqualTo(template ? NodeStatus.NOT_STARTED : NodeStatus.RUNNING);
                }
                assertThat(s.log().stream().filter(e -> e.kind() == SimEvent.Kind.STARTED).count()).as(name).isGreaterThan(0);
                assertThat(s.log()).as(name).noneMatch(e -> e.kind() == SimEvent.Kind.START_FAILED);
            }
        }
    }

    @Test
    void theTreeBootsInVirtualTime() {
        try (var s = start(sample("classic_application"), 1)) {
            assertThat(s.rootStart()).isEmpty();
            assertThat(s.states().get("app/repo").status()).isEqualTo(NodeStatus.NOT_STARTED);
            s.advance(250);
            assertThat(s.rootStart()).isPresent();
            assertThat(s.log().stream().filter(e -> e.path().equals("app/repo") && e.kind() == SimEvent.Kind.STARTED))
                    .singleElement().satisfies(e -> assertThat(e.atMs()).isEqualTo(205)); // init_ms 200 + 5 ms connecting its local dependency
        }
    }

    @Test
    void anInvalidDesignDoesNotStart() {
        var d = sample("strategies");
        var bad = DesignPaths.replace(d, "root/one_for_one/a",
                ((WorkerNode) DesignPaths.find(d, "root/one_for_one/a").get()).withId("b"));
        assertThat(SimulationSession.start(bad, 1)).isInstanceOf(SimulationSession.Start.Invalid.class);
    }

    /** The fault script of every sample, live, with snapshots of log and states at checkpoints. */
    @Test
    void replayEqualsTheLiveRunAtTheSameVirtualTime() {
        for (var name : SAMPLES) {
            var d = sample(name);
            var script = SimulationSession.faultScript(d);
            long seed = 99;
            var checkpoints = new ArrayList<Long>(List.of(50L, 150L, 250L, 450L, 650L, 900L, 3000L, 7000L));
            Map<Long, List<SimEvent>> logs = new java.util.HashMap<>();
            Map<Long, Map<String, NodeState>> states = new java.util.HashMap<>();
            List<TimedInput> recorded;
            try (var live = start(d, seed)) {
                int next = 0;
                for (long cp : checkpoints) {
                    while (next < script.size() && script.get(next).atMs() <= cp) {
                        live.advanceTo(script.get(next).atMs());
                        live.inject(script.get(next).input());
                        next++;
                    }
                    live.advanceTo(cp);
                    logs.put(cp, live.log());
                    states.put(cp, live.states());
                }
                recorded = live.inputs();
            }
            assertThat(recorded).hasSameSizeAs(script);
            for (long cp : checkpoints) {
                var replay = SimulationSession.replay(d, seed, recorded, cp);
                try (var r = ((SimulationSession.Start.Running) replay).session()) {
                    assertThat(r.nowMs()).isEqualTo(cp);
                    assertThat(r.log()).as(name + " log at " + cp).isEqualTo(logs.get(cp));
                    assertThat(r.states()).as(name + " states at " + cp).isEqualTo(states.get(cp));
                }
            }
        }
    }

    @Test
    void theFaultScriptsStopStepIsASelfStopWithItsReason() {
        var script = SimulationSession.faultScript(sample("sessions_per_user"));
        assertThat(script).extracting(TimedInput::input).anySatisfy(in -> {
            assertThat(in).isInstanceOf(SimInput.Stop.class);
            assertThat(((SimInput.Stop) in).reason()).isEqualTo(Term.NORMAL);
        });
    }

    @Test
    void killUnderOneForAllStopsAndRestartsTheSiblingsAndSaysWhy() {
        try (var s = start(sample("strategies"), 7)) {
            s.advance(500);
            long seq = lastSeq(s);
            var before = s.states();
            s.inject(new SimInput.Kill("root/one_for_all/b"));
            s.advance(500);
            var log = after(s, seq);
            assertThat(log).extracting(SimEvent::kind, SimEvent::path).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(SimEvent.Kind.INPUT, "root/one_for_all/b"),
                    org.assertj.core.groups.Tuple.tuple(SimEvent.Kind.EXITED, "root/one_for_all/b"),
                    org.assertj.core.groups.Tuple.tuple(SimEvent.Kind.STOPPED_BY_SUPERVISOR, "root/one_for_all/c"),
                    org.assertj.core.groups.Tuple.tuple(SimEvent.Kind.STOPPED_BY_SUPERVISOR, "root/one_for_all/a"),
                    org.assertj.core.groups.Tuple.tuple(SimEvent.Kind.RESTARTED, "root/one_for_all/a"),
                    org.assertj.core.groups.Tuple.tuple(SimEvent.Kind.RESTARTED, "root/one_for_all/b"),
                    org.assertj.core.groups.Tuple.tuple(SimEvent.Kind.RESTARTED, "root/one_for_all/c"));
            assertThat(log.get(2).text()).contains("because its sibling b exited with :killed and the strategy is one_for_all");
            assertThat(log.get(4).text()).contains("because its sibling b exited with :killed and the strategy is one_for_all");
            assertThat(log.get(5).text()).contains("because it exited with :killed");
            var now = s.states();
            for (var id : List.of("a", "b", "c")) {
                var p = "root/one_for_all/" + id;
                assertThat(now.get(p).status()).isEqualTo(NodeStatus.RUNNING);
                assertThat(now.get(p).pid()).isNotEqualTo(before.get(p).pid());
                assertThat(now.get(p).restarts()).isEqualTo(1);
            }
            // Untouched elsewhere.
            assertThat(now.get("root/one_for_one/b").pid()).isEqualTo(before.get("root/one_for_one/b").pid());
            // A group restart is one restart in the intensity (OTP counts the restart, not the children).
            assertThat(now.get("root/one_for_all").recentRestarts()).isEqualTo(1);
        }
    }

    @Test
    void restartStormGivesUpAndEscalates() {
        var d = sample("restart_storm");
        try (var s = start(d, 5)) {
            for (var in : SimulationSession.faultScript(d)) {
                s.advanceTo(in.atMs());
                s.inject(in.input());
            }
            s.advance(1000);
            var states = s.states();
            assertThat(states.get("root/middle").status()).isEqualTo(NodeStatus.GAVE_UP);
            assertThat(states.get("root").status()).isEqualTo(NodeStatus.GAVE_UP);
            assertThat(states.get("root/steady").status()).isEqualTo(NodeStatus.EXITED);
            var gaveUp = s.log().stream().filter(e -> e.kind() == SimEvent.Kind.GAVE_UP).toList();
            assertThat(gaveUp).extracting(SimEvent::path).containsExactly("root/middle", "root/middle", "root");
            assertThat(gaveUp.getFirst().text()).contains("middle gave up: more than 2 restarts within 5 s");
            assertThat(s.log()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(SimEvent.Kind.RESTARTED);
                assertThat(e.path()).isEqualTo("root/middle");
            });
            // The root stops steady because it gave up, not because of its strategy.
            assertThat(s.log()).anySatisfy(e -> {
                assertThat(e.path()).isEqualTo("root/steady");
                assertThat(e.kind()).isEqualTo(SimEvent.Kind.STOPPED_BY_SUPERVISOR);
                assertThat(e.text()).contains("because root gave up");
            });
        }
    }

    @Test
    void aRestartedSupervisorStartsWithAnEmptyRestartHistory() {
        try (var s = start(sample("restart_storm"), 5)) {
            s.advance(500);
            for (int i = 0; i < 3; i++) {
                s.inject(new SimInput.Raise("root/middle/flaky"));
                s.advance(10);
            }
            assertThat(s.states().get("root/middle").status()).isEqualTo(NodeStatus.RUNNING);
            assertThat(s.states().get("root/middle").recentRestarts()).isZero();
            assertThat(s.states().get("root").recentRestarts()).isEqualTo(1);
        }
    }

    @Test
    void floodShowsAQueueThatDrains() {
        try (var s = start(sample("classic_application"), 3)) {
            startJobs(s);
            s.inject(new SimInput.Flood("app/workers/mailer", 20));
            int depth = s.states().get("app/workers/mailer").mailbox();
            assertThat(depth).isGreaterThan(0);
            s.advance(200);
            int later = s.states().get("app/workers/mailer").mailbox();
            assertThat(later).isLessThan(depth);
            s.advance(2000);
            assertThat(s.states().get("app/workers/mailer").mailbox()).isZero();
        }
    }

    @Test
    void hangMakesACallTimeOut() {
        try (var s = start(sample("classic_application"), 3)) {
            startJobs(s);
            s.inject(new SimInput.Call("app/workers/mailer", 1000));
            s.advance(500);
            var ok = s.log().stream().filter(e -> e.kind() == SimEvent.Kind.CALL).toList();
            assertThat(ok).singleElement().satisfies(e -> assertThat(e.text()).contains("answered after 50 ms"));
            long seq = lastSeq(s);
            s.inject(new SimInput.Hang("app/workers/mailer", 8000));
            s.inject(new SimInput.Call("app/workers/mailer", 1000));
            s.advance(3000);
            var call = after(s, seq).stream().filter(e -> e.kind() == SimEvent.Kind.CALL).toList();
            assertThat(call).singleElement().satisfies(e -> {
                assertThat(e.text()).contains("failed after 1000 ms").contains(":timeout");
                // logged when the call ended, not when the session next looked
                assertThat(e.atMs()).isEqualTo(2000);
            });
            // The server is not affected by the caller's timeout.
            assertThat(s.states().get("app/workers/mailer").status()).isEqualTo(NodeStatus.RUNNING);
        }
    }

    @Test
    void failNextInitMakesTheRestartFailAndRetry() {
        try (var s = start(sample("classic_application"), 3)) {
            startJobs(s);
            var pid = s.states().get("app/workers/mailer").pid();
            s.inject(new SimInput.FailNextInit("app/workers/mailer"));
            long seq = lastSeq(s);
            s.inject(new SimInput.Raise("app/workers/mailer"));
            s.advance(500);
            var log = after(s, seq);
            assertThat(log).extracting(SimEvent::kind).containsSubsequence(
                    SimEvent.Kind.EXITED, SimEvent.Kind.START_FAILED, SimEvent.Kind.RESTARTED);
            var st = s.states().get("app/workers/mailer");
            assertThat(st.status()).isEqualTo(NodeStatus.RUNNING);
            assertThat(st.pid()).isNotEqualTo(pid);
            // The failed attempt and the retry both count (SEMANTICS §6.6).
            assertThat(s.states().get("app/workers").recentRestarts()).isEqualTo(2);
        }
    }

    @Test
    void transientWorkerStoppingNormallyStaysDown() {
        try (var s = start(sample("classic_application"), 3)) {
            startJobs(s);
            long seq = lastSeq(s);
            s.inject(new SimInput.Stop("app/workers/reporter", Term.NORMAL));
            s.advance(500);
            assertThat(s.states().get("app/workers/reporter").status()).isEqualTo(NodeStatus.EXITED);
            assertThat(after(s, seq)).noneMatch(e -> e.kind() == SimEvent.Kind.RESTARTED);
            // exit(Pid, normal) from outside is ignored by a process that does not trap exits (SEMANTICS §1.3).
            var pid = s.states().get("app/workers/mailer").pid();
            s.inject(new SimInput.Exit("app/workers/mailer", Term.NORMAL));
            s.advance(100);
            assertThat(s.states().get("app/workers/mailer").pid()).isEqualTo(pid);
        }
    }

    @Test
    void temporarySiblingIsDroppedByOneForAll() {
        var d = sample("strategies");
        var c = (WorkerNode) DesignPaths.find(d, "root/one_for_all/c").get();
        d = DesignPaths.replace(d, "root/one_for_all/c", c.withSpec(c.spec().withRestart(Restart.TEMPORARY)));
        try (var s = start(d, 3)) {
            s.advance(500);
            s.inject(new SimInput.Raise("root/one_for_all/a"));
            s.advance(500);
            assertThat(s.states().get("root/one_for_all/c").status()).isEqualTo(NodeStatus.EXITED);
            assertThat(s.log()).noneMatch(e -> e.kind() == SimEvent.Kind.RESTARTED && e.path().equals("root/one_for_all/c"));
        }
    }

    @Test
    void stoppingTheTreeExplainsItself() {
        try (var s = start(sample("classic_application"), 3)) {
            s.advance(500);
            s.inject(new SimInput.Raise("app/cache"));
            s.advance(100);
            long seq = lastSeq(s);
            s.inject(new SimInput.StopTree("app"));
            s.advance(100);
            var stopped = after(s, seq).stream().filter(e -> e.kind() == SimEvent.Kind.STOPPED_BY_SUPERVISOR).toList();
            assertThat(stopped).isNotEmpty();
            // Not "because its sibling cache exited ..." from the earlier, unrelated crash.
            assertThat(stopped).allSatisfy(e -> assertThat(e.text()).contains("itself is being stopped").doesNotContain("sibling"));
            assertThat(stopped).extracting(SimEvent::path).containsSubsequence("app/endpoint", "app/workers", "app/cache", "app/pubsub", "app/repo");
        }
    }

    @Test
    void dynamicChildrenRegisterUnderTheirOwnKeys() {
        try (var s = start(sample("sessions_per_user"), 3)) {
            s.advance(100);
            s.inject(new SimInput.StartDynamicChild("root/sessions"));
            s.inject(new SimInput.StartDynamicChild("root/sessions"));
            s.advance(100);
            assertThat(s.states().get("root/sessions/session_1").status()).isEqualTo(NodeStatus.RUNNING);
            assertThat(s.states().get("root/sessions/session_2").status()).isEqualTo(NodeStatus.RUNNING);
            s.inject(new SimInput.Raise("root/sessions/session_1"));
            s.advance(100);
            assertThat(s.log()).anyMatch(e -> e.kind() == SimEvent.Kind.RESTARTED && e.path().equals("root/sessions/session_1"));
        }
    }

    @Test
    void manyDynamicChildrenStartAtOnceFromOneInputOrOneFaultScriptStep() {
        try (var s = start(sample("sessions_per_user"), 3)) {
            s.advance(100);
            s.inject(new SimInput.StartDynamicChildren("root/sessions", 250));
            s.advance(100);
            var sessions = s.states().keySet().stream().filter(p -> p.startsWith("root/sessions/session_")).toList();
            assertThat(sessions).hasSize(250).contains("root/sessions/session_1", "root/sessions/session_250");
            assertThat(s.states().get("root/sessions/session_250").status()).isEqualTo(NodeStatus.RUNNING);
            assertThat(s.inputs()).singleElement().extracting(TimedInput::input)
                    .isEqualTo(new SimInput.StartDynamicChildren("root/sessions", 250));
        }
        assertThat(SimulationSession.faultScript(sample("many_sessions"))).extracting(TimedInput::input)
                .containsExactly(new SimInput.StartDynamicChildren("root/sessions", 10_000));
    }

    @Test
    void significantChildShutsItsSupervisorDown() {
        var d = sample("strategies");
        var sub = (SupervisorNode) DesignPaths.find(d, "root/one_for_one").get();
        var b = (WorkerNode) sub.children().get(1);
        d = DesignPaths.replace(d, "root/one_for_one", sub.withAutoShutdown(dev.canopy.engine.supervisor.AutoShutdown.ANY_SIGNIFICANT)
                .withSpec(sub.spec().withRestart(Restart.TRANSIENT))
                .withChildren(List.of(sub.children().get(0), b.withSpec(b.spec().withRestart(Restart.TRANSIENT).withSignificant(true)),
                        sub.children().get(2))));
        try (var s = start(d, 3)) {
            s.advance(500);
            s.inject(new SimInput.Stop("root/one_for_one/b", Term.NORMAL));
            s.advance(500);
            assertThat(s.log()).anyMatch(e -> e.kind() == SimEvent.Kind.AUTO_SHUTDOWN && e.path().equals("root/one_for_one"));
            assertThat(s.log()).anyMatch(e -> e.kind() == SimEvent.Kind.STOPPED_BY_SUPERVISOR && e.text().contains("auto_shutdown"));
            assertThat(s.states().get("root/one_for_one").status()).isEqualTo(NodeStatus.EXITED);
            assertThat(s.states().get("root").status()).isEqualTo(NodeStatus.RUNNING);
        }
    }
}
