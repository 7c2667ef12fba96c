package dev.canopy.diagrams.lessons;

import static dev.canopy.diagrams.lessons.LessonSamplesTest.played;
import static dev.canopy.diagrams.lessons.LessonSamplesTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.canopy.diagrams.design.CallPlan;
import dev.canopy.diagrams.design.CallPolicy;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.sequence.SequenceDiagram;
import dev.canopy.diagrams.sim.CallerPolicy;
import dev.canopy.diagrams.sim.CallerPolicy.Instruction;
import dev.canopy.diagrams.sim.CallerPolicy.Result;
import dev.canopy.diagrams.sim.NodeStatus;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.diagrams.sim.SimulationSession;
import org.junit.jupiter.api.Test;

/**
 * Lessons 2 (domain vs temporal logic), 4 (init guarantees) and 5 (callers decide), each run from
 * its gallery sample with the fixed seed and its own fault script (outages included).
 */
class LessonLogicInitCallersTest {

    static List<SimEvent> rows(SimulationSession s, String path, SimEvent.Kind kind) {
        return s.log().stream().filter(e -> e.path().equals(path) && e.kind() == kind).toList();
    }

    static List<Long> timesOf(List<SimEvent> rows, String textStart) {
        return rows.stream().filter(e -> e.text().startsWith(textStart)).map(SimEvent::atMs).toList();
    }

    // ---- lesson 2: domain logic vs temporal logic

    @Test
    void domainVsTemporal_thePurePolicyReturnsRetryInstructionsAndTheServerTurnsThemIntoTimers() {
        try (var s = played(sample("domain_vs_temporal"), 3000)) {
            var domain = rows(s, "root/checkout", SimEvent.Kind.DOMAIN);
            var server = rows(s, "root/checkout", SimEvent.Kind.SERVER);
            // The gateway's bank link is down from 900 to 1500 ms and the gateway is back at 1680: request #1
            // (at 1000) fails, the policy says wait 200, 400, 800 ms, and attempt 4 at 2400 gets through.
            assertThat(domain).extracting(SimEvent::text).containsExactly(
                    "domain: Shop.Checkout.Policy.decide({:error, :not_connected}, attempt 1) returns {:retry_in, 200}",
                    "domain: Shop.Checkout.Policy.decide({:error, :not_connected}, attempt 2) returns {:retry_in, 400}",
                    "domain: Shop.Checkout.Policy.decide({:error, :not_connected}, attempt 3) returns {:retry_in, 800}",
                    "domain: Shop.Checkout.Policy.decide({:ok, 2}, attempt 4) returns :done");
            assertThat(timesOf(server, "server: timer set for ")).containsExactly(1000L, 1200L, 1600L);
            assertThat(timesOf(server, "server: timer fired: request #1")).containsExactly(1200L, 1600L, 2400L);
            assertThat(server).extracting(SimEvent::text).contains(
                    "server: timer set for 200 ms (send_after): request #1, attempt 2 at 1200 ms",
                    "server: request #1 succeeded on attempt 4");
            // The split: the domain only returns data, the server alone deals in time.
            assertThat(domain).allSatisfy(e -> assertThat(e.text()).contains(" returns ").doesNotContain("timer"));
            assertThat(server).allSatisfy(e -> assertThat(e.text()).doesNotContain(" returns "));
            assertThat(s.states().get("root/checkout").restarts()).isZero();
        }
    }

    @Test
    void domainVsTemporal_thePolicyIsTestedWithoutAProcessOrAClock() {
        var plan = ((WorkerNode) DesignPaths.find(sample("domain_vs_temporal"), "root/checkout").orElseThrow()).sim().calls();
        var error = new Result.Error("not_connected");
        assertThat(CallerPolicy.decide(plan, error, 1, 0, false)).containsExactly(new Instruction.RetryIn(200, 2));
        assertThat(CallerPolicy.decide(plan, error, 3, 0, false)).containsExactly(new Instruction.RetryIn(800, 4));
        assertThat(CallerPolicy.decide(plan, error, 4, 0, false)).containsExactly(new Instruction.GiveUp("not_connected", 4));
        assertThat(CallerPolicy.decide(plan, new Result.Ok("7"), 2, 0, false)).containsExactly(new Instruction.Done());
    }

    @Test
    void domainVsTemporal_theSameSeedLogsTheSameSplit() {
        List<String> first;
        try (var s = played(sample("domain_vs_temporal"), 3000)) {
            first = s.log().stream().map(e -> e.atMs() + " " + e.text()).toList();
        }
        try (var s = played(sample("domain_vs_temporal"), 3000)) {
            assertThat(s.log().stream().map(e -> e.atMs() + " " + e.text()).toList()).isEqualTo(first);
        }
    }

    /**
     * The timeline rewinds by replaying inputs with large advances; the live app advances a frame at a
     * time. The workers' domain/server rows are reported with their engine time, so both give the same log.
     */
    @Test
    void theLessonLogsDoNotDependOnHowTheRunIsCutIntoSteps() {
        for (String name : List.of("domain_vs_temporal", "init_guarantees", "callers_decide")) {
            var d = sample(name);
            var script = SimulationSession.faultScript(d);
            List<String> replayed;
            try (var s = played(d, 3000)) {
                replayed = s.log().stream().map(e -> e.atMs() + " " + e.path() + " " + e.text()).toList();
            }
            var start = SimulationSession.start(d, LessonSamplesTest.SEED);
            try (var live = ((SimulationSession.Start.Running) start).session()) {
                int next = 0;
                for (long t = 0; t <= 3000; t += 17) {
                    while (next < script.size() && script.get(next).atMs() <= t) {
                        live.advanceTo(script.get(next).atMs());
                        live.inject(script.get(next).input());
                        next++;
                    }
                    live.advanceTo(t);
                }
                live.advanceTo(3000);
                assertThat(live.log().stream().map(e -> e.atMs() + " " + e.path() + " " + e.text()).toList()).as(name)
                        .isEqualTo(replayed);
            }
        }
    }

    // ---- lesson 4: init guarantees

    @Test
    void initGuarantees_theRemoteClientRetriesWithExponentialBackoffAtTheExpectedVirtualTimesWhileTheTreeStaysUp() {
        try (var s = played(sample("init_guarantees"), 4000)) {
            var server = rows(s, "root/client", SimEvent.Kind.SERVER);
            // The tree is up at 50 ms (the store's init takes 50). Each attempt takes the 80 ms connect
            // latency; after failed attempt n the client waits 100 * 2^(n-1) ms. The service is back at 1500.
            long up = 50, latency = 80;
            long fail1 = up + latency;                    // 130
            long fail2 = fail1 + 100 + latency;           // 310
            long fail3 = fail2 + 200 + latency;           // 590
            long fail4 = fail3 + 400 + latency;           // 1070
            long success5 = fail4 + 800 + latency;        // 1950
            assertThat(timesOf(server, "server: connect attempt ")).containsExactly(fail1, fail2, fail3, fail4, success5);
            assertThat(server.getLast().text()).isEqualTo("server: connect attempt 5 succeeded: connected to its remote service");
            assertThat(rows(s, "root/client", SimEvent.Kind.DOMAIN)).extracting(SimEvent::text).containsExactly(
                    "domain: Backoff.next(attempt 1) returns {:retry_in, 100}",
                    "domain: Backoff.next(attempt 2) returns {:retry_in, 200}",
                    "domain: Backoff.next(attempt 3) returns {:retry_in, 400}",
                    "domain: Backoff.next(attempt 4) returns {:retry_in, 800}");
            assertThat(rows(s, "root/client", SimEvent.Kind.EXITED)).isEmpty();
            assertThat(s.states().get("root/client").restarts()).isZero();
            assertThat(s.states().get("root/client").status()).isEqualTo(NodeStatus.RUNNING);
            assertThat(s.states().get("root").status()).isEqualTo(NodeStatus.RUNNING);
            // The call at 300 waits for attempt 2 (230 to 310 ms) to end: a connect attempt runs inside the process.
            var calls = rows(s, "root/client", SimEvent.Kind.CALL);
            assertThat(calls).extracting(SimEvent::text).containsExactly(
                    "call to root/client answered {error,not_connected} after 10 ms",
                    "call to root/client answered {ok,1} after 80 ms");
        }
    }

    @Test
    void initGuarantees_theNodeShowsTheNextAttemptWhileDisconnected() {
        try (var s = played(sample("init_guarantees"), 1100)) {
            assertThat(s.states().get("root/client").note()).isEqualTo("down · try 5 at 1870 ms");
            assertThat(s.dependencyDown("root/client")).isTrue();
        }
    }

    @Test
    void initGuarantees_aLocalDependencyThatFailsMakesInitCrashAndTheSupervisorRestartsIt() {
        try (var s = played(sample("init_guarantees"), 2500)) {
            var store = s.log().stream().filter(e -> e.path().equals("root/store") && e.kind() != SimEvent.Kind.SERVER
                    && e.kind() != SimEvent.Kind.INPUT).toList();
            // Down at 2000 for 80 ms: the store crashes, its restart's init (50 ms) fails at 2050, the retry succeeds.
            assertThat(store).extracting(e -> e.atMs() + " " + e.kind()).containsExactly(
                    "50 STARTED", "2000 EXITED", "2050 START_FAILED", "2100 RESTARTED");
            assertThat(s.states().get("root/store").status()).isEqualTo(NodeStatus.RUNNING);
            assertThat(s.states().get("root/client").restarts()).isZero();
        }
    }

    @Test
    void initGuarantees_aLocalDependencyThatStaysDownExhaustsTheSupervisorLoudly() {
        try (var s = played(sample("init_guarantees"), 500)) {
            s.inject(new SimInput.DependencyDown("root/store"));
            s.advance(1000);
            assertThat(s.states().get("root").status()).isEqualTo(NodeStatus.GAVE_UP);
            assertThat(s.log()).anyMatch(e -> e.kind() == SimEvent.Kind.GAVE_UP && e.path().equals("root"));
        }
    }

    @Test
    void initGuarantees_theFaultMenuTakesTheRemoteServiceDownAndBringsItBack() {
        try (var s = played(sample("init_guarantees"), 4000)) {
            s.inject(new SimInput.DependencyDown("root/client"));
            s.advance(500);
            var server = rows(s, "root/client", SimEvent.Kind.SERVER);
            assertThat(server).extracting(SimEvent::text).contains(
                    "server: lost its remote service: it keeps running and reconnects with backoff");
            var after = server.stream().filter(e -> e.atMs() >= 4000).toList();
            assertThat(timesOf(after, "server: connect attempt 1 failed")).containsExactly(4080L);
            assertThat(timesOf(after, "server: connect attempt 2 failed")).containsExactly(4260L);
            s.inject(new SimInput.DependencyUp("root/client"));
            s.advance(1000);
            // Attempt 3 at 4260 + 200: connected (80 ms later), without a restart.
            assertThat(timesOf(rows(s, "root/client", SimEvent.Kind.SERVER), "server: connect attempt 3 succeeded"))
                    .containsExactly(4540L);
            assertThat(s.states().get("root/client").restarts()).isZero();
            assertThat(s.states().get("root/client").note()).isEmpty();
        }
    }

    // ---- lesson 5: callers decide

    @Test
    void callersDecide_theSameErrorMeansSomethingDifferentToEachCaller() {
        try (var s = played(sample("callers_decide"), 2550)) {
            for (String caller : List.of("orders", "restock", "stats", "ops")) {
                assertThat(rows(s, "root/" + caller, SimEvent.Kind.DOMAIN)).as(caller)
                        .anyMatch(e -> e.atMs() == 1500 && e.text().contains(".decide({:error, :not_connected}, attempt 1)"));
            }
            var st = s.states();
            assertThat(st.get("root/orders").note()).isEqualTo("retrying");
            assertThat(st.get("root/restock").note()).isEqualTo("queue 3");
            assertThat(st.get("root/stats").note()).isEqualTo("dropped 3");
            assertThat(st.get("root/ops").note()).isEqualTo("ALARM");
            assertThat(rows(s, "root/orders", SimEvent.Kind.SERVER)).extracting(SimEvent::text)
                    .contains("server: gave up on request #3 after 3 attempts");
            for (String p : List.of("root/inventory", "root/orders", "root/restock", "root/stats", "root/ops")) {
                assertThat(st.get(p).restarts()).as(p).isZero();
            }
        }
    }

    @Test
    void callersDecide_whenTheServiceIsBackTheQueueIsSentTheAlarmClearedAndTheDropsStayDropped() {
        try (var s = played(sample("callers_decide"), 3200)) {
            var st = s.states();
            assertThat(st.get("root/restock").note()).isEqualTo("queue");
            assertThat(rows(s, "root/restock", SimEvent.Kind.SERVER)).extracting(SimEvent::text)
                    .contains("server: sent 3 of 3 kept requests");
            assertThat(st.get("root/ops").note()).isEqualTo("alert");
            assertThat(rows(s, "root/ops", SimEvent.Kind.SERVER)).extracting(SimEvent::text)
                    .contains("server: alarm cleared: root/inventory answers again");
            assertThat(st.get("root/stats").note()).isEqualTo("dropped 3");
            assertThat(st.get("root/orders").note()).isEqualTo("gave up 1");
            // The sequence view shows the same error reply going to every caller.
            var seq = s.sequence();
            var labels = seq.lifelines().stream().collect(java.util.stream.Collectors.toMap(
                    SequenceDiagram.Lifeline::id, SequenceDiagram.Lifeline::label));
            var replies = seq.items().stream()
                    .filter(i -> i instanceof SequenceDiagram.Message m && m.kind() == SequenceDiagram.Kind.REPLY)
                    .map(i -> (SequenceDiagram.Message) i).filter(m -> m.text().contains("not_connected"))
                    .map(m -> labels.get(m.to())).distinct().toList();
            assertThat(replies).containsExactlyInAnyOrder("orders", "restock", "stats", "ops");
        }
    }

    @Test
    void callersDecide_eachPolicyGivesItsOwnInstructionsForTheSameError() {
        var error = new Result.Error("not_connected");
        assertThat(CallerPolicy.decide(plan(CallPolicy.RETRY), error, 1, 0, false)).containsExactly(new Instruction.RetryIn(200, 2));
        assertThat(CallerPolicy.decide(plan(CallPolicy.QUEUE), error, 1, 0, false)).containsExactly(new Instruction.Enqueue());
        assertThat(CallerPolicy.decide(plan(CallPolicy.IGNORE), error, 1, 0, false)).containsExactly(new Instruction.Drop("not_connected"));
        assertThat(CallerPolicy.decide(plan(CallPolicy.ALERT), error, 1, 0, false)).containsExactly(new Instruction.RaiseAlarm("not_connected"));
        assertThat(CallerPolicy.decide(plan(CallPolicy.QUEUE), new Result.Ok("1"), 1, 3, false))
                .containsExactly(new Instruction.Done(), new Instruction.Flush(3));
        assertThat(CallerPolicy.decide(plan(CallPolicy.ALERT), new Result.Ok("1"), 1, 0, true))
                .containsExactly(new Instruction.Done(), new Instruction.ClearAlarm());
    }

    private static CallPlan plan(CallPolicy policy) {
        return new CallPlan("root/inventory", 500, policy, 200, 3, 500);
    }
}
