package dev.canopy.app.ui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.app.ui.log.EventLogViewModel;
import dev.canopy.diagrams.design.Design;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One simulator per design: F5 again brings it back, or asks before restarting it with changes. */
class SimulationLauncherTest {
    private final SimulationLauncher launcher = new SimulationLauncher(Dispatch.inline(), new EventLogViewModel());
    private final Design strategies = Samples.load("strategies");
    private final Object document = new Object();

    @AfterEach
    void closeRuns() {
        List.copyOf(launcher.runs()).forEach(launcher::close);
    }

    @Test
    void running_the_same_design_again_focuses_its_run_instead_of_opening_another() {
        launcher.run(document, "strategies", strategies);
        SimulatorViewModel first = launcher.runs().getFirst();
        launcher.run(document, "strategies", strategies);
        assertThat(launcher.runs()).containsExactly(first);
        assertThat(launcher.focusRequestProperty().get()).isSameAs(first);
        launcher.run(new Object(), "another", strategies);
        assertThat(launcher.runs()).hasSize(2);
    }

    @Test
    void a_replay_runs_with_the_fault_script_on_from_the_start_and_a_plain_run_without() {
        launcher.run(document, "strategies", strategies, true);
        launcher.run(new Object(), "strategies", strategies);
        assertThat(launcher.runs()).extracting(r -> r.faultScriptOnProperty().get()).containsExactly(true, false);
    }

    @Test
    void a_changed_design_asks_and_keeps_or_replaces_the_run_in_its_place() {
        List<String> asked = new ArrayList<>();
        launcher.setConfirmRestart(q -> {
            asked.add(q);
            return false;
        });
        launcher.run(document, "strategies", strategies);
        SimulatorViewModel first = launcher.runs().getFirst();
        Design edited = strategies.withDescription("edited");
        launcher.run(document, "strategies", edited);
        assertThat(asked).singleElement().asString().contains("changed since its simulation started");
        assertThat(launcher.runs()).containsExactly(first);

        launcher.setConfirmRestart(q -> true);
        launcher.run(document, "strategies", edited);
        assertThat(launcher.runs()).hasSize(1);
        assertThat(launcher.runs().getFirst()).isNotSameAs(first);
        assertThat(launcher.runs().getFirst().design()).isEqualTo(edited);
        assertThat(first.isClosed()).isTrue();
    }
}
