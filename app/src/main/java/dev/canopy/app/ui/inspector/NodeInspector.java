package dev.canopy.app.ui.inspector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import atlantafx.base.theme.Styles;
import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.edit.EditResult;
import dev.canopy.app.ui.edit.EditorViewModel;
import dev.canopy.app.ui.edit.ProblemIndex;
import dev.canopy.diagrams.design.ChildSpecFields;
import dev.canopy.diagrams.design.Dependency;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.TaskSupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.diagrams.design.WorkerSim;
import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.Strategy;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
 * The inspector's form for the active design: every field of the selected node, grouped
 * (general, child spec, supervisor / dynamic supervisor, worker simulation, naming, registry), or
 * the design's own fields when nothing is selected. Every change goes through the editor's undo
 * stack; typing in a free-text field is one undo step until the field loses focus; numbers and
 * other parsed fields are applied on Enter or focus loss, and input that does not parse shows a
 * message under the field and changes nothing. The shared validator's problems for each field
 * are shown under it; the rest of the node's problems are listed at the end.
 */
final class NodeInspector extends ScrollPane {

    private final DocumentViewModel doc;
    private final EditorViewModel editor;
    private final Consumer<EditResult> report;
    private final VBox form = new VBox(3);
    private final List<String> shown = new ArrayList<>();
    private final List<Label> messages = new ArrayList<>();
    private GridPane grid;
    private int row;
    private boolean rebuilding;

    NodeInspector(DocumentViewModel doc, Consumer<EditResult> report) {
        this.doc = doc;
        this.editor = doc.editor();
        this.report = report;
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
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
        if (getScene() == null || !(getScene().getFocusOwner() instanceof TextInputControl tf)) return false;
        for (javafx.scene.Node n = tf; n != null; n = n.getParent()) {
            if (n == form) return true;
        }
        return false;
    }

    private void rebuild() {
        rebuilding = true;
        double scroll = getVvalue();
        try {
            form.getChildren().clear();
            shown.clear();
            messages.clear();
            grid = null;
            String path = editor.selection().orElse(null);
            DesignNode node = editor.selectedNodeBinding().get();
            if (node == null) {
                designForm();
                return;
            }
            heading(node.kind().jsonName().replace('_', ' ') + " · " + path);
            group("General");
            text("Id", "id", node.id(), path, v -> report.accept(editor.rename(path, v)), false);
            text("Label", "label", node.label(), path,
                    v -> report.accept(editor.changeNode(path, "label", n -> n.withLabel(v))), true);
            area("Notes", "notes", node.notes(), path,
                    v -> report.accept(editor.changeNode(path, "notes", n -> n.withNotes(v))), true);
            int order = editor.startOrder(path).orElse(0);
            if (order > 0) info("Start order", order + " (drag it left or right of a sibling to change)");

            if (path.contains("/")) childSpec(node, path);
            switch (node) {
                case SupervisorNode s -> supervisor(s, path);
                case DynamicSupervisorNode d -> dynamic(d, path);
                case TaskSupervisorNode t -> taskSupervisor(t, path);
                case WorkerNode w -> worker(w, path);
                case RegistryNode r -> registry(r, path);
            }
            problems(path);
        } finally {
            rebuilding = false;
            setVvalue(scroll);
        }
    }

    // ---- the design itself

    private void designForm() {
        heading("Design");
        group("Design");
        text("Name", "name", doc.nameProperty().get(), "", v -> doc.nameProperty().set(v), true);
        area("Description", "description", doc.descriptionProperty().get(), "", v -> doc.descriptionProperty().set(v), true);
        parsed("Cluster nodes", "cluster_nodes", String.valueOf(doc.design().clusterNodes()), "", "number of BEAM nodes, 1 or more",
                InspectorValues::wholeNumber,
                (Integer n) -> report.accept(editor.changeDesignInfo("cluster_nodes", i -> i.withClusterNodes(n))));
        info("File", doc.file().map(Object::toString).orElse("(not saved)"));
        info("Processes", String.valueOf(doc.processCountBinding().get()));
        problems("");
    }

    // ---- groups

    private void childSpec(DesignNode node, String path) {
        ChildSpecFields spec = node.spec();
        group("Child spec");
        text("Start module", "start.module", spec.startModule(), path,
                v -> spec(path, "start.module", s -> s.withStartModule(v.trim())), false, "derived from the id");
        text("Start function", "start.function", spec.startFunction(), path,
                v -> spec(path, "start.function", s -> s.withStart(s.startModule(), v.trim(), s.args())), false);
        area("Start args (one term a line)", "start.args", lines(spec.args()), path,
                v -> spec(path, "start.args", s -> s.withStart(s.startModule(), s.startFunction(), splitLines(v))), false);
        choice("Restart", "restart", Arrays.asList(Restart.values()), spec.restart(), Restart::atom, path,
                r -> spec(path, "restart", s -> s.withRestart(r)));
        editableChoice("Shutdown", "shutdown", List.of("brutal_kill", "5000", "infinity"), spec.shutdown().render(), path,
                "brutal_kill, infinity or a time in ms", InspectorValues::shutdown,
                (UnaryOperator<ChildSpecFields> f) -> spec(path, "shutdown", f));
        check("Significant", "significant", spec.significant(), path,
                v -> spec(path, "significant", s -> s.withSignificant(v)));
        area("Modules (one a line)", "modules", lines(spec.modules()), path,
                v -> spec(path, "modules", s -> s.withModules(splitLines(v))), false);
    }

    private void supervisor(SupervisorNode sup, String path) {
        group("Supervisor");
        choice("Strategy", "strategy", Arrays.asList(Strategy.values()), sup.strategy(), Strategy::atom, path,
                b -> change(path, "strategy", n -> ((SupervisorNode) n).withStrategy(b)));
        intensity(path, sup.maxRestarts(), sup.maxSeconds(), (n, r, s) -> ((SupervisorNode) n).withIntensity(r, s));
        choice("Auto shutdown", "auto_shutdown", Arrays.asList(AutoShutdown.values()), sup.autoShutdown(), AutoShutdown::atom,
                path, b -> change(path, "auto_shutdown", n -> ((SupervisorNode) n).withAutoShutdown(b)));
        init("Init (simulated)", sup.init(), path, (n, b) -> ((SupervisorNode) n).withInit(b));
    }

    private void dynamic(DynamicSupervisorNode d, String path) {
        group("Dynamic supervisor");
        intensity(path, d.maxRestarts(), d.maxSeconds(), (n, r, s) -> ((DynamicSupervisorNode) n).withIntensity(r, s));
        maxChildren(d.maxChildren(), path, (n, m) -> ((DynamicSupervisorNode) n).withMaxChildren(m));
        area("Extra arguments (one term a line)", "extra_arguments", lines(d.extraArguments()), path,
                v -> change(path, "extra_arguments", n -> ((DynamicSupervisorNode) n).withExtraArguments(splitLines(v))), false);
        init("Init (simulated)", d.init(), path, (n, b) -> ((DynamicSupervisorNode) n).withInit(b));
    }

    private void taskSupervisor(TaskSupervisorNode t, String path) {
        group("Task supervisor");
        intensity(path, t.maxRestarts(), t.maxSeconds(), (n, r, s) -> ((TaskSupervisorNode) n).withIntensity(r, s));
        maxChildren(t.maxChildren(), path, (n, m) -> ((TaskSupervisorNode) n).withMaxChildren(m));
    }

    private void registry(RegistryNode r, String path) {
        group("Registry");
        choice("Keys", "keys", Arrays.asList(RegistryNode.Keys.values()), r.keys(), RegistryNode.Keys::atom, path,
                k -> change(path, "keys", n -> ((RegistryNode) n).withKeys(k)));
        parsed("Partitions", "partitions", String.valueOf(r.partitions()), path, "1 or more", InspectorValues::wholeNumber,
                (Integer p) -> change(path, "partitions", n -> ((RegistryNode) n).withPartitions(p)));
    }

    private void worker(WorkerNode w, String path) {
        WorkerSim sim = w.sim();
        group("Worker simulation");
        parsed("Init duration (ms)", "sim.init_ms", String.valueOf(sim.initDurationMs()), path, "ms", InspectorValues::wholeLong,
                (Long v) -> sim(path, "sim.init_ms", s -> s.withInitDurationMs(v)));
        init("Init outcome", sim.init(), path, (n, b) -> ((WorkerNode) n).withSim(((WorkerNode) n).sim().withInit(b)));
        check("Trap exits", "trap_exit", sim.trapExit(), path, v -> sim(path, "trap_exit", s -> s.withTrapExit(v)));
        parsed("Terminate takes (ms)", "terminate_ms", String.valueOf(sim.terminateMs()), path, "ms", InspectorValues::wholeLong,
                (Long v) -> sim(path, "terminate_ms", s -> s.withTerminateMs(v)));
        Dependency dep = sim.dependency();
        choice("Dependency", "sim.dependency.kind", Arrays.asList(Dependency.Kind.values()), dep.kind(), Dependency.Kind::word,
                path, k -> sim(path, "sim.dependency.kind",
                        s -> s.withDependency(new Dependency(k, s.dependency().connect(), s.dependency().backoffMs()))));
        choice("Connect", "sim.dependency.connect", Arrays.asList(Dependency.Connect.values()), dep.connect(),
                Dependency.Connect::word, path, c -> sim(path, "sim.dependency.connect",
                        s -> s.withDependency(new Dependency(s.dependency().kind(), c, s.dependency().backoffMs()))));
        parsed("Backoff (ms)", "sim.dependency.backoff_ms", String.valueOf(dep.backoffMs()), path, "ms", InspectorValues::wholeLong,
                (Long v) -> sim(path, "sim.dependency.backoff_ms",
                        s -> s.withDependency(new Dependency(s.dependency().kind(), s.dependency().connect(), v))));
        parsed("Call latency (ms)", "sim.call_latency_ms", String.valueOf(sim.callLatencyMs()), path, "ms",
                InspectorValues::wholeLong, (Long v) -> sim(path, "sim.call_latency_ms", s -> s.withCallLatencyMs(v)));
        parsed("Message rate (/s)", "sim.message_rate_per_s", rate(sim.messageRatePerSecond()), path, "messages a second, 0 = none",
                InspectorValues::rateOf, (Double v) -> sim(path, "sim.message_rate_per_s", s -> s.withMessageRatePerSecond(v)));
        text("Crash on message", "sim.crash_on", sim.crashOnMessage() == null ? "" : sim.crashOnMessage(), path,
                v -> sim(path, "sim.crash_on", s -> s.withCrashOnMessage(v.isBlank() ? null : v.trim())), false, "none");

        Naming naming = w.naming();
        group("Naming");
        choice("Scope", "name.scope", List.of("none", "local", "global", "via"), naming.scope(), s -> s, path,
                scope -> naming(path, "name.scope", old -> rescope(old, scope, w.id())));
        switch (naming) {
            case Naming.None none -> { }
            case Naming.Local l -> text("Name", "name.name", l.name(), path,
                    v -> naming(path, "name.name", old -> new Naming.Local(v.trim())), false);
            case Naming.Global g -> text("Name", "name.name", g.name(), path,
                    v -> naming(path, "name.name", old -> new Naming.Global(v.trim())), false);
            case Naming.Via v -> {
                List<String> registries = registryIds();
                editableChoice("Registry", "name.registry", registries, v.registryId(), path, "the id of a registry",
                        s -> s.trim(), (String id) -> naming(path, "name.registry",
                                old -> new Naming.Via(id, ((Naming.Via) old).key())));
                text("Key", "name.key", v.key(), path,
                        k -> naming(path, "name.key", old -> new Naming.Via(((Naming.Via) old).registryId(), k)), false);
            }
        }
    }

    // ---- shared pieces of the groups

    private interface Intensity {
        DesignNode apply(DesignNode node, int maxRestarts, int maxSeconds);
    }

    private interface With<T> {
        DesignNode apply(DesignNode node, T value);
    }

    private void intensity(String path, int maxRestarts, int maxSeconds, Intensity with) {
        parsed("Max restarts", "max_restarts", String.valueOf(maxRestarts), path, "0 or more", InspectorValues::wholeNumber,
                (Integer r) -> change(path, "max_restarts", n -> with.apply(n, r, secondsOf(n))));
        parsed("Max seconds", "max_seconds", String.valueOf(maxSeconds), path, "1 or more", InspectorValues::wholeNumber,
                (Integer s) -> change(path, "max_seconds", n -> with.apply(n, restartsOf(n), s)));
    }

    private static int restartsOf(DesignNode n) {
        return switch (n) {
            case SupervisorNode s -> s.maxRestarts();
            case DynamicSupervisorNode d -> d.maxRestarts();
            case TaskSupervisorNode t -> t.maxRestarts();
            default -> throw new IllegalStateException("no max_restarts on a " + n.kind().jsonName());
        };
    }

    private static int secondsOf(DesignNode n) {
        return switch (n) {
            case SupervisorNode s -> s.maxSeconds();
            case DynamicSupervisorNode d -> d.maxSeconds();
            case TaskSupervisorNode t -> t.maxSeconds();
            default -> throw new IllegalStateException("no max_seconds on a " + n.kind().jsonName());
        };
    }

    private void maxChildren(int value, String path, With<Integer> with) {
        editableChoice("Max children", "max_children", List.of("infinity", "10", "100", "1000"),
                value == DynamicSupervisorNode.INFINITY ? "infinity" : String.valueOf(value), path, "infinity or a number",
                InspectorValues::maxChildrenOf, (Integer m) -> change(path, "max_children", n -> with.apply(n, m)));
    }

    private void init(String name, InitBehaviour init, String path, With<InitBehaviour> with) {
        editableChoice(name, "init", List.of("ok", "crash", "ignore", "crash,ok", "crash_first:3"), InspectorValues.initText(init), path,
                "ok, crash, ignore, a sequence such as ok,crash, or crash_first:N", InspectorValues::initOf,
                (InitBehaviour b) -> change(path, "init", n -> with.apply(n, b)));
    }

    private List<String> registryIds() {
        List<String> ids = new ArrayList<>();
        for (String p : DesignPaths.allPaths(editor.design())) {
            DesignPaths.find(editor.design(), p).ifPresent(n -> {
                if (n instanceof RegistryNode r && !ids.contains(r.id())) ids.add(r.id());
            });
        }
        return ids;
    }

    private static Naming rescope(Naming old, String scope, String id) {
        String name = switch (old) {
            case Naming.Local l -> l.name();
            case Naming.Global g -> g.name();
            default -> id;
        };
        return switch (scope) {
            case "local" -> new Naming.Local(name);
            case "global" -> new Naming.Global(name);
            case "via" -> old instanceof Naming.Via v ? v : new Naming.Via("", id);
            default -> Naming.NONE;
        };
    }

    // ---- changes, all through the editor's undo stack

    private void change(String path, String field, UnaryOperator<DesignNode> f) {
        report.accept(editor.changeNode(path, field, f));
    }

    private void spec(String path, String field, UnaryOperator<ChildSpecFields> f) {
        change(path, field, n -> n.withSpec(f.apply(n.spec())));
    }

    private void sim(String path, String field, UnaryOperator<WorkerSim> f) {
        change(path, field, n -> ((WorkerNode) n).withSim(f.apply(((WorkerNode) n).sim())));
    }

    private void naming(String path, String field, UnaryOperator<Naming> f) {
        change(path, field, n -> ((WorkerNode) n).withNaming(f.apply(((WorkerNode) n).naming())));
    }

    private static String rate(double r) {
        return r == Math.rint(r) && Math.abs(r) < 1e15 ? String.valueOf((long) r) : String.valueOf(r);
    }

    private static String lines(List<String> items) {
        return String.join("\n", items);
    }

    private static List<String> splitLines(String text) {
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    // ---- controls


    private void heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_BOLD, "inspector-heading");
        l.setWrapText(true);
        form.getChildren().add(l);
    }

    private void group(String title) {
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

    private Label nameLabel(String name) {
        Label l = new Label(name);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "inspector-field-name");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private void info(String name, String value) {
        Label n = nameLabel(name);
        Label v = new Label(value);
        v.setWrapText(true);
        v.setMinHeight(Region.USE_PREF_SIZE);
        v.getStyleClass().add(Styles.TEXT_SMALL);
        GridPane.setValignment(n, VPos.TOP);
        grid.addRow(row++, n, v);
    }

    private void text(String name, String field, String value, String path, Consumer<String> apply, boolean live) {
        text(name, field, value, path, apply, live, null);
    }

    /** A one-line text field; {@code live}: every keystroke is an edit (merged into one step), else on Enter / focus loss. */
    private void text(String name, String field, String value, String path, Consumer<String> apply, boolean live, String prompt) {
        TextField one = new TextField(value);
        if (prompt != null) one.setPromptText(prompt);
        one.setOnAction(e -> apply.accept(one.getText()));
        textInput(name, field, value, path, apply, live, one);
    }

    private void area(String name, String field, String value, String path, Consumer<String> apply, boolean live) {
        TextArea area = new TextArea(value);
        area.setWrapText(true);
        area.setPrefRowCount(field.equals("notes") || field.equals("description") ? 3 : 2);
        textInput(name, field, value, path, apply, live, area);
    }

    private void textInput(String name, String field, String value, String path, Consumer<String> apply, boolean live,
                           TextInputControl tf) {
        tf.setId(InspectorValues.idOf(field));
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

    /** A text field whose text is parsed: on Enter or focus loss; input that does not parse shows why and changes nothing. */
    private <T> void parsed(String name, String field, String value, String path, String prompt, Function<String, T> parse,
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
            if (!now && !rebuilding) commit.run();
        });
        msg[0] = field(name, tf, path, field);
    }

    private <T> void choice(String name, String field, List<T> values, T current, Function<T, String> show, String path,
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
            if (!rebuilding && b != null && !b.equals(a)) apply.accept(b);
        });
        field(name, box, path, field);
    }

    /** An editable combo box: pick a suggestion or type; the text is parsed like {@link #parsed}. */
    private <T> void editableChoice(String name, String field, List<String> suggestions, String current, String path,
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
            if (rebuilding || b == null || b.equals(current)) return;
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

    private void check(String name, String field, boolean value, String path, Consumer<Boolean> apply) {
        CheckBox box = new CheckBox();
        box.setSelected(value);
        box.setId(InspectorValues.idOf(field));
        box.selectedProperty().addListener((o, a, b) -> {
            if (!rebuilding) apply.accept(b);
        });
        field(name, box, path, field);
    }

    private Label field(String name, javafx.scene.Node control, String path, String field) {
        shown.add(field);
        Label l = nameLabel(name);
        l.setLabelFor(control);
        if (control instanceof TextArea) {
            GridPane.setValignment(l, VPos.TOP);
            l.setPadding(new Insets(5, 0, 0, 0));
        }
        if (control instanceof javafx.scene.control.Control c) c.setMaxWidth(Double.MAX_VALUE);
        GridPane.setFillWidth(control, true);
        grid.addRow(row++, l, control);
        Label msg = new Label();
        msg.getStyleClass().addAll(Styles.TEXT_SMALL, "field-problem");
        msg.setId("inspector-problem-" + field.replace('.', '-'));
        msg.setWrapText(true);
        msg.setUserData(new String[] {path, field});
        msg.setMinHeight(Region.USE_PREF_SIZE);
        grid.add(msg, 0, row++, 2, 1);
        messages.add(msg);
        fill(msg);
        return msg;
    }

    /** Input that does not parse: the field's message says why; the design is unchanged. */
    private static void invalid(Label msg, String why) {
        msg.setText("Error: " + why);
        msg.setVisible(true);
        msg.setManaged(true);
        msg.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        msg.getStyleClass().add(Styles.DANGER);
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

    private boolean isShown(String field) {
        for (String f : shown) {
            if (field.equals(f) || field.startsWith(f + ".") || field.startsWith(f + "[")) return true;
        }
        return false;
    }

    private void problems(String path) {
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

    private void refreshProblems() {
        for (Label l : messages) fill(l);
    }
}
