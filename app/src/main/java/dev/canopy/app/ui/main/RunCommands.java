package dev.canopy.app.ui.main;

import java.util.List;

import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.edit.ProblemIndex;
import dev.canopy.app.ui.log.EventLogViewModel;
import dev.canopy.app.ui.sim.SimulationLauncher;
import dev.canopy.app.ui.sim.SimulatorViewModel;
import dev.canopy.app.ui.text.Plural;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * The Simulate menu's commands on the design in front: run it (refused, with every problem
 * listed, while it breaks a rule), compare the restart strategies, check it against real OTP.
 */
final class RunCommands {

    private final SimulationLauncher simulations;
    private final EventLogViewModel log;
    private final StringProperty status;
    private final ObjectProperty<DocumentViewModel> active;
    private final ObjectProperty<SimulatorViewModel> activeSimulation;
    private final ObjectProperty<BlockedRun> blocked = new SimpleObjectProperty<>(this, "blocked");

    RunCommands(SimulationLauncher simulations, EventLogViewModel log, StringProperty status,
            ObjectProperty<DocumentViewModel> active, ObjectProperty<SimulatorViewModel> activeSimulation) {
        this.simulations = simulations;
        this.log = log;
        this.status = status;
        this.active = active;
        this.activeSimulation = activeSimulation;
    }

    /** Runs the active design as it is now; with {@code playScript} its fault script plays from the start. */
    void simulate(boolean playScript) {
        DocumentViewModel doc = active.get();
        if (doc == null) {
            log.warning("Open a design first: the simulator runs the active design");
            return;
        }
        ProblemIndex problems = ProblemIndex.validate(doc.design());
        if (problems.hasErrors()) {
            List<ProblemIndex.Placed> errors = problems.placed().stream().filter(p -> p.problem().isError()).toList();
            String name = doc.nameProperty().get();
            log.error("Cannot simulate " + name + ": the design has " + Plural.of(errors.size(), "problem")
                    + "; fix " + (errors.size() == 1 ? "it" : "them") + " first");
            for (ProblemIndex.Placed p : errors) log.error("  " + BlockedRun.where(p) + ": " + p.problem().message());
            status.set("Cannot simulate " + name + ": " + Plural.of(errors.size(), "problem") + " to fix");
            blocked.set(new BlockedRun(doc, errors));
            return;
        }
        blocked.set(null);
        simulations.run(doc, doc.nameProperty().get(), doc.design(), playScript);
    }

    /** The last run that could not start because of problems (null once a run starts). */
    ObjectProperty<BlockedRun> blockedProperty() {
        return blocked;
    }

    /** Compares one_for_one, one_for_all and rest_for_one for a fault of the active design. */
    void compareStrategies() {
        DocumentViewModel doc = active.get();
        if (doc == null) {
            log.warning("Open a design first: the comparison runs the active design");
            return;
        }
        simulations.compare(doc.nameProperty().get(), doc.design());
    }

    /**
     * Runs the design in front on our engine and on real OTP and shows the two traces: the
     * simulated design with its seed when a simulator tab is in front, else the active design.
     */
    void checkAgainstOtp() {
        SimulatorViewModel run = activeSimulation.get();
        if (run != null) {
            simulations.checkAgainstOtp(run.design(), run.seedProperty().get());
            return;
        }
        DocumentViewModel doc = active.get();
        if (doc == null) {
            log.warning("Open a design first: the check runs the active design and its fault script");
            return;
        }
        simulations.checkAgainstOtp(doc.design(), SimulationLauncher.DEFAULT_SEED);
    }
}
