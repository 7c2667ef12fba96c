package dev.canopy.diagrams.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The simulator's inspector reads a process's mailbox, links and monitors through the session. */
class ProcessDetailsTest {

    @Test
    void a_flooded_worker_shows_its_queued_messages_newest_last_and_its_link_to_its_supervisor() {
        try (var s = SimulationSessionTest.start(SimulationSessionTest.sample("strategies"), 1)) {
            s.inject(new SimInput.Send("root/one_for_one/b", "hello"));
            s.inject(new SimInput.Flood("root/one_for_one/b", 30));
            s.inject(new SimInput.Send("root/one_for_one/b", "last_one"));
            var d = s.details("root/one_for_one/b");
            assertThat(d.alive()).isTrue();
            assertThat(d.pid()).isEqualTo(s.states().get("root/one_for_one/b").pid());
            assertThat(d.mailboxSize()).isEqualTo(s.states().get("root/one_for_one/b").mailbox()).isGreaterThan(1);
            assertThat(d.messages()).hasSize(d.mailboxSize());
            assertThat(d.messages().getLast()).isEqualTo("\"last_one\"");
            assertThat(d.messages()).contains("\"flood\"");
            assertThat(d.links()).anyMatch(l -> l.endsWith("(root/one_for_one)"));
        }
    }

    @Test
    void a_supervisor_is_linked_to_its_children_and_a_dead_path_has_no_process() {
        try (var s = SimulationSessionTest.start(SimulationSessionTest.sample("strategies"), 1)) {
            var sup = s.details("root/one_for_one");
            assertThat(sup.links()).anyMatch(l -> l.endsWith("(root/one_for_one/a)"))
                    .anyMatch(l -> l.endsWith("(root/one_for_one/b)"));
            assertThat(s.details("root/nowhere").alive()).isFalse();
            s.inject(new SimInput.StopTree("root"));
            s.advance(10_000);
            var gone = s.details("root/one_for_one/b");
            assertThat(gone.alive()).isFalse();
            assertThat(gone.pid()).isNotEmpty();
            assertThat(gone.messages()).isEmpty();
        }
    }
}
