package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A supervisor giving up, and the run ending, become notices (ControlsFX notifications in the view). */
class RunNoticeTest {

    @Test
    void a_restart_storm_notices_the_supervisor_giving_up_and_then_the_run_ending() {
        SimulatorViewModel vm = new SimulatorViewModel(Samples.load("restart_storm"), 1, Runnable::run);
        List<RunNotice> seen = new ArrayList<>();
        vm.noticeProperty().addListener((o, a, n) -> seen.add(n));
        vm.useFaultScript(true);
        vm.run();
        vm.pull();
        assertThat(seen).as("starting is no news").isEmpty();
        for (int i = 0; i < 100; i++) {
            vm.advance(100);
            vm.pull();
        }
        assertThat(seen).anyMatch(n -> !n.ended() && n.title().contains("gave up") && n.text().contains("gave up"));
        assertThat(seen.getLast().ended()).isTrue();
        assertThat(seen.getLast().title()).isEqualTo("The run ended");
        assertThat(seen.getLast().text()).contains("gave up");

        int before = seen.size();
        vm.rewind();
        vm.pull();
        assertThat(seen).as("a replay re-lives old events: no new notices").hasSize(before);
    }
}
