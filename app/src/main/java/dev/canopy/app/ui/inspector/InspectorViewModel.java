package dev.canopy.app.ui.inspector;

import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.sim.SimulatorViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The right inspector: the properties of what is selected: the active design's node, or, while a
 * simulator tab is in front ({@link #simulationProperty()} set), the selected process of that run.
 */
public final class InspectorViewModel {

    private final ObjectProperty<DocumentViewModel> subject = new SimpleObjectProperty<>(this, "subject");
    private final ObjectProperty<SimulatorViewModel> simulation = new SimpleObjectProperty<>(this, "simulation");
    private final StringBinding heading = Bindings.createStringBinding(
            () -> simulation.get() != null ? "Click a process to see its mailbox, links and log"
                    : subject.get() == null ? "Nothing selected" : "Click a node on the canvas to edit it", subject, simulation);

    public ObjectProperty<DocumentViewModel> subjectProperty() {
        return subject;
    }

    /** The run whose tab is in front, or null when a design (or the start page) is. */
    public ObjectProperty<SimulatorViewModel> simulationProperty() {
        return simulation;
    }

    public StringBinding headingBinding() {
        return heading;
    }
}
