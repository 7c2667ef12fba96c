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
    private final java.util.Map<Object, SimulatorViewModel> byOwner = new java.util.HashMap<>();
    private final javafx.beans.property.ObjectProperty<SimulatorViewModel> focusRequest =
            new javafx.beans.property.SimpleObjectProperty<>(this, "focusRequest");
    private java.util.function.Predicate<String> confirmRestart = question -> true;
    private final ObservableList<dev.canopy.app.ui.otp.OtpCheckViewModel> otpChecks = FXCollections.observableArrayList();
    private java.util.function.Supplier<dev.canopy.app.ui.otp.OtpRunner> otpRunner = dev.canopy.app.ui.otp.OtpRunner::forThisApp;
    private final ObservableList<SequenceViewModel> sequences = FXCollections.observableArrayList();

    public SimulationLauncher(Dispatch dispatch, EventLogViewModel log) {
        this.dispatch = dispatch;
        this.log = log;
    }

    /** Runs a design as it is now (unsaved edits included). */
    public void run(String name, Design design) {
        run(new Object(), name, design);
    }

    /**
     * Runs the design of {@code owner} (an open document) as it is now. One run per owner: when
     * it already has one, its tab comes to the front; if the design changed since that run
     * started, {@link #setConfirmRestart the view asks} whether to restart it with the changes.
     */
    public void run(Object owner, String name, Design design) {
        run(owner, name, design, false);
    }

    /**
     * As {@link #run(Object, String, Design)}; with {@code playScript} the new run plays the
     * design's fault script from the start (a replay of an incident recorded while attached).
     */
    public void run(Object owner, String name, Design design, boolean playScript) {
        SimulatorViewModel open = byOwner.get(owner);
        if (open != null && runs.contains(open)) {
            if (open.design().equals(design)) {
                focus(open);
                log.info(name + " is already being simulated: its tab is in front (Restart in its toolbar runs it again)");
                return;
            }
            if (!confirmRestart.test(name + " changed since its simulation started. Restart the simulation with the changes?")) {
                focus(open);
                return;
            }
            SimulatorViewModel vm = SimulatorViewModel.create(design, open.seedProperty().get());
            byOwner.put(owner, vm);
            runs.set(runs.indexOf(open), vm);
            open.close();
            vm.run();
            log.info("Restarted the simulation of " + name + " with your changes (seed " + vm.seedProperty().get() + ")");
            return;
        }
        SimulatorViewModel vm = SimulatorViewModel.create(design, DEFAULT_SEED);
        byOwner.put(owner, vm);
        runs.add(vm);
        if (playScript) vm.useFaultScript(true);
        vm.run();
        log.info("Simulating " + name + " (seed " + DEFAULT_SEED + "): right-click a node for faults, F5 brings this tab back");
    }

    /** Asks the person a yes/no question before replacing a run (the view shows a dialog; default: yes). */
    public void setConfirmRestart(java.util.function.Predicate<String> ask) {
        confirmRestart = ask;
    }

    /** The run whose tab should come to the front (set anew on each request). */
    public javafx.beans.property.ReadOnlyObjectProperty<SimulatorViewModel> focusRequestProperty() {
        return focusRequest;
    }

    private void focus(SimulatorViewModel vm) {
        focusRequest.set(null);
        focusRequest.set(vm);
    }

    /** Compares the strategies for a design as it is now. */
    public void compare(String name, Design design) {
        Optional<TimedInput> fault = CompareViewModel.firstScriptedFault(design).or(() -> firstWorkerCrash(design));
        if (fault.isEmpty()) {
            log.warning("Nothing to compare in " + name + ": it has no supervisor with children");
            return;
        }
        compare(design, fault.get().input(), fault.get().atMs(), DEFAULT_SEED);
    }

    /** Runs the design saved at {@code file} (named {@code name} in messages). */
    public void run(String name, Optional<Path> file) {
        load(name, file, design -> run(name, design));
    }

    /** Compares the three strategies for the design's first scripted fault, or a crash of its first supervised worker. */
    public void compare(String name, Optional<Path> file) {
        load(name, file, design -> compare(name, design));
    }

    /** Compares the strategies for one fault of a design at a virtual time, with this seed. */
    public void compare(Design design, SimInput fault, long atMs, long seed) {
        CompareViewModel vm = new CompareViewModel(design, fault, atMs, atMs + 5_000, seed, dispatch.background(),
                dispatch.ui());
        comparisons.add(vm);
        log.info("Comparing one_for_one, one_for_all and rest_for_one for: " + fault.describe() + " (seed " + seed + ")");
    }

    /** Runs the design and its fault script on our engine and on real OTP, and compares the traces. */
    public void checkAgainstOtp(Design design, long seed) {
        var vm = new dev.canopy.app.ui.otp.OtpCheckViewModel(design, seed, otpRunner.get(), dispatch.background(), dispatch.ui());
        otpChecks.add(vm);
        log.info("Checking " + design.name() + " against real OTP (seed " + seed + ") in the background");
    }

    /** Where the OTP runner comes from (tests put a fake one). */
    public void setOtpRunner(java.util.function.Supplier<dev.canopy.app.ui.otp.OtpRunner> runner) {
        otpRunner = runner;
    }

    public ObservableList<dev.canopy.app.ui.otp.OtpCheckViewModel> otpChecks() {
        return otpChecks;
    }

    public void closeOtpCheck(dev.canopy.app.ui.otp.OtpCheckViewModel vm) {
        otpChecks.remove(vm);
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
        byOwner.values().remove(run);
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
