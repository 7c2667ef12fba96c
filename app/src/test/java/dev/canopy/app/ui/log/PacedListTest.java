package dev.canopy.app.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class PacedListTest {
    private long now = 1_000;

    @Test
    void a_stream_of_changes_is_shown_at_most_once_per_interval_and_the_last_one_is_never_held_back() {
        ObservableList<String> log = FXCollections.observableArrayList("a");
        PacedList<String> paced = new PacedList<>(log, 100, () -> now);
        assertThat(paced.shown()).containsExactly("a");

        log.add("b");
        assertThat(paced.sync()).as("nothing shown for a whole interval: at once").isTrue();
        assertThat(paced.shown()).containsExactly("a", "b");

        now += 10;
        log.add("c");
        log.add("d");
        assertThat(paced.sync()).as("10 ns after the last").isFalse();
        assertThat(paced.shown()).containsExactly("a", "b");
        assertThat(paced.isStale()).isTrue();

        now += 90;
        assertThat(paced.sync()).isTrue();
        assertThat(paced.shown()).containsExactly("a", "b", "c", "d");
        assertThat(paced.isStale()).isFalse();

        now += 1_000;
        assertThat(paced.sync()).as("no change: nothing to do").isFalse();
    }

    @Test
    void sync_now_answers_at_once_whatever_the_interval() {
        ObservableList<String> log = FXCollections.observableArrayList();
        PacedList<String> paced = new PacedList<>(log, 1_000_000, () -> now);
        log.add("a");
        paced.sync();
        log.remove("a");
        paced.syncNow();
        assertThat(paced.shown()).isEmpty();
    }
}
