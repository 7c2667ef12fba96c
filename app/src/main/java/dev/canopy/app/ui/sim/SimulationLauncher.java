package dev.canopy.app.ui.sim;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.canopy.app.ui.Dispatch;
import dev.canopy.app.ui.log.EventLogViewModel;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignFiles;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.design.LoadResult;
import dev.canopy.diagrams.sim.SimInput;
import dev.canopy.diagrams.sim.TimedInput;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's side of the simulator: reads a design file off the FX thread and opens a
 * run of it ({@link SimulatorViewModel}) or a strategy comparison ({@link CompareViewModel});
 * the views show what is added to {@link #runs()} and {@link #comparisons()}. Toolkit-free.
 */
public final class SimulationLauncher {
    /** The seed a new run starts with (editable in the simulator's toolbar). */
    public static final long DEFAULT_SEED = 1;

    private final Dispatch dispatch;
    private final EventLogViewModel log;
    private final ObservableList<SimulatorViewModel> runs = FXCollections.observableArrayList();
    private final ObservableList<CompareViewModel> comparisons = FXCollections.observableArrayList();
    private final ObservableList<SequenceViewModel> sequences = FXCollections.observableArrayList();

    public SimulationLauncher(Dispatch dispatch, EventLogViewModel log) {
        this.dispatch = dispatch;
        this.log = log;
    }

    /** Runs a design as it is now (unsaved edits included). */
    public void run(String name, Design design) {
        SimulatorViewModel vm = SimulatorViewModel.create(design, DEFAULT_SEED);
        runs.add(vm);
        vm.run();
        log.info("Simulating " + name + " (seed " + DEFAULT_SEED + "): right-click a node for faults, F5 runs again");
    }

    /** Compares the strategies for a design as it is now. */
    public void compare(String name, Design design) {
        Optional<TimedInput> fault = CompareViewModel.firstScriptedFault(design).or(() -> firstWorkerCrash(design));
        if (fault.isEmpty()) {
            log.warning("Nothing to compare in " + name + ": it has no supervisor with children");
            return;
        }
        compare(design, fault.get().input(), fault.get().atMs());
    }

    /** Runs the design saved at {@code file} (named {@code name} in messages). */
    public void run(String name, Optional<Path> file) {
        load(name, file, design -> run(name, design));
    }

    /** Compares the three strategies for the design's first scripted fault, or a crash of its first supervised worker. */
    public void compare(String name, Optional<Path> file) {
        load(name, file, design -> compare(name, design));
    }

    /** Compares the strategies for one fault of a design at a virtual time. */
    public void compare(Design design, SimInput fault, long atMs) {
        CompareViewModel vm = new CompareViewModel(design, fault, atMs, atMs + 5_000, DEFAULT_SEED, dispatch.background(),
                dispatch.ui());
        comparisons.add(vm);
        log.info("Comparing one_for_one, one_for_all and rest_for_one for: " + fault.describe());
    }

    /** The sequence diagram of a run as far as it has got (replayed in the background). */
    public void sequence(SimulatorViewModel run) {
        sequences.add(new SequenceViewModel(run.design(), run.seedProperty().get(), List.copyOf(run.inputs()),
                Math.max(run.nowMsProperty().get(), run.branchEndMsProperty().get()), dispatch));
        log.info("Sequence diagram of " + run.design().name() + " up to " + run.nowMsProperty().get() + " ms");
    }

    public ObservableList<SequenceViewModel> sequences() {
        return sequences;
    }

    public void closeSequence(SequenceViewModel vm) {
        sequences.remove(vm);
    }

    public void close(SimulatorViewModel run) {
        if (runs.remove(run)) run.close();
    }

    public void closeComparison(CompareViewModel vm) {
        comparisons.remove(vm);
    }

    public ObservableList<SimulatorViewModel> runs() {
        return runs;
    }

    public ObservableList<CompareViewModel> comparisons() {
        return comparisons;
    }

    private static Optional<TimedInput> firstWorkerCrash(Design design) {
        return DesignPaths.allPaths(design).stream()
                .filter(p -> CompareViewModel.supervisorOf(design, p).isPresent())
                .filter(p -> DesignPaths.find(design, p).map(n -> n.children().isEmpty()).orElse(false))
                .findFirst()
                .map(p -> new TimedInput(100, new SimInput.Raise(p)));
    }

    private void load(String name, Optional<Path> file, java.util.function.Consumer<Design> then) {
        if (file.isEmpty()) {
            log.warning("Save " + name + " first: the simulator runs the saved design file");
            return;
        }
        Path f = file.get();
        dispatch.async(() -> DesignFiles.load(f), result -> {
            switch (result) {
                case LoadResult.Loaded l -> then.accept(l.design());
                case LoadResult.Failed failed -> log.error("Cannot simulate " + name + ": "
                        + failed.problems().stream().map(DesignProblem::toString).findFirst().orElse("it did not load"));
            }
        });
    }
}
