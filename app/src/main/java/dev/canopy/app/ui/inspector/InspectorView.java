package dev.canopy.app.ui.inspector;

import atlantafx.base.theme.Styles;
import dev.canopy.app.ui.Icons;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.sim.ProcessInspectorView;
import dev.canopy.app.ui.sim.SimulatorViewModel;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The right inspector. Shows a placeholder until a design is open; then the grouped form of
 * every field of the selected node (or of the design), built on first use, so it costs the
 * startup nothing.
 */
public final class InspectorView extends VBox {

    private final StackPane body = new StackPane();
    private final Node placeholder;
    /** One process inspector per run, kept while the run is open, so switching tabs keeps its state. */
    private final java.util.Map<SimulatorViewModel, ProcessInspectorView> processViews = new java.util.HashMap<>();
    private DocumentViewModel shownDoc;

    private final java.util.function.Consumer<dev.canopy.app.ui.edit.EditResult> report;

    /** The id of the control that edits {@code field} ("name", "restart", "start.module" ...), for lookups. */
    public static String fieldId(String field) {
        return InspectorValues.idOf(field);
    }

    public InspectorView(InspectorViewModel vm) {
        this(vm, r -> { });
    }

    public InspectorView(InspectorViewModel vm, java.util.function.Consumer<dev.canopy.app.ui.edit.EditResult> report) {
        this.report = report;
        getStyleClass().addAll("side-panel", "inspector");
        setId("inspector");
        Label heading = new Label("Inspector");
        heading.getStyleClass().add("panel-heading");
        Label subheading = new Label();
        subheading.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "panel-subheading");
        subheading.textProperty().bind(vm.headingBinding());

        var icon = Icons.of(Material2OutlinedMZ.TOUCH_APP, 28);
        icon.getStyleClass().add("placeholder-icon");
        Label what = new Label("Nothing selected");
        what.getStyleClass().add(Styles.TEXT_BOLD);
        Label hint = new Label("Open a design and select it or one of its nodes to see and edit its properties.");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setMaxWidth(200);
        hint.setStyle("-fx-text-alignment: center;");
        VBox ph = new VBox(8, icon, what, hint);
        ph.setAlignment(Pos.CENTER);
        ph.getStyleClass().add("inspector-placeholder");
        placeholder = ph;

        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(heading, subheading, body);
        show(vm);
        vm.subjectProperty().addListener((o, was, now) -> show(vm));
        vm.simulationProperty().addListener((o, was, now) -> show(vm));
    }

    private void show(InspectorViewModel vm) {
        SimulatorViewModel run = vm.simulationProperty().get();
        if (run != null) {
            processViews.keySet().removeIf(SimulatorViewModel::isClosed);
            body.getChildren().setAll(processViews.computeIfAbsent(run, ProcessInspectorView::new));
            return;
        }
        DocumentViewModel doc = vm.subjectProperty().get();
        if (doc == shownDoc && !body.getChildren().isEmpty() && !(body.getChildren().getFirst() instanceof ProcessInspectorView)) return;
        shownDoc = doc;
        body.getChildren().setAll(doc == null ? placeholder : new NodeInspector(doc, report));
    }

    /** The ControlsFX validation of the node form shown now, if a node form is shown. */
    public java.util.Optional<org.controlsfx.validation.ValidationSupport> validation() {
        return body.getChildren().stream().filter(n -> n instanceof NodeInspector).map(n -> ((NodeInspector) n).validation())
                .findFirst();
    }
}
