package dev.canopy.diagrams.lessons;

import static dev.canopy.diagrams.lessons.LessonSamplesTest.played;
import static dev.canopy.diagrams.lessons.LessonSamplesTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.canopy.diagrams.sequence.SequenceDiagram;
import dev.canopy.diagrams.sim.SimEvent;
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
        try (var s = played(sample("task_fanout"), 6000)) {
            // await_many (at 100): shard1 is the slowest (6 items x 100 ms); the fast shard2 (100 ms) waits for it.
            long firstHandled = at(s, "handled shard1");
            assertThat(firstHandled).isEqualTo(100 + 600);
            var awaited = lines(s, "handled shard").stream().filter(e -> e.atMs() < 1500).toList();
            assertThat(awaited).extracting(e -> e.text().substring(0, "handled shardN".length()))
                    .containsExactly("handled shard1", "handled shard2", "handled shard3");
            assertThat(awaited).allMatch(e -> e.atMs() == firstHandled);
            assertThat(awaited.get(1).text()).contains("its task finished at +100 ms, so it waited 500 ms");

            // yield_many with a 450 ms deadline (at 1500): each result as it arrives, the slow one shut down.
            var yielded = lines(s, "handled shard").stream().filter(e -> e.atMs() >= 1500 && e.atMs() < 2500).toList();
            assertThat(yielded).extracting(SimEvent::atMs).containsExactly(1600L, 1800L);
            assertThat(yielded.get(0).text()).startsWith("handled shard2");
            assertThat(at(s, "shard1 had no result yet; Task.shutdown")).isEqualTo(1950);

            // async_nolink (at 2500): the empty shard's task crashes; the aggregator gets a DOWN and handles the rest.
            assertThat(at(s, "shard4's task crashed")).isEqualTo(2500);
            var nolink = lines(s, "handled shard").stream().filter(e -> e.atMs() >= 2500 && e.atMs() < 4000).toList();
            assertThat(nolink).extracting(SimEvent::atMs).containsExactly(2600L, 2800L, 3100L);
            assertThat(s.log()).filteredOn(e -> e.path().equals("root/aggregator") && e.kind() == SimEvent.Kind.EXITED
                    && e.atMs() < 4000).isEmpty();

            // The same crash with Task.async (linked, at 4000) takes the aggregator down; its supervisor restarts it.
            assertThat(s.log()).filteredOn(e -> e.path().equals("root/aggregator") && e.kind() == SimEvent.Kind.EXITED)
                    .extracting(SimEvent::atMs).containsExactly(4000L);
            assertThat(s.states().get("root/aggregator").incarnation()).isEqualTo(2);
            assertThat(s.states().get("root/aggregator").status()).isEqualTo(dev.canopy.diagrams.sim.NodeStatus.RUNNING);

            // The sequence view: one lifeline per task and run, result arrows, and the handling notes on the aggregator.
            var seq = s.sequence();
            assertThat(seq.lifelines()).extracting(SequenceDiagram.Lifeline::label)
                    .contains("shard1 (await_many)", "shard1 (yield_many)", "shard1 (async_nolink)", "shard4 (async_nolink)");
            var results = seq.items().stream().filter(i -> i instanceof SequenceDiagram.Message m && m.kind() == SequenceDiagram.Kind.REPLY
                    && m.text().startsWith("result")).map(i -> (SequenceDiagram.Message) i).toList();
            assertThat(results).extracting(SequenceDiagram.Message::atMs).containsExactly(200L, 400L, 700L, 1600L, 1800L, 2600L, 2800L, 3100L);
            assertThat(seq.items()).filteredOn(i -> i instanceof SequenceDiagram.Note n && n.text().startsWith("handled shard2"))
                    .extracting(SequenceDiagram.Item::atMs).containsExactly(700L, 1600L, 2600L);
        }
    }
}
