package dev.canopy.app.ui.sim;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * Run/stop, play/pause, single step, rewind, the speed (0.1× to 100× on a logarithmic slider
 * with labels), the seed (editable: Enter restarts the run with it), the fault script switch and
 * the virtual clock.
 */
public final class SimulatorToolbar extends ToolBar {

    public SimulatorToolbar(SimulatorViewModel vm) {
        getStyleClass().add("simulator-toolbar");
        setId("simulator-toolbar");

        Button run = new Button();
        run.setId("sim-run");
        run.textProperty().bind(Bindings.when(vm.runningProperty()).then("Stop").otherwise("Run"));
        run.setTooltip(new Tooltip("Start the run from the beginning, or stop it (F5)"));
        run.setOnAction(e -> {
            if (vm.runningProperty().get()) vm.stop(); else vm.run();
        });

        Button play = new Button();
        play.setId("sim-play");
        play.textProperty().bind(Bindings.when(vm.playingProperty()).then("Pause").otherwise("Play"));
        play.setTooltip(new Tooltip("Let virtual time run at the chosen speed (Space)"));
        play.setOnAction(e -> vm.togglePlay());

        Button step = new Button("Step");
        step.setId("sim-step");
        step.setTooltip(new Tooltip("Run one process step (or 1 ms when nothing is runnable)"));
        step.setOnAction(e -> vm.step());
        step.disableProperty().bind(vm.runningProperty().not());

        Button rewind = new Button("Rewind");
        rewind.setId("sim-rewind");
        rewind.setTooltip(new Tooltip("Back to 0 ms (replays with the same seed; inputs are kept until you continue)"));
        rewind.setOnAction(e -> vm.rewind());
        rewind.disableProperty().bind(vm.runningProperty().not());

        Slider speed = new Slider(-1, 2, Math.log10(vm.speedProperty().get()));
        speed.setId("sim-speed");
        speed.setPrefWidth(170);
        speed.setShowTickMarks(true);
        speed.setShowTickLabels(true);
        speed.setMajorTickUnit(1);
        speed.setMinorTickCount(0);
        speed.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return times(Math.pow(10, v));
            }

            @Override
            public Double fromString(String s) {
                return Math.log10(Double.parseDouble(s.replace("×", "")));
            }
        });
        speed.valueProperty().addListener((o, a, b) -> vm.speedProperty().set(Math.pow(10, b.doubleValue())));
        vm.speedProperty().addListener((o, a, b) -> {
            double v = Math.log10(b.doubleValue());
            if (Math.abs(speed.getValue() - v) > 1e-9) speed.setValue(v);
        });
        Label speedLabel = new Label();
        speedLabel.setMinWidth(48);
        speedLabel.textProperty().bind(Bindings.createStringBinding(() -> times(vm.speedProperty().get()), vm.speedProperty()));

        TextField seed = new TextField(Long.toString(vm.seedProperty().get()));
        seed.setId("sim-seed");
        seed.setPrefColumnCount(7);
        seed.setTooltip(new Tooltip("The seed of the deterministic scheduler: Enter restarts the run with it"));
        seed.setOnAction(e -> {
            try {
                vm.restartWithSeed(Long.parseLong(seed.getText().trim()));
            } catch (NumberFormatException ex) {
                seed.setText(Long.toString(vm.seedProperty().get()));
            }
        });
        vm.seedProperty().addListener((o, a, b) -> seed.setText(Long.toString(b.longValue())));

        // A toggle next to Run, so it is in sight (not in the overflow of a narrow window).
        int steps = dev.canopy.diagrams.sim.SimulationSession.faultScript(vm.design()).size();
        ToggleButton script = new ToggleButton("Fault script (" + steps + " step" + (steps == 1 ? ")" : "s)"));
        script.setId("sim-script");
        script.setDisable(steps == 0);
        script.setTooltip(new Tooltip(steps == 0 ? "This design has no fault script (add steps in the design's fault_script)"
                : "Play the design's fault script at its times; turned on mid-run, it applies from now on"));
        script.selectedProperty().bindBidirectional(vm.faultScriptOnProperty());

        Label clock = new Label();
        clock.setId("sim-clock");
        clock.setMinWidth(90);
        clock.textProperty().bind(Bindings.createStringBinding(() -> {
            long t = vm.nowMsProperty().get();
            String s = String.format(Locale.ROOT, "t = %,d ms", t);
            return vm.scrubbedAtMsProperty().get() >= 0 ? s + " (rewound)" : s;
        }, vm.nowMsProperty(), vm.scrubbedAtMsProperty()));

        HBox speedBox = new HBox(6, new Label("Speed"), speed, speedLabel);
        speedBox.setAlignment(Pos.CENTER_LEFT);
        HBox seedBox = new HBox(6, new Label("Seed"), seed);
        seedBox.setAlignment(Pos.CENTER_LEFT);
        getItems().addAll(run, play, step, rewind, script, new Separator(Orientation.VERTICAL), speedBox,
                new Separator(Orientation.VERTICAL), seedBox, new Separator(Orientation.VERTICAL), clock);
    }

    static String times(double speed) {
        if (speed < 0.995) return String.format(Locale.ROOT, "%.1f×", speed);
        return String.format(Locale.ROOT, "%.0f×", speed);
    }
}
