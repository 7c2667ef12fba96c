package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Closing a simulation while frames still arrive (the storm benchmark's race) throws nothing. */
class SimulatorCloseTest {

    @Test
    void frames_and_commands_after_close_are_no_ops_even_when_the_engine_executor_is_gone() throws Exception {
        ExecutorService engine = Executors.newSingleThreadExecutor();
        SimulatorViewModel vm = new SimulatorViewModel(Samples.load("strategies"), 7, engine, 16_000_000L, () -> 0L);
        vm.play();
        vm.advance(50);
        vm.close();
        engine.shutdown();
        assertThat(engine.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThatCode(() -> {
            assertThat(vm.frame(1_000_000_000L)).isFalse();
            vm.advance(10);
            vm.step();
            vm.kill("root/one_for_one/b");
            vm.scrubTo(5);
            vm.close();
        }).doesNotThrowAnyException();
        assertThat(vm.closedProperty().get()).isTrue();
        assertThat(vm.pendingTasks()).isZero();
    }

    @Test
    void a_submission_the_executor_rejects_while_shutting_down_is_dropped() {
        List<Runnable> ran = new ArrayList<>();
        boolean[] shuttingDown = {false};
        Executor engine = task -> {
            if (shuttingDown[0]) throw new java.util.concurrent.RejectedExecutionException("shutting down");
            ran.add(task);
            task.run();
        };
        SimulatorViewModel vm = new SimulatorViewModel(Samples.load("strategies"), 7, engine);
        vm.run();
        shuttingDown[0] = true; // the executor goes away before the view model hears of it
        assertThatCode(() -> {
            vm.advance(10);
            vm.frame(0);
        }).doesNotThrowAnyException();
        assertThat(vm.pendingTasks()).isZero();
        assertThat(ran).hasSize(1);
    }

    @Test
    void closing_marks_the_view_model_closed_before_it_stops_the_engine() {
        List<String> order = new ArrayList<>();
        SimulatorViewModel vm = new SimulatorViewModel(Samples.load("strategies"), 7, task -> {
            order.add("engine task");
            task.run();
        });
        vm.run();
        order.clear();
        vm.closedProperty().addListener((o, a, b) -> order.add("closed"));
        vm.close();
        assertThat(order).containsExactly("closed", "engine task");
    }
}
