package dev.canopy.app.ui.inspector;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.edit.EditResult;
import dev.canopy.app.ui.edit.EditorViewModel;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.engine.supervisor.Strategy;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The inspector's form for the active design: the selected node's fields (or the design's when
 * nothing is selected). Every change goes through the editor's undo stack; typing in a text
 * field is one undo step until the field loses focus; the validator's problems for each field
 * are shown under it.
 */
final class NodeInspector extends ScrollPane {

    private final DocumentViewModel doc;
    private final EditorViewModel editor;
    private final Consumer<EditResult> report;
    private final VBox form = new VBox(4);
    private boolean rebuilding;

    NodeInspector(DocumentViewModel doc, Consumer<EditResult> report) {
        this.doc = doc;
        this.editor = doc.editor();
        this.report = report;
        setFitToWidth(true);
        getStyleClass().add("node-inspector");
        setId("node-inspector");
        form.getStyleClass().add("inspector-form");
        setContent(form);
        rebuild();
        editor.selectionProperty().addListener((o, a, b) -> rebuild());
        editor.designProperty().addListener((o, a, b) -> {
            if (!isEditingText()) rebuild();
            else refreshProblems();
        });
    }

    private boolean isEditingText() {
        return getScene() != null && getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl tf && form.getChildren().contains(tf);
    }

    private void rebuild() {
        rebuilding = true;
        try {
            form.getChildren().clear();
            String path = editor.selection().orElse(null);
            DesignNode node = editor.selectedNodeBinding().get();
            if (node == null) {
                heading("Design");
                text("Name", "name", doc.nameProperty().get(), "", v -> doc.nameProperty().set(v), true);
                text("Description", "description", doc.descriptionProperty().get(), "", v -> doc.descriptionProperty().set(v), true);
                info("File", doc.file().map(Object::toString).orElse("(not saved)"));
                info("Processes", String.valueOf(doc.processCountBinding().get()));
                problems("", null);
                return;
            }
            heading(node.kind().jsonName().replace('_', ' ') + " · " + path);
            text("Id", "id", node.id(), path, v -> report.accept(editor.rename(path, v)), false);
            text("Label", "label", node.label(), path,
                    v -> report.accept(editor.changeNode(path, "label", n -> n.withLabel(v))), true);
            text("Notes", "notes", node.notes(), path,
                    v -> report.accept(editor.changeNode(path, "notes", n -> n.withNotes(v))), true);
            if (node instanceof SupervisorNode sup) {
                ComboBox<Strategy> strategy = new ComboBox<>();
                strategy.getItems().setAll(Strategy.values());
                strategy.setValue(sup.strategy());
                strategy.setId("inspector-strategy");
                strategy.setMaxWidth(Double.MAX_VALUE);
                strategy.valueProperty().addListener((o, a, b) -> {
                    if (!rebuilding && b != null) {
                        report.accept(editor.changeNode(path, "strategy", n -> ((SupervisorNode) n).withStrategy(b)));
                    }
                });
                field("Strategy", strategy, path, "strategy");
                text("Max restarts", "max_restarts", String.valueOf(sup.maxRestarts()), path, v -> intChange(path, v, true), false);
                text("Max seconds", "max_seconds", String.valueOf(sup.maxSeconds()), path, v -> intChange(path, v, false), false);
            }
            int order = editor.startOrder(path).orElse(0);
            if (order > 0) info("Start order", order + " (drag it left or right of a sibling to change)");
            problems(path, List.of("id", "label", "notes", "strategy", "max_restarts", "max_seconds"));
        } finally {
            rebuilding = false;
        }
    }

    private void intChange(String path, String v, boolean restarts) {
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            report.accept(EditResult.refused("'" + v + "' is not a whole number"));
            rebuild();
            return;
        }
        report.accept(editor.changeNode(path, restarts ? "max_restarts" : "max_seconds", x -> {
            SupervisorNode s = (SupervisorNode) x;
            return restarts ? s.withIntensity(n, s.maxSeconds()) : s.withIntensity(s.maxRestarts(), n);
        }));
    }

    private void heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_BOLD, "inspector-heading");
        l.setWrapText(true);
        form.getChildren().add(l);
    }

    private void info(String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label v = new Label(value);
        v.setWrapText(true);
        form.getChildren().addAll(n, v);
    }

    /** A text field; {@code live}: every keystroke is an edit (merged into one step), else on Enter / focus loss. */
    private void text(String name, String field, String value, String path, Consumer<String> apply, boolean live) {
        javafx.scene.control.TextInputControl tf;
        if (field.equals("description") || field.equals("notes")) {
            javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(value);
            area.setWrapText(true);
            area.setPrefRowCount(3);
            tf = area;
        } else {
            TextField one = new TextField(value);
            one.setOnAction(e -> apply.accept(one.getText()));
            tf = one;
        }
        tf.setId("inspector-" + field);
        if (live) {
            tf.textProperty().addListener((o, a, b) -> {
                if (!rebuilding) apply.accept(b);
            });
        }
        tf.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                if (!live && !tf.getText().equals(value)) apply.accept(tf.getText());
                editor.endTyping();
            }
        });
        field(name, tf, path, field);
    }

    private void field(String name, javafx.scene.Node control, String path, String field) {
        Label l = new Label(name);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label msg = new Label();
        msg.getStyleClass().addAll(Styles.TEXT_SMALL, "field-problem");
        msg.setWrapText(true);
        msg.setUserData(new String[] {path, field});
        form.getChildren().addAll(l, control, msg);
        fill(msg);
    }

    private void fill(Label msg) {
        String[] pf = (String[]) msg.getUserData();
        List<DesignProblem> ps = editor.problemsProperty().get().at(pf[0], pf[1]);
        msg.setText(ps.stream().map(p -> p.severity().word() + ": " + p.message()).reduce((a, b) -> a + "\n" + b).orElse(""));
        msg.setVisible(!ps.isEmpty());
        msg.setManaged(!ps.isEmpty());
        msg.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        msg.getStyleClass().add(ps.stream().anyMatch(DesignProblem::isError) ? Styles.DANGER : Styles.WARNING);
    }

    private void problems(String path, List<String> shown) {
        List<dev.canopy.app.ui.edit.ProblemIndex.Placed> rest = editor.problemsProperty().get().placedAt(path).stream()
                .filter(p -> shown == null || !shown.contains(p.field())).toList();
        if (rest.isEmpty()) return;
        Label l = new Label("Problems");
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        form.getChildren().add(l);
        for (var p : rest) {
            Label m = new Label(p.problem().severity().word().toUpperCase(Locale.ROOT) + " "
                    + (p.field().isEmpty() ? "" : p.field() + ": ") + p.problem().message());
            m.setWrapText(true);
            m.getStyleClass().addAll(Styles.TEXT_SMALL, "field-problem",
                    p.problem().isError() ? Styles.DANGER : Styles.WARNING);
            form.getChildren().add(m);
        }
    }

    private void refreshProblems() {
        for (var n : form.getChildren()) {
            if (n instanceof Label l && l.getUserData() instanceof String[]) fill(l);
        }
    }
}
