package dev.canopy.diagrams.lessons;

import static dev.canopy.diagrams.lessons.LessonSamplesTest.played;
import static dev.canopy.diagrams.lessons.LessonSamplesTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.canopy.diagrams.design.LabAction;
import dev.canopy.diagrams.sequence.SequenceDiagram;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.diagrams.sim.TimedInput;
import dev.canopy.diagrams.sim.SimulationSession;
import org.junit.jupiter.api.Test;

/** Lessons 7 to 10 (the pattern lab's steps), each sample run with the fixed seed and its own script. */
class LabLessonsTest {
    static List<SimEvent> lines(SimulationSession s, String containing) {
        return s.log().stream().filter(e -> e.text().contains(containing)).toList();
    }

    static long at(SimulationSession s, String containing) {
        var found = lines(s, containing);
        assertThat(found).as("a log line containing '%s'", containing).isNotEmpty();
        return found.getFirst().atMs();
    }

    @Test
    void taskFanout_awaitManyHandlesTheFirstResultOnlyAfterTheSlowFirstTask_yieldTakesThemAsTheyArrive_nolinkSurvivesACrash() {
        try (var s = played(sample("task_fanout"), 4000)) {
            // await_many (at 100): shard1 is the slowest (6 items x 100 ms); the fast shard2 (100 ms) waits for it.
            long firstHandled = at(s, "handled shard1");
            assertThat(firstHandled).isEqualTo(100 + 600);
            var awaited = lines(s, "handled shard").stream().filter(e -> e.atMs() < 1000).toList();
            assertThat(awaited).extracting(e -> e.text().substring(0, "handled shardN".length()))
                    .containsExactly("handled shard1", "handled shard2", "handled shard3");
            assertThat(awaited).allMatch(e -> e.atMs() == firstHandled);
            assertThat(awaited.get(1).text()).contains("its task finished at +100 ms, so it waited 500 ms");

            // yield_many with a 450 ms deadline (at 1000): each result as it arrives, the slow one shut down.
            var yielded = lines(s, "handled shard").stream().filter(e -> e.atMs() >= 1000 && e.atMs() < 1800).toList();
            assertThat(yielded).extracting(SimEvent::atMs).containsExactly(1100L, 1300L);
            assertThat(yielded.get(0).text()).startsWith("handled shard2");
            assertThat(at(s, "shard1 had no result yet; Task.shutdown")).isEqualTo(1450);

            // async_nolink (at 1800): the empty shard's task crashes; the aggregator gets a DOWN and handles the rest.
            assertThat(at(s, "shard4's task crashed")).isEqualTo(1800);
            var nolink = lines(s, "handled shard").stream().filter(e -> e.atMs() >= 1800 && e.atMs() < 2600).toList();
            assertThat(nolink).extracting(SimEvent::atMs).containsExactly(1900L, 2100L, 2400L);
            assertThat(s.log()).filteredOn(e -> e.path().equals("root/aggregator") && e.kind() == SimEvent.Kind.EXITED
                    && e.atMs() < 2600).isEmpty();

            // The same crash with Task.async (linked, at 2600) takes the aggregator down; its supervisor restarts it.
            assertThat(s.log()).filteredOn(e -> e.path().equals("root/aggregator") && e.kind() == SimEvent.Kind.EXITED)
                    .extracting(SimEvent::atMs).containsExactly(2600L);
            assertThat(s.states().get("root/aggregator").incarnation()).isEqualTo(2);
            assertThat(s.states().get("root/aggregator").status()).isEqualTo(dev.canopy.diagrams.sim.NodeStatus.RUNNING);

            // The sequence view: one lifeline per task and run, result arrows, and the handling notes on the aggregator.
            var seq = s.sequence();
            assertThat(seq.lifelines()).extracting(SequenceDiagram.Lifeline::label)
                    .contains("shard1 (await_many)", "shard1 (yield_many)", "shard1 (async_nolink)", "shard4 (async_nolink)");
            var results = seq.items().stream().filter(i -> i instanceof SequenceDiagram.Message m && m.kind() == SequenceDiagram.Kind.REPLY
                    && m.text().startsWith("result")).map(i -> (SequenceDiagram.Message) i).toList();
            assertThat(results).extracting(SequenceDiagram.Message::atMs).containsExactly(200L, 400L, 700L, 1100L, 1300L, 1900L, 2100L, 2400L);
            assertThat(seq.items()).filteredOn(i -> i instanceof SequenceDiagram.Note n && n.text().startsWith("handled shard2"))
                    .extracting(SequenceDiagram.Item::atMs).containsExactly(700L, 1100L, 1900L);
        }
    }

    @Test
    void requestMetadata_theTraceIdAndDeadlineTravelDownTheChain_andTheDeadlineExpiresAtTheDeepestHop() {
        try (var s = played(sample("request_metadata"), 2000)) {
            // Every hop logs with the trace id it took into its own metadata.
            for (var hop : List.of("root/orders", "root/stock", "root/pricing")) {
                assertThat(s.log()).filteredOn(e -> e.path().equals(hop) && e.kind() == SimEvent.Kind.CALL)
                        .extracting(SimEvent::text).anyMatch(t -> t.startsWith("[trace_id=req-7f3a "))
                        .anyMatch(t -> t.startsWith("[trace_id=req-9c1e "));
            }
            assertThat(at(s, "[trace_id=req-7f3a deadline_in=700ms] request answered ok after 300 ms")).isEqualTo(400);
            // req-9c1e: 250 ms; orders and stock spend 200 of it; pricing cannot do 100 ms of work in 50.
            var refused = lines(s, "refuses at once with {:error, :deadline_exceeded}");
            assertThat(refused).singleElement().satisfies(e -> {
                assertThat(e.path()).isEqualTo("root/pricing");
                assertThat(e.atMs()).isEqualTo(1200);
                assertThat(e.text()).startsWith("[trace_id=req-9c1e deadline_in=50ms] pricing has 50 ms left");
            });
            assertThat(at(s, "[trace_id=req-9c1e deadline_in=50ms] request failed after 200 ms with {:error, :deadline_exceeded}")).isEqualTo(1200);
            // Each hop is a real gen_server call: three calls per request, and pricing did no work for the late one.
            var seq = s.sequence();
            assertThat(seq.items()).filteredOn(i -> i instanceof SequenceDiagram.Message m && m.kind() == SequenceDiagram.Kind.CALL).hasSize(6);
            assertThat(seq.items()).filteredOn(i -> i instanceof SequenceDiagram.Note n && n.text().contains("refuses")).hasSize(1);
        }
    }

    @Test
    void monotonicTime_aJumpOfTheSystemClockBreaksTheSystemTimeDurationButNotTheMonotonicOne() {
        try (var s = played(sample("monotonic_time"), 5500)) {
            var done = lines(s, "job done");
            assertThat(done).hasSize(2);
            assertThat(done.get(0).atMs()).isEqualTo(2100);
            assertThat(done.get(0).text()).contains("by monotonic time it took 2000 ms; by system time -3598000 ms");
            assertThat(done.get(1).text()).contains("by monotonic time it took 2000 ms; by system time 2000 ms (the same");
            assertThat(at(s, "the system clock jumped back 3600000 ms")).isEqualTo(1000);
        }
        // The same jump injected by hand (the fault menu's input) before a job leaves that job's durations alone.
        try (var s = played(sample("monotonic_time").withLabSteps(List.of()), 0)) {
            s.inject(new SimInput.Lab("root", new LabAction.JumpSystemTime("root", 3_600_000)));
            s.inject(new SimInput.Lab("root/meter", new LabAction.TimedJob("root/meter", 500)));
            s.advance(300);
            s.inject(new SimInput.Lab("root", new LabAction.JumpSystemTime("root", 60_000)));
            s.advance(300);
            assertThat(lines(s, "job done").getFirst().text()).contains("it took 500 ms; by system time 60500 ms");
        }
    }

    @Test
    void elixirHabits_theDemonstrationsCountWhatEachHabitCosts() {
        try (var s = played(sample("elixir_habits"), 1000)) {
            assertThat(at(s, "repeated <> copied 8008000 bytes; one IO.iodata_to_binary of the list copied 16000 bytes")).isEqualTo(100);
            assertThat(at(s, "0.10 added 1000 times is 99.9999999999986 as a float (not 100.0); as integer cents it is 10000 cents = 100.00"))
                    .isEqualTo(200);
            assertThat(at(s, "by body recursion needed 10000 stack frames at its deepest; tail recursion with an accumulator needed 1"))
                    .isEqualTo(300);
        }
    }

    /** A lab run is deterministic: the live run, input by input, and a replay from the seed log the same lines. */
    @Test
    void labSamplesReplayExactlyFromTheirSeed() {
        for (var name : List.of("task_fanout", "request_metadata", "monotonic_time", "elixir_habits")) {
            var d = sample(name);
            var script = SimulationSession.faultScript(d);
            assertThat(script).extracting(TimedInput::input).anyMatch(i -> i instanceof SimInput.Lab);
            List<SimEvent> live;
            List<TimedInput> recorded;
            try (var s = ((SimulationSession.Start.Running) SimulationSession.start(d, 7)).session()) {
                for (var in : script) {
                    s.advanceTo(in.atMs());
                    s.inject(in.input());
                    s.advance(1);
                }
                s.advanceTo(6000);
                live = s.log();
                recorded = s.inputs();
            }
            assertThat(live).anyMatch(e -> e.kind() == SimEvent.Kind.CALL);
            try (var r = ((SimulationSession.Start.Running) SimulationSession.replay(d, 7, recorded, 6000)).session()) {
                assertThat(r.log()).as(name).isEqualTo(live);
            }
        }
    }
}
