package dev.canopy.app.ui.inspector;

import dev.canopy.app.ui.canvas.DocumentViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The right inspector: the properties of what is selected (for now: the active design). */
public final class InspectorViewModel {

    private final ObjectProperty<DocumentViewModel> subject = new SimpleObjectProperty<>(this, "subject");
    private final StringBinding heading = Bindings.createStringBinding(
            () -> subject.get() == null ? "Nothing selected" : "Click a node on the canvas to edit it", subject);

    public ObjectProperty<DocumentViewModel> subjectProperty() {
        return subject;
    }

    public StringBinding headingBinding() {
        return heading;
    }
}
