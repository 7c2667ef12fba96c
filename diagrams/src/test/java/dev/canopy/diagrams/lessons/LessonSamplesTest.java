package dev.canopy.diagrams.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.LoadResult;
import dev.canopy.diagrams.sequence.SequenceDiagram;
import dev.canopy.diagrams.sim.NodeStatus;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.diagrams.sim.SimulationSession;
import org.junit.jupiter.api.Test;

/**
 * Each lesson sample of the gallery, run with a fixed seed and its own fault script: the outcome
 * the lesson's card promises is what the simulator does.
 */
class LessonSamplesTest {
    static final long SEED = 1;

    static Design sample(String name) {
        var r = DesignFiles.load(Path.of("../samples/" + name + ".canopy.json"));
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) r).design();
    }

    /** Runs the sample's fault script up to {@code untilMs} (virtual). */
    static SimulationSession played(Design d, long untilMs) {
        var start = SimulationSession.replay(d, SEED, SimulationSession.faultScript(d), untilMs);
        assertThat(start).isInstanceOf(SimulationSession.Start.Running.class);
        return ((SimulationSession.Start.Running) start).session();
    }

    static long count(SequenceDiagram d, SequenceDiagram.Kind kind) {
        return d.items().stream().filter(i -> i instanceof SequenceDiagram.Message m && m.kind() == kind).count();
    }

    @Test
    void genserverMessages_aSlowServerAnswersTheWaitingCallerAndTheImpatientOneTimesOut() {
        try (var s = played(sample("genserver_messages"), 1500)) {
            var calls = s.log().stream().filter(e -> e.kind() == SimEvent.Kind.CALL).toList();
            assertThat(calls).hasSize(3);
            assertThat(calls.get(0).text()).isEqualTo("call to root/inventory answered after 300 ms");
            assertThat(calls.get(0).atMs()).isEqualTo(100 + 300);
            assertThat(calls.get(1).text()).startsWith("call to root/inventory failed after 100 ms").contains("timeout");
            assertThat(calls.get(2).text()).isEqualTo("call to root/pricing answered after 5 ms");
            var seq = s.sequence();
            assertThat(count(seq, SequenceDiagram.Kind.CALL)).isEqualTo(3);
            assertThat(count(seq, SequenceDiagram.Kind.REPLY)).isEqualTo(2);
            assertThat(seq.items()).filteredOn(i -> i instanceof SequenceDiagram.Note n && n.text().startsWith("timeout")).hasSize(1);

            // A cast returns at once: the server is busy for 2 s, yet nobody waits.
            s.inject(new SimInput.Hang("root/inventory", 2000));
            // A flood of plain messages (handle_info) queues in the mailbox: 300 ms of work each.
            s.inject(new SimInput.Flood("root/inventory", 20));
            s.advance(10);
            assertThat(s.states().get("root/inventory").mailbox()).isEqualTo(20);
            s.advance(2000 + 300 * 5);
            assertThat(s.states().get("root/inventory").mailbox()).isBetween(13, 16);
            seq = s.sequence();
            assertThat(count(seq, SequenceDiagram.Kind.CAST)).isEqualTo(1);
            assertThat(count(seq, SequenceDiagram.Kind.INFO)).isEqualTo(20);
        }
    }

    @Test
    void sessionsPerUser_aCrashedSessionIsRestartedAndOneThatEndsNormallyStaysGone() {
        try (var s = played(sample("sessions_per_user"), 650)) {
            var st = s.states();
            assertThat(st.get("root/sessions/alice").status()).isEqualTo(NodeStatus.RUNNING);
            assertThat(st.get("root/sessions/alice").restarts()).isEqualTo(1);
            assertThat(st.get("root/sessions/bob").status()).isNotEqualTo(NodeStatus.RUNNING);
            assertThat(st.get("root/registry").restarts()).isZero();
            assertThat(st.get("root/sessions").restarts()).isZero();
        }
    }

    @Test
    void taskFanout_aCrashingTaskUnderTheTaskSupervisorDoesNotTakeTheAggregatorDown() {
        try (var s = played(sample("task_fanout"), 450)) {
            var st = s.states();
            assertThat(st.get("root/tasks/shard1").status()).as("temporary: not restarted").isNotEqualTo(NodeStatus.RUNNING);
            assertThat(st.get("root/tasks/shard1").restarts()).isZero();
            assertThat(st.get("root/tasks/shard2").status()).isEqualTo(NodeStatus.RUNNING);
            assertThat(st.get("root/aggregator").status()).isEqualTo(NodeStatus.RUNNING);
            assertThat(st.get("root/aggregator").incarnation()).isEqualTo(1);
            assertThat(st.get("root/tasks").restarts()).isZero();
        }
    }
}
