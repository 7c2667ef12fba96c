package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.diagrams.sim.TimedInput;
import dev.canopy.engine.supervisor.Strategy;
import org.junit.jupiter.api.Test;

/** The three strategies side by side on the strategies sample, run inline. */
class CompareViewModelTest {

    private final Design strategies = Samples.load("strategies");

    @Test
    void the_sample_fault_under_each_strategy() {
        TimedInput fault = CompareViewModel.firstScriptedFault(strategies).orElseThrow();
        assertThat(fault.atMs()).isEqualTo(100);
        assertThat(fault.input()).isEqualTo(new SimInput.Raise("root/one_for_one/b"));

        CompareViewModel vm = new CompareViewModel(strategies, fault.input(), fault.atMs(), 1000, 7, Runnable::run, Runnable::run);
        assertThat(vm.supervisorPath()).isEqualTo("root/one_for_one");
        vm.run();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.results()).extracting(CompareViewModel.Result::strategy)
                .containsExactly(Strategy.ONE_FOR_ONE, Strategy.ONE_FOR_ALL, Strategy.REST_FOR_ONE);

        var oneForOne = vm.results().get(0);
        var oneForAll = vm.results().get(1);
        var restForOne = vm.results().get(2);
        assertThat(oneForOne.restarted()).isEqualTo(1);
        assertThat(oneForOne.stopped()).isZero();
        assertThat(oneForAll.restarted()).isEqualTo(3);
        assertThat(oneForAll.stopped()).isEqualTo(2);
        assertThat(restForOne.restarted()).isEqualTo(2);
        assertThat(restForOne.stopped()).isEqualTo(1);
        assertThat(oneForAll.summary()).isEqualTo("3 restarted · 2 stopped by the supervisor");
        assertThat(oneForAll.states().get("root/one_for_one/a").restarts()).isEqualTo(1);
        assertThat(oneForOne.states().get("root/one_for_one/a").restarts()).isZero();
        assertThat(oneForAll.tree().size()).isEqualTo(13);
        assertThat(vm.statusProperty().get()).contains("seed (7)").contains("root/one_for_one");
    }

    @Test
    void the_varied_supervisor_is_the_nearest_static_one() {
        assertThat(CompareViewModel.supervisorOf(strategies, "root/rest_for_one/c")).contains("root/rest_for_one");
        assertThat(CompareViewModel.supervisorOf(strategies, "root")).isEmpty();
    }
}
