package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.render.StyleToken;
import dev.canopy.diagrams.sim.NodeStatus;
import dev.canopy.diagrams.sim.SimEvent;
import dev.canopy.diagrams.sim.SimInput;
import org.junit.jupiter.api.Test;

/** The simulator's view model with its engine work run inline (a direct executor), no toolkit. */
class SimulatorViewModelTest {

    private final Design strategies = Samples.load("strategies");

    private SimulatorViewModel started() {
        SimulatorViewModel vm = new SimulatorViewModel(strategies, 7, Runnable::run);
        vm.run();
        assertThat(vm.pull()).isTrue();
        return vm;
    }

    @Test
    void run_publishes_one_snapshot_with_states_log_and_a_full_canvas_tree() {
        SimulatorViewModel vm = started();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.statesProperty().get()).containsKey("root/one_for_all/b");
        assertThat(vm.statesProperty().get().get("root/one_for_all/b").status()).isEqualTo(NodeStatus.RUNNING);
        assertThat(vm.events()).isNotEmpty();
        assertThat(vm.events().getFirst().text()).isNotBlank();
        var update = vm.canvasUpdateProperty().get();
        assertThat(update.tree()).isPresent();
        assertThat(update.tree().get().size()).isEqualTo(13);
        assertThat(update.visuals()).hasSize(13);
        assertThat(vm.pull()).as("nothing new until the engine did something").isFalse();
    }

    @Test
    void a_fault_is_recorded_as_an_input_and_restyles_and_flashes_only_what_changed() {
        SimulatorViewModel vm = started();
        vm.kill("root/one_for_one/b");
        assertThat(vm.pull()).isTrue();
        assertThat(vm.inputs()).hasSize(1);
        assertThat(vm.inputs().getFirst().input()).isEqualTo(new SimInput.Kill("root/one_for_one/b"));
        var update = vm.canvasUpdateProperty().get();
        assertThat(update.tree()).as("a restart keeps the structure").isEmpty();
        assertThat(update.visuals()).extracting(v -> v.key()).contains("root/one_for_one/b")
                .doesNotContain("root/one_for_all/a");
        assertThat(update.exits()).extracting(SimVisualMapper.Exit::path).containsExactly("root/one_for_one/b");
        var b = update.visuals().stream().filter(v -> v.key().equals("root/one_for_one/b")).findFirst().orElseThrow();
        assertThat(b.restarts()).isEqualTo(1);
        assertThat(b.state()).isEqualTo(StyleToken.STATE_RUNNING);
        assertThat(vm.statesProperty().get().get("root/one_for_one").intensityFill()).isGreaterThan(0);
        assertThat(vm.events()).extracting(SimEvent::kind).contains(SimEvent.Kind.INPUT, SimEvent.Kind.RESTARTED);
    }

    @Test
    void play_advances_virtual_time_by_speed_times_wall_clock() {
        SimulatorViewModel vm = started();
        vm.speedProperty().set(10);
        vm.play();
        long t0 = 1_000_000_000L;
        vm.frame(t0);
        vm.frame(t0 + 16_000_000L); // 16 ms of wall clock at 10x
        assertThat(vm.nowMsProperty().get()).isEqualTo(160);
        vm.speedProperty().set(0.1);
        vm.frame(t0 + 32_000_000L); // 1.6 ms -> 1 ms now, 0.6 carried
        vm.frame(t0 + 48_000_000L); // 1.6 + 0.6 -> 2 ms
        assertThat(vm.nowMsProperty().get()).isEqualTo(163);
        vm.speedProperty().set(1000);
        assertThat(vm.speedProperty().get()).isEqualTo(SimulatorViewModel.MAX_SPEED);
        vm.pause();
        vm.frame(t0 + 64_000_000L);
        assertThat(vm.nowMsProperty().get()).isEqualTo(163);
    }

    @Test
    void scrubbing_back_replays_and_continuing_drops_later_inputs_as_a_new_branch() {
        SimulatorViewModel vm = started();
        vm.advance(100);
        vm.kill("root/one_for_one/b");
        vm.advance(100);
        vm.kill("root/rest_for_one/b");
        vm.advance(100);
        vm.pull();
        assertThat(vm.inputs()).hasSize(2);
        assertThat(vm.nowMsProperty().get()).isEqualTo(300);

        vm.scrubTo(150);
        vm.pull();
        assertThat(vm.nowMsProperty().get()).isEqualTo(150);
        assertThat(vm.scrubbedAtMsProperty().get()).isEqualTo(150);
        assertThat(vm.statusProperty().get()).contains("Rewound to 150 ms").contains("1 input");
        assertThat(vm.statesProperty().get().get("root/one_for_one/b").restarts()).isEqualTo(1);
        assertThat(vm.statesProperty().get().get("root/rest_for_one/b").restarts()).isZero();
        assertThat(vm.events()).extracting(SimEvent::atMs).allMatch(t -> t <= 150);

        vm.scrubTo(300); // forward again on the same branch: nothing dropped yet
        vm.pull();
        assertThat(vm.statesProperty().get().get("root/rest_for_one/b").restarts()).isEqualTo(1);

        vm.scrubTo(150);
        vm.advance(10);
        vm.pull();
        assertThat(vm.statusProperty().get()).contains("Continuing from 150 ms").contains("dropped 1 input");
        assertThat(vm.inputs()).hasSize(1);
        assertThat(vm.scrubbedAtMsProperty().get()).isEqualTo(-1);
        assertThat(vm.nowMsProperty().get()).isEqualTo(160);
    }

    @Test
    void the_same_seed_and_inputs_replay_the_same_run_and_a_new_seed_restarts() {
        SimulatorViewModel vm = started();
        vm.raise("root/one_for_all/b");
        vm.advance(50);
        vm.pull();
        List<String> first = vm.events().stream().map(SimEvent::text).toList();
        vm.rewind();
        vm.scrubTo(50);
        vm.pull();
        assertThat(vm.events().stream().map(SimEvent::text).toList()).isEqualTo(first);

        vm.restartWithSeed(99);
        vm.pull();
        assertThat(vm.seedProperty().get()).isEqualTo(99);
        assertThat(vm.inputs()).isEmpty();
        assertThat(vm.nowMsProperty().get()).isZero();
    }

    @Test
    void log_filters_by_kind_and_node_and_selecting_an_entry_selects_its_node() {
        SimulatorViewModel vm = started();
        vm.raise("root/one_for_all/b");
        vm.pull();
        vm.kindFilterProperty().set(EnumSet.of(SimEvent.Kind.STOPPED_BY_SUPERVISOR));
        assertThat(vm.visibleEvents()).isNotEmpty().allMatch(e -> e.kind() == SimEvent.Kind.STOPPED_BY_SUPERVISOR);
        assertThat(vm.visibleEvents()).extracting(SimEvent::path).containsExactly("root/one_for_all/c", "root/one_for_all/a");
        vm.kindFilterProperty().set(EnumSet.allOf(SimEvent.Kind.class));
        vm.nodeFilterProperty().set("root/one_for_all/c");
        assertThat(vm.visibleEvents()).isNotEmpty().allMatch(e -> e.path().equals("root/one_for_all/c"));
        vm.selectEvent(vm.visibleEvents().getFirst());
        assertThat(vm.selectedPathProperty().get()).isEqualTo("root/one_for_all/c");
    }

    @Test
    void the_fault_script_plays_when_virtual_time_reaches_it() {
        SimulatorViewModel vm = new SimulatorViewModel(strategies, 7, Runnable::run);
        vm.useFaultScript(true);
        vm.run();
        vm.advance(400);
        vm.pull();
        assertThat(vm.inputs()).extracting(t -> t.atMs()).containsExactly(100L, 300L);
        assertThat(vm.statesProperty().get().get("root/one_for_all/c").restarts()).isEqualTo(1);
    }

    @Test
    void turning_the_fault_script_on_mid_run_applies_it_from_now_on_and_says_so() {
        SimulatorViewModel vm = started();
        vm.advance(200);
        vm.pull();
        vm.useFaultScript(true);
        vm.pull();
        assertThat(vm.statusProperty().get()).startsWith("Fault script on from 200 ms (it applies from now on)")
                .contains("3 of its 4 steps will play").contains("1 earlier step was before now");
        vm.advance(200);
        vm.pull();
        assertThat(vm.inputs()).extracting(t -> t.atMs()).containsExactly(300L);
        vm.useFaultScript(false);
        vm.pull();
        assertThat(vm.statusProperty().get()).isEqualTo("Fault script off: its remaining steps will not play");
    }

    @Test
    void an_invalid_design_reports_its_problems_and_does_not_run() {
        Design bad = strategies.withRoot(strategies.root().withId("Not An Atom"));
        SimulatorViewModel vm = new SimulatorViewModel(bad, 1, Runnable::run);
        vm.run();
        vm.pull();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.problems()).isNotEmpty();
        assertThat(vm.statusProperty().get()).contains("problems");
    }

    @Test
    void a_busy_engine_coalesces_snapshots_without_losing_log_lines() {
        SimulatorViewModel vm = started();
        vm.pull();
        int before = vm.events().size();
        for (int i = 0; i < 20; i++) vm.kill("root/one_for_one/a"); // no pull in between: one hand-over
        assertThat(vm.pull()).isTrue();
        assertThat(vm.pull()).isFalse();
        assertThat(vm.inputs()).hasSize(20);
        assertThat(vm.events().size() - before).isGreaterThanOrEqualTo(20 * 2);
        assertThat(vm.events().stream().filter(e -> e.kind() == SimEvent.Kind.INPUT).count()).isEqualTo(20);
    }

    @Test
    void under_a_stream_of_commands_publishing_is_paced_and_an_owed_snapshot_comes_with_the_next_frame() {
        // The ticker starts near zero, as System.nanoTime() does on a machine that just booted.
        long[] now = {5};
        SimulatorViewModel vm = new SimulatorViewModel(strategies, 7, Runnable::run, 3_600_000_000_000L, () -> now[0]);
        vm.run();
        assertThat(vm.pull()).isTrue();
        vm.kill("root/one_for_one/a");
        vm.kill("root/one_for_one/c");
        assertThat(vm.pull()).as("paced: nothing published yet").isFalse();
        assertThat(vm.frame(1L)).isTrue();
        assertThat(vm.inputs()).hasSize(2);
        assertThat(vm.statesProperty().get().get("root/one_for_one/c").restarts()).isEqualTo(1);
    }

    @Test
    void once_the_interval_has_passed_a_command_publishes_at_once() {
        long[] now = {0};
        SimulatorViewModel vm = new SimulatorViewModel(strategies, 7, Runnable::run, 1_000_000L, () -> now[0]);
        vm.run();
        assertThat(vm.pull()).isTrue();
        vm.kill("root/one_for_one/a");
        assertThat(vm.pull()).as("within the interval: deferred").isFalse();
        now[0] += 1_000_000L;
        vm.kill("root/one_for_one/c");
        assertThat(vm.pull()).as("after the interval: published").isTrue();
        assertThat(vm.inputs()).hasSize(2);
    }
}
