package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnapshotHandOverTest {
    private long now = 7;

    @Test
    void a_costly_snapshot_spaces_the_optional_publishes_so_that_they_take_a_quarter_of_the_engine_thread() {
        SnapshotHandOver h = new SnapshotHandOver(16_000_000L, () -> now);
        assertThat(h.deferIfTooSoon(false)).as("the first publish is due").isFalse();
        h.publishedIn(10_000_000L); // building it took 10 ms

        now += 20_000_000L; // past the configured 16 ms, but a 10 ms snapshot every 20 ms is half the thread
        assertThat(h.deferIfTooSoon(false)).isTrue();
        assertThat(h.intervalNanos()).isEqualTo(40_000_000L);
        assertThat(h.deferIfTooSoon(true)).as("a publish that must happen happens").isFalse();
        h.publishedIn(1_000_000L); // a cheap one: back to the configured interval

        now += 16_000_000L;
        assertThat(h.deferIfTooSoon(false)).isFalse();
    }

    @Test
    void without_an_interval_every_publish_happens() {
        SnapshotHandOver h = new SnapshotHandOver(0, () -> now);
        h.deferIfTooSoon(false);
        h.publishedIn(50_000_000L);
        assertThat(h.deferIfTooSoon(false)).isFalse();
    }
}
