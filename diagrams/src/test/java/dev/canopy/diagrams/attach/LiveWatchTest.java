package dev.canopy.diagrams.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LiveWatchTest {

    static LiveProcess worker(String id, String pid) {
        return new LiveProcess(id, "worker", pid, "running", "", 0, 100, "", "m", "start_link", List.of(), "permanent",
                "5000", false, true, "worker", List.of("m"), "", -1, -1, "", "", List.of(), Optional.empty());
    }

    static BridgeMessage snapshot(long t, String topPid, String wPid) {
        LiveProcess top = new LiveProcess("top", "supervisor", topPid, "running", "top", 0, 100, "top", "", "", List.of(),
                "", "", false, false, "supervisor", List.of(), "one_for_one", 1, 5, "never", "", List.of(worker("w", wPid)),
                Optional.empty());
        return new BridgeMessage.Snapshot(new LiveSnapshot(t, List.of(new LiveNode("n@h", true,
                List.of(new LiveApp("app", "", "1", Optional.of(top)))))));
    }

    @Test
    void a_new_pid_at_the_same_place_is_a_restart() {
        LiveWatch w = new LiveWatch();
        w.accept(snapshot(1, "<1.1.0>", "<1.2.0>"));
        w.accept(snapshot(2, "<1.1.0>", "<1.3.0>"));
        assertThat(w.events()).containsExactly(new LiveEvent.Restart("n@h", List.of("app", "w"), "<1.2.0>", "<1.3.0>", 2));
        assertThat(w.history("n@h", List.of("app", "w"))).hasSize(1);
    }

    @Test
    void a_node_that_went_away_and_came_back_has_no_restarts() {
        LiveWatch w = new LiveWatch();
        w.accept(snapshot(1, "<1.1.0>", "<1.2.0>"));
        w.accept(new BridgeMessage.Disconnected("n@h", 2));
        w.accept(snapshot(3, "<1.7.0>", "<1.8.0>"));
        assertThat(w.events()).noneMatch(e -> e instanceof LiveEvent.Restart);
    }
}
