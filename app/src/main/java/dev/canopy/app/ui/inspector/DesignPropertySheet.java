package dev.canopy.app.ui.inspector;

import java.util.Optional;

import dev.canopy.app.ui.canvas.DocumentViewModel;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import org.controlsfx.control.PropertySheet;

/** The property sheet of a design (ControlsFX); editable fields write through to the view model. */
final class DesignPropertySheet {

    private DesignPropertySheet() {
    }

    static Node of(DocumentViewModel doc) {
        PropertySheet sheet = new PropertySheet(FXCollections.observableArrayList(
                new Item("Design", "Name", "The design's name", doc.nameProperty(), true),
                new Item("Design", "Description", "What the design is for", doc.descriptionProperty(), true),
                new Item("Design", "File", "Where the design is saved",
                        doc.fileProperty().map(p -> p == null ? "(not saved)" : p.toString()), false),
                new Item("Tree", "Processes", "Nodes in the supervision tree",
                        doc.processCountBinding().asString(), false),
                new Item("Tree", "Root strategy", "The root supervisor's restart strategy",
                        doc.strategyProperty().map(s -> s.isBlank() ? "—" : s), false)));
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.getStyleClass().add("design-properties");
        sheet.setId("design-properties");
        return sheet;
    }

    private record Item(String category, String name, String description, ObservableValue<String> value,
                        boolean editable) implements PropertySheet.Item {
        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return category;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Object getValue() {
            return value.getValue();
        }

        @Override
        @SuppressWarnings("unchecked")
        public void setValue(Object v) {
            if (editable && value instanceof Property<?> p) ((Property<String>) p).setValue(String.valueOf(v));
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.of(value);
        }

        @Override
        public boolean isEditable() {
            return editable;
        }
    }
}
