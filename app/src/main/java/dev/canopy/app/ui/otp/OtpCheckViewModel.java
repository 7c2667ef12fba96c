package dev.canopy.app.ui.otp;

import java.util.List;
import java.util.concurrent.Executor;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.ToScenario;
import dev.canopy.diagrams.sim.TraceCheck;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Check against real OTP": runs the design and its fault script on our engine (as
 * {@code canopy trace} does) and on real OTP (through {@code run-otp}), in the background with
 * progress, then lines the two traces up with the differences marked. Toolkit-free.
 */
public final class OtpCheckViewModel {
    private final Design design;
    private final long seed;
    private final OtpRunner runner;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<TraceCheck.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private int differences = -1;

    public OtpCheckViewModel(Design design, long seed, OtpRunner runner, Executor background, Executor ui) {
        this.design = design;
        this.seed = seed;
        this.runner = runner;
        this.background = background;
        this.ui = ui;
    }

    /** Starts the check; progress and status follow it, rows and verdict come at the end. */
    public void run() {
        busy.set(true);
        progress.set(0);
        status.set("Looking for Erlang/OTP…");
        verdict.set("");
        rows.clear();
        background.execute(() -> {
            switch (runner.locate()) {
                case OtpRunner.Located.Missing m -> finish(List.of(), m.whatToDo(), "Not checked");
                case OtpRunner.Located.Found f -> check(f);
            }
        });
    }

    private void check(OtpRunner.Located.Found found) {
        List<String> ours;
        String json;
        try {
            json = TraceCheck.scenarioJson(design);
            say(0.1, "Running " + design.name() + " on the Canopy engine (seed " + seed + ")…");
            ours = TraceCheck.ourTrace(design, seed);
        } catch (ToScenario.InvalidDesignException e) {
            finish(List.of(), "The design has problems; fix them first: " + e.getMessage(), "Not checked");
            return;
        }
        say(0.3, "Running " + design.name() + " on real OTP (" + found.runOtp() + ")… this takes the script's real time");
        var outcome = runner.run(found.runOtp(), TraceCheck.fileName(design.name()), json);
        switch (outcome) {
            case OtpRunner.Outcome.Failed f -> finish(List.of(), "Real OTP did not give a trace: " + f.message(), "Not checked");
            case OtpRunner.Outcome.Traced t -> {
                say(0.9, "Comparing the traces…");
                List<TraceCheck.Row> diff = TraceCheck.diff(ours, t.lines());
                long n = diff.stream().filter(r -> r.kind() != TraceCheck.Kind.SAME).count();
                ui.execute(() -> differences = (int) n);
                finish(diff, "Compared " + diff.size() + " lines: ours (seed " + seed + ") on the left, OTP's on the right",
                        n == 0 ? "Same as real OTP" : n + " line" + (n == 1 ? " differs" : "s differ") + " from real OTP");
            }
        }
    }

    private void say(double p, String text) {
        ui.execute(() -> {
            progress.set(p);
            status.set(text);
        });
    }

    private void finish(List<TraceCheck.Row> result, String text, String v) {
        ui.execute(() -> {
            rows.setAll(result);
            status.set(text);
            verdict.set(v);
            progress.set(1);
            busy.set(false);
        });
    }

    public ObservableList<TraceCheck.Row> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0..1 while running; 1 when done. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Same as real OTP", "N lines differ from real OTP", "Not checked", or "" while running. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Rows that differ, -1 before a comparison. */
    public int differences() {
        return differences;
    }

    public Design design() {
        return design;
    }

    public long seed() {
        return seed;
    }

    public String title() {
        return "Check against real OTP — " + design.name() + " (seed " + seed + ")";
    }
}
