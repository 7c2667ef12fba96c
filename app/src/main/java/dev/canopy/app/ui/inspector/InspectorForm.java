package dev.canopy.app.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import atlantafx.base.theme.Styles;
import dev.canopy.app.ui.edit.EditorViewModel;
import dev.canopy.app.ui.edit.ProblemIndex;
import dev.canopy.diagrams.design.DesignProblem;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Control;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The inspector's form widgets: groups of name | control rows, each with the shared validator's
 * message under it, and input that does not parse refused with a message. NodeInspector decides
 * which fields a node has; this class only lays them out. Rules: FX thread only.
 */
final class InspectorForm {
    private final EditorViewModel editor;
    private final java.util.function.BooleanSupplier rebuilding;
    private final VBox form = new VBox(3);
    private final List<String> shown = new ArrayList<>();
    private final List<Label> messages = new ArrayList<>();
    private final java.util.Map<Label, Control> controls = new java.util.HashMap<>();
    private final java.util.Map<String, String> parseErrors = new java.util.HashMap<>();
    private ValidationSupport validation = new ValidationSupport();
    private GridPane grid;
    private int row;

    InspectorForm(EditorViewModel editor, java.util.function.BooleanSupplier rebuilding) {
        this.editor = editor;
        this.rebuilding = rebuilding;
        form.getStyleClass().add("inspector-form");
    }

    VBox node() { return form; }

    /** Empties the form before it is rebuilt for another selection. */
    void clear() {
        form.getChildren().clear();
        shown.clear();
        messages.clear();
        controls.clear();
        parseErrors.clear();
        validation = new ValidationSupport(); // the old form's controls are gone
        grid = null;
    }


    void heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_BOLD, "inspector-heading");
        l.setWrapText(true);
        form.getChildren().add(l);
    }

    void group(String title) {
        Label l = new Label(title.toUpperCase(Locale.ROOT));
        l.getStyleClass().addAll(Styles.TEXT_SMALL, "inspector-group");
        l.setMaxWidth(Double.MAX_VALUE);
        if (form.getChildren().size() > 1) form.getChildren().add(new Separator());
        form.getChildren().add(l);
        grid = new GridPane();
        grid.getStyleClass().add("inspector-grid");
        grid.setHgap(8);
        grid.setVgap(3);
        ColumnConstraints names = new ColumnConstraints(92, 104, 130);
        ColumnConstraints controls = new ColumnConstraints(80, 160, Double.MAX_VALUE);
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().setAll(names, controls);
        row = 0;
        form.getChildren().add(grid);
    }

    Label nameLabel(String name) {
        Label l = new Label(name);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "inspector-field-name");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    void info(String name, String value) {
        Label n = nameLabel(name);
        Label v = new Label(value);
        v.setWrapText(true);
        v.setMinHeight(Region.USE_PREF_SIZE);
        v.getStyleClass().add(Styles.TEXT_SMALL);
        GridPane.setValignment(n, VPos.TOP);
        grid.addRow(row++, n, v);
    }

    void text(String name, String field, String value, String path, Consumer<String> apply, boolean live) {
        text(name, field, value, path, apply, live, null);
    }

    /** A one-line text field; {@code live}: every keystroke is an edit (merged into one step), else on Enter / focus loss. */
    void text(String name, String field, String value, String path, Consumer<String> apply, boolean live, String prompt) {
        TextField one = new TextField(value);
        if (prompt != null) one.setPromptText(prompt);
        textInput(name, field, value, path, apply, live, one);
    }

    void area(String name, String field, String value, String path, Consumer<String> apply, boolean live) {
        TextArea area = new TextArea(value);
        area.setWrapText(true);
        area.setPrefRowCount(field.equals("notes") || field.equals("description") ? 3 : 2);
        textInput(name, field, value, path, apply, live, area);
    }

    void textInput(String name, String field, String value, String path, Consumer<String> apply, boolean live,
                           TextInputControl tf) {
        tf.setId(InspectorValues.idOf(field));
        if (live) {
            tf.textProperty().addListener((o, a, b) -> {
                if (!rebuilding.getAsBoolean()) apply.accept(b);
            });
        }
        // Enter and then the focus loss (the field leaves the form when an edit rebuilds it) must
        // apply a text once: applying a rename twice would look for the node under its old id.
        String[] applied = {value};
        Runnable commit = () -> {
            if (live || rebuilding.getAsBoolean() || tf.getText().equals(applied[0])) return;
            applied[0] = tf.getText();
            apply.accept(tf.getText());
        };
        if (tf instanceof TextField one) one.setOnAction(e -> {
            if (live) apply.accept(one.getText());
            else commit.run();
        });
        tf.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
                editor.endTyping();
            }
        });
        field(name, tf, path, field);
    }

    /** A text field whose text is parsed: on Enter or focus loss; input that does not parse shows why and changes nothing. */
    <T> void parsed(String name, String field, String value, String path, String prompt, Function<String, T> parse,
                            Consumer<T> apply) {
        TextField tf = new TextField(value);
        tf.setPromptText(prompt);
        tf.setId(InspectorValues.idOf(field));
        Label[] msg = new Label[1];
        Runnable commit = () -> {
            if (tf.getText().equals(value)) {
                fill(msg[0]);
                return;
            }
            T v;
            try {
                v = parse.apply(tf.getText());
            } catch (IllegalArgumentException e) {
                invalid(msg[0], e.getMessage());
                return;
            }
            apply.accept(v);
        };
        tf.setOnAction(e -> commit.run());
        tf.focusedProperty().addListener((o, was, now) -> {
            if (!now && !rebuilding.getAsBoolean()) commit.run();
        });
        msg[0] = field(name, tf, path, field);
    }

    <T> void choice(String name, String field, List<T> values, T current, Function<T, String> show, String path,
                            Consumer<T> apply) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : show.apply(t); }
            @Override public T fromString(String s) { return values.stream().filter(v -> show.apply(v).equals(s)).findFirst().orElse(null); }
        });
        box.setValue(current);
        box.setId(InspectorValues.idOf(field));
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((o, a, b) -> {
            if (!rebuilding.getAsBoolean() && b != null && !b.equals(a)) apply.accept(b);
        });
        field(name, box, path, field);
    }

    /**
     * A few exclusive choices side by side (ControlsFX SegmentedButton): all visible at once, one
     * click to change, e.g. the restart strategy. Clicking the chosen one keeps it chosen.
     */
    <T> void segmented(String name, String field, List<T> values, T current, Function<T, String> show, String path,
                       Consumer<T> apply) {
        SegmentedButton seg = new SegmentedButton();
        seg.setId(InspectorValues.idOf(field));
        seg.getStyleClass().add("inspector-segmented");
        for (T v : values) {
            ToggleButton b = new ToggleButton(show.apply(v));
            b.setMnemonicParsing(false);
            b.setUserData(v);
            b.setId(InspectorValues.idOf(field) + "-" + show.apply(v));
            b.setSelected(v.equals(current));
            b.setStyle("-fx-font-size: 11px; -fx-padding: 3 6 3 6;"); // three Erlang words fit the inspector's width
            b.setMinWidth(Region.USE_PREF_SIZE); // the whole word, never "o…"
            seg.getButtons().add(b);
        }
        seg.getToggleGroup().selectedToggleProperty().addListener((o, a, b) -> {
            if (rebuilding.getAsBoolean()) return;
            if (b == null) { // a click on the chosen one: keep it chosen
                if (a != null) a.setSelected(true);
                return;
            }
            @SuppressWarnings("unchecked")
            T v = (T) b.getUserData();
            if (!v.equals(current)) apply.accept(v);
        });
        field(name, seg, path, field, true);
    }

    /** An editable combo box: pick a suggestion or type; the text is parsed like {@link #parsed}. */
    <T> void editableChoice(String name, String field, List<String> suggestions, String current, String path,
                                    String prompt, Function<String, T> parse, Consumer<T> apply) {
        ComboBox<String> box = new ComboBox<>();
        box.setEditable(true);
        box.getItems().setAll(suggestions);
        box.setValue(current);
        box.setPromptText(prompt);
        box.setTooltip(new Tooltip(prompt));
        box.setId(InspectorValues.idOf(field));
        box.setMaxWidth(Double.MAX_VALUE);
        Label[] msg = new Label[1];
        box.valueProperty().addListener((o, a, b) -> {
            if (rebuilding.getAsBoolean() || b == null || b.equals(current)) return;
            T v;
            try {
                v = parse.apply(b);
            } catch (IllegalArgumentException e) {
                invalid(msg[0], e.getMessage());
                return;
            }
            apply.accept(v);
        });
        msg[0] = field(name, box, path, field);
    }

    void check(String name, String field, boolean value, String path, Consumer<Boolean> apply) {
        CheckBox box = new CheckBox();
        box.setSelected(value);
        box.setId(InspectorValues.idOf(field));
        box.selectedProperty().addListener((o, a, b) -> {
            if (!rebuilding.getAsBoolean()) apply.accept(b);
        });
        field(name, box, path, field);
    }

    Label field(String name, javafx.scene.Node control, String path, String field) {
        return field(name, control, path, field, false);
    }

    /** {@code wide}: the control gets a row of its own under its name, the form's full width. */
    Label field(String name, javafx.scene.Node control, String path, String field, boolean wide) {
        shown.add(field);
        Label l = nameLabel(name);
        l.setLabelFor(control);
        if (control instanceof TextArea) {
            GridPane.setValignment(l, VPos.TOP);
            l.setPadding(new Insets(5, 0, 0, 0));
        }
        if (control instanceof javafx.scene.control.Control c) c.setMaxWidth(Double.MAX_VALUE);
        GridPane.setFillWidth(control, true);
        if (wide) {
            grid.add(l, 0, row++, 2, 1);
            grid.add(control, 0, row++, 2, 1);
        } else {
            grid.addRow(row++, l, control);
        }
        Label msg = new Label();
        msg.getStyleClass().addAll(Styles.TEXT_SMALL, "field-problem");
        msg.setId("inspector-problem-" + field.replace('.', '-'));
        msg.setWrapText(true);
        msg.setUserData(new String[] {path, field});
        msg.setMinHeight(Region.USE_PREF_SIZE);
        grid.add(msg, 0, row++, 2, 1);
        messages.add(msg);
        if (control instanceof Control c) {
            controls.put(msg, c);
            // ControlsFX decoration on the field itself (an error or warning mark with the message as
            // its tooltip), besides the message under it: visible at a glance down the form.
            validation.registerValidator(c, false, (Control ctl, Object value) -> result(ctl, path, field));
        }
        fill(msg);
        return msg;
    }

    /** Input that does not parse: the field's message says why; the design is unchanged. */
    void invalid(Label msg, String why) {
        String[] pf = (String[]) msg.getUserData();
        parseErrors.put(pf[1], why);
        decorate(msg);
        msg.setText("Error: " + why);
        msg.setVisible(true);
        msg.setManaged(true);
        msg.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        msg.getStyleClass().add(Styles.DANGER);
    }

    void fill(Label msg) {
        String[] pf = (String[]) msg.getUserData();
        parseErrors.remove(pf[1]);
        decorate(msg);
        List<DesignProblem> ps = editor.problemsProperty().get().at(pf[0], pf[1]);
        msg.setText(ps.stream().map(p -> p.severity().word() + ": " + p.message()).reduce((a, b) -> a + "\n" + b).orElse(""));
        msg.setVisible(!ps.isEmpty());
        msg.setManaged(!ps.isEmpty());
        msg.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        msg.getStyleClass().add(ps.stream().anyMatch(DesignProblem::isError) ? Styles.DANGER : Styles.WARNING);
    }

    private ValidationResult result(Control c, String path, String field) {
        ValidationResult r = new ValidationResult();
        String parse = parseErrors.get(field);
        if (parse != null) r.add(ValidationMessage.error(c, parse));
        for (DesignProblem p : editor.problemsProperty().get().at(path, field)) {
            r.add(p.isError() ? ValidationMessage.error(c, p.message()) : ValidationMessage.warning(c, p.message()));
        }
        return r;
    }

    private void decorate(Label msg) {
        Control c = controls.get(msg);
        if (c != null) validation.revalidate(c);
    }

    /** The form's ControlsFX validation: one result per field, from the validator and from parsing. */
    ValidationSupport validation() {
        return validation;
    }

    boolean isShown(String field) {
        for (String f : shown) {
            if (field.equals(f) || field.startsWith(f + ".") || field.startsWith(f + "[")) return true;
        }
        return false;
    }

    void problems(String path) {
        List<ProblemIndex.Placed> rest = editor.problemsProperty().get().placedAt(path).stream()
                .filter(p -> !isShown(p.field())).toList();
        if (rest.isEmpty()) return;
        group("Problems");
        for (var p : rest) {
            Label m = new Label(p.problem().severity().word().toUpperCase(Locale.ROOT) + " "
                    + (p.field().isEmpty() ? "" : p.field() + ": ") + p.problem().message());
            m.setWrapText(true);
            m.getStyleClass().addAll(Styles.TEXT_SMALL, "field-problem",
                    p.problem().isError() ? Styles.DANGER : Styles.WARNING);
            form.getChildren().add(m);
        }
    }

    void refreshProblems() {
        for (Label l : messages) fill(l);
    }
}
