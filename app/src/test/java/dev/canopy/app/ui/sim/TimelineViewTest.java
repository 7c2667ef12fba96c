package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline's redraw pacing runs on an injected ticker, not on the machine's uptime. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimelineViewTest {

    @Start
    void start(Stage stage) {
    }

    @Test
    void the_first_frame_while_playing_is_drawn_even_on_a_ticker_that_starts_at_zero() throws Exception {
        // A ticker at 0, as System.nanoTime() is on a machine that just booted.
        AtomicLong nanos = new AtomicLong(0);
        boolean[] drawn = new boolean[4];
        WaitForAsyncUtils.asyncFx(() -> {
            SimulatorViewModel vm = new SimulatorViewModel(Samples.load("strategies"), 7, Runnable::run);
            TimelineView view = new TimelineView(vm, nanos::get);
            view.resize(400, TimelineView.HEIGHT);
            view.layout();
            vm.play();
            vm.pull();
            drawn[0] = view.redrawIfDirty();
            vm.advance(10);
            vm.pull();
            nanos.addAndGet(TimelineView.MIN_REDRAW_NANOS / 2);
            drawn[1] = view.redrawIfDirty();
            nanos.addAndGet(TimelineView.MIN_REDRAW_NANOS / 2);
            drawn[2] = view.redrawIfDirty();
            drawn[3] = view.redrawIfDirty();
            vm.close();
        }).get();
        assertThat(drawn[0]).as("the first frame is drawn at once").isTrue();
        assertThat(drawn[1]).as("while playing, a change within the interval waits").isFalse();
        assertThat(drawn[2]).as("and is drawn once the interval has passed").isTrue();
        assertThat(drawn[3]).as("nothing changed since").isFalse();
    }

    @Test
    void the_handle_stands_at_the_current_times_share_of_the_strip() {
        TimelineModel half = new TimelineModel(java.util.List.of(), java.util.List.of(), 1000, 500, -1);
        assertThat(TimelineView.handleX(half, 420)).isEqualTo(210); // 10 px padding + half of 400
        TimelineModel end = new TimelineModel(java.util.List.of(), java.util.List.of(), 1000, 1000, -1);
        assertThat(TimelineView.handleX(end, 420)).isEqualTo(410);
    }
}
