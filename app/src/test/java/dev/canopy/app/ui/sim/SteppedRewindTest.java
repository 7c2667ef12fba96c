package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.canopy.diagrams.sim.NodeState;
import dev.canopy.diagrams.sim.SimEvent;
import org.junit.jupiter.api.Test;

/** A run stepped by hand, with faults between the steps, rewinds and comes back to exactly the same state. */
class SteppedRewindTest {

    @Test
    void rewinding_a_stepped_run_and_scrubbing_back_to_its_end_reproduces_it() {
        SimulatorViewModel vm = new SimulatorViewModel(Samples.load("strategies"), 7, Runnable::run);
        vm.run();
        vm.pull();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 7; i++) vm.step();
            vm.kill(round % 2 == 0 ? "root/one_for_one/b" : "root/one_for_all/a");
            vm.step();
            vm.advance(37);
            vm.raise("root/rest_for_one/b");
            for (int i = 0; i < 3; i++) vm.step();
        }
        vm.pull();
        long end = vm.nowMsProperty().get();
        Map<String, NodeState> live = vm.statesProperty().get();
        List<SimEvent> liveLog = List.copyOf(vm.events());

        vm.rewind();
        vm.pull();
        assertThat(vm.nowMsProperty().get()).isZero();
        vm.scrubTo(end);
        vm.pull();
        assertThat(vm.nowMsProperty().get()).isEqualTo(end);
        assertThat(vm.statesProperty().get()).isEqualTo(live);
        assertThat(vm.events()).containsExactlyElementsOf(liveLog);
        vm.close();
    }
}
