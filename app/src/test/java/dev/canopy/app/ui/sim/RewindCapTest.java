package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.canopy.diagrams.sim.NodeState;
import dev.canopy.diagrams.sim.SimEvent;
import org.junit.jupiter.api.Test;

/**
 * Rewind keeps the first N inputs of a run (here 4): within that window a rewind reproduces the
 * live run exactly; past it, inputs still apply but are not kept, the log and status line say
 * so, and scrubbing stops just before the first input that was not kept.
 */
class RewindCapTest {

    @Test
    void rewind_keeps_the_first_inputs_exactly_and_says_where_it_stops() {
        SimulatorViewModel vm = new SimulatorViewModel(Samples.load("strategies"), 7, Runnable::run, 4);
        vm.run();
        vm.pull();
        String[] targets = {"root/one_for_one/b", "root/one_for_all/a", "root/rest_for_one/b"};
        long kept3At = -1;
        Map<String, NodeState> kept3States = null;
        List<SimEvent> kept3Log = null;
        long fifthAt = -1;
        for (int i = 0; i < 7; i++) {
            vm.advance(50);
            vm.pull();
            if (i == 4) fifthAt = vm.nowMsProperty().get();
            vm.kill(targets[i % targets.length]);
            vm.advance(20);
            vm.pull();
            if (i == 2) {
                kept3At = vm.nowMsProperty().get();
                kept3States = vm.statesProperty().get();
                kept3Log = List.copyOf(vm.events());
            }
        }
        vm.pull();
        assertThat(vm.inputs()).hasSize(4);
        String limitText = "up to " + (fifthAt - 1) + " ms";
        assertThat(vm.events()).anyMatch(e -> e.text().contains("rewind history is full: the first 4 inputs are kept")
                && e.text().contains(limitText));

        // Within the kept window: exactly the live run.
        vm.scrubTo(kept3At);
        vm.pull();
        assertThat(vm.nowMsProperty().get()).isEqualTo(kept3At);
        assertThat(vm.statesProperty().get()).isEqualTo(kept3States);
        assertThat(vm.events()).containsExactlyElementsOf(kept3Log);

        // Past it: scrubbing stops just before the first input not kept, and says why.
        vm.scrubTo(vm.branchEndMsProperty().get());
        vm.pull();
        assertThat(vm.nowMsProperty().get()).isEqualTo(fifthAt - 1);
        assertThat(vm.statusProperty().get()).contains("rewind reaches only the first 4 inputs");

        // Continuing from there is a new branch: the kept four, and the record is full again at once.
        vm.kill("root/one_for_one/b");
        vm.pull();
        assertThat(vm.inputs()).hasSize(4);
        assertThat(vm.statusProperty().get()).startsWith("Rewind history is full");
        vm.close();
    }
}
