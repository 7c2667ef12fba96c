package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.sim.SimInput;
import org.junit.jupiter.api.Test;

/** The simulator's inspector, toolkit-free: selecting a process reads its mailbox, links, monitors and its supervisor's intensity. */
class ProcessSummaryTest {
    private final Design strategies = Samples.load("strategies");

    @Test
    void selecting_a_flooded_worker_shows_its_mailbox_newest_last_its_links_and_its_supervisors_intensity() {
        SimulatorViewModel vm = new SimulatorViewModel(strategies, 7, Runnable::run);
        vm.run();
        vm.pull();
        vm.kill("root/one_for_one/b");
        vm.inject(new SimInput.Flood("root/one_for_one/b", 25));
        vm.inject(new SimInput.Send("root/one_for_one/b", "newest"));
        vm.selectedPathProperty().set("root/one_for_one/b");
        vm.pull();

        var details = vm.detailsProperty().get();
        assertThat(details).as("selecting a node reads its process").isNotNull();
        var sum = ProcessSummary.of("root/one_for_one/b", vm.statesProperty().get(), details);
        assertThat(sum.title()).isEqualTo("b");
        assertThat(sum.pid()).isEqualTo(vm.statesProperty().get().get("root/one_for_one/b").pid()).startsWith("<");
        assertThat(sum.status()).isEqualTo("running");
        assertThat(sum.restarts()).isEqualTo("1 restart");
        assertThat(sum.mailboxSize()).isGreaterThan(1);
        assertThat(sum.messages()).hasSize(sum.mailboxSize()).endsWith("\"newest\"");
        assertThat(sum.mailboxNote()).contains("newest last");
        assertThat(sum.links()).anyMatch(l -> l.endsWith("(root/one_for_one)"));
        assertThat(sum.supervisorIntensity()).startsWith("one_for_one: 1 restart in the last");
        assertThat(sum.lastExit()).isEqualTo(":killed");
    }

    @Test
    void switching_the_selection_drops_the_old_process_and_reads_the_new_one() {
        SimulatorViewModel vm = new SimulatorViewModel(strategies, 7, Runnable::run);
        vm.run();
        vm.pull();
        vm.selectedPathProperty().set("root/one_for_one/b");
        vm.pull();
        vm.selectedPathProperty().set("root/one_for_one");
        assertThat(vm.detailsProperty().get()).as("not yet read").isNull();
        vm.pull();
        assertThat(vm.detailsProperty().get().path()).isEqualTo("root/one_for_one");
        var sum = ProcessSummary.of("root/one_for_one", vm.statesProperty().get(), vm.detailsProperty().get());
        assertThat(sum.ownIntensity()).startsWith("one_for_one: 0 restarts");
        assertThat(sum.trapsExits()).startsWith("yes");
    }
}
