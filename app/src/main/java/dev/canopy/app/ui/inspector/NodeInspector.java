package dev.canopy.app.ui.inspector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import dev.canopy.app.ui.canvas.DocumentViewModel;
import dev.canopy.app.ui.edit.EditResult;
import dev.canopy.app.ui.edit.EditorViewModel;
import dev.canopy.diagrams.design.ChildSpecFields;
import dev.canopy.diagrams.design.Dependency;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignPaths;
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
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;

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
    private final InspectorForm form;
    private boolean rebuilding;

    NodeInspector(DocumentViewModel doc, Consumer<EditResult> report) {
        this.doc = doc;
        this.editor = doc.editor();
        this.report = report;
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("node-inspector");
        setId("node-inspector");
        form = new InspectorForm(editor, () -> rebuilding);
        setContent(form.node());
        rebuild();
        editor.selectionProperty().addListener((o, a, b) -> rebuild());
        editor.designProperty().addListener((o, a, b) -> {
            if (!isEditingText()) rebuild();
            else form.refreshProblems();
        });
    }

    private boolean isEditingText() {
        if (getScene() == null || !(getScene().getFocusOwner() instanceof TextInputControl tf)) return false;
        for (javafx.scene.Node n = tf; n != null; n = n.getParent()) {
            if (n == form.node()) return true;
        }
        return false;
    }

    private void rebuild() {
        rebuilding = true;
        double scroll = getVvalue();
        try {
            form.clear();
            String path = editor.selection().orElse(null);
            DesignNode node = editor.selectedNodeBinding().get();
            if (node == null) {
                designForm();
                return;
            }
            form.heading(node.kind().jsonName().replace('_', ' ') + " · " + path);
            form.group("General");
            form.text("Id", "id", node.id(), path, v -> report.accept(editor.rename(path, v)), false);
            form.text("Label", "label", node.label(), path,
                    v -> report.accept(editor.changeNode(path, "label", n -> n.withLabel(v))), true);
            form.area("Notes", "notes", node.notes(), path,
                    v -> report.accept(editor.changeNode(path, "notes", n -> n.withNotes(v))), true);
            int order = editor.startOrder(path).orElse(0);
            if (order > 0) form.info("Start order", order + " (drag it left or right of a sibling to change)");

            if (path.contains("/")) childSpec(node, path);
            switch (node) {
                case SupervisorNode s -> supervisor(s, path);
                case DynamicSupervisorNode d -> dynamic(d, path);
                case TaskSupervisorNode t -> taskSupervisor(t, path);
                case WorkerNode w -> worker(w, path);
                case RegistryNode r -> registry(r, path);
            }
            form.problems(path);
        } finally {
            rebuilding = false;
            setVvalue(scroll);
        }
    }

    // ---- the design itself

    private void designForm() {
        form.heading("Design");
        form.group("Design");
        form.text("Name", "name", doc.nameProperty().get(), "", v -> doc.nameProperty().set(v), true);
        form.area("Description", "description", doc.descriptionProperty().get(), "", v -> doc.descriptionProperty().set(v), true);
        form.parsed("Cluster nodes", "cluster_nodes", String.valueOf(doc.design().clusterNodes()), "", "number of BEAM nodes, 1 or more",
                InspectorValues::wholeNumber,
                (Integer n) -> report.accept(editor.changeDesignInfo("cluster_nodes", i -> i.withClusterNodes(n))));
        form.info("File", doc.file().map(Object::toString).orElse("(not saved)"));
        form.info("Processes", String.valueOf(doc.processCountBinding().get()));
        form.problems("");
    }

    // ---- groups

    private void childSpec(DesignNode node, String path) {
        ChildSpecFields spec = node.spec();
        form.group("Child spec");
        form.text("Start module", "start.module", spec.startModule(), path,
                v -> spec(path, "start.module", s -> s.withStartModule(v.trim())), false, "derived from the id");
        form.text("Start function", "start.function", spec.startFunction(), path,
                v -> spec(path, "start.function", s -> s.withStart(s.startModule(), v.trim(), s.args())), false);
        form.area("Start args (one term a line)", "start.args", lines(spec.args()), path,
                v -> spec(path, "start.args", s -> s.withStart(s.startModule(), s.startFunction(), splitLines(v))), false);
        form.choice("Restart", "restart", Arrays.asList(Restart.values()), spec.restart(), Restart::atom, path,
                r -> spec(path, "restart", s -> s.withRestart(r)));
        form.editableChoice("Shutdown", "shutdown", List.of("brutal_kill", "5000", "infinity"), spec.shutdown().render(), path,
                "brutal_kill, infinity or a time in ms", InspectorValues::shutdown,
                (UnaryOperator<ChildSpecFields> f) -> spec(path, "shutdown", f));
        form.check("Significant", "significant", spec.significant(), path,
                v -> spec(path, "significant", s -> s.withSignificant(v)));
        form.area("Modules (one a line)", "modules", lines(spec.modules()), path,
                v -> spec(path, "modules", s -> s.withModules(splitLines(v))), false);
    }

    private void supervisor(SupervisorNode sup, String path) {
        form.group("Supervisor");
        form.segmented("Strategy", "strategy", Arrays.asList(Strategy.values()), sup.strategy(), Strategy::atom, path,
                b -> change(path, "strategy", n -> ((SupervisorNode) n).withStrategy(b)));
        intensity(path, sup.maxRestarts(), sup.maxSeconds(), (n, r, s) -> ((SupervisorNode) n).withIntensity(r, s));
        form.choice("Auto shutdown", "auto_shutdown", Arrays.asList(AutoShutdown.values()), sup.autoShutdown(), AutoShutdown::atom,
                path, b -> change(path, "auto_shutdown", n -> ((SupervisorNode) n).withAutoShutdown(b)));
        init("Init (simulated)", sup.init(), path, (n, b) -> ((SupervisorNode) n).withInit(b));
    }

    private void dynamic(DynamicSupervisorNode d, String path) {
        form.group("Dynamic supervisor");
        intensity(path, d.maxRestarts(), d.maxSeconds(), (n, r, s) -> ((DynamicSupervisorNode) n).withIntensity(r, s));
        maxChildren(d.maxChildren(), path, (n, m) -> ((DynamicSupervisorNode) n).withMaxChildren(m));
        form.area("Extra arguments (one term a line)", "extra_arguments", lines(d.extraArguments()), path,
                v -> change(path, "extra_arguments", n -> ((DynamicSupervisorNode) n).withExtraArguments(splitLines(v))), false);
        init("Init (simulated)", d.init(), path, (n, b) -> ((DynamicSupervisorNode) n).withInit(b));
    }

    private void taskSupervisor(TaskSupervisorNode t, String path) {
        form.group("Task supervisor");
        intensity(path, t.maxRestarts(), t.maxSeconds(), (n, r, s) -> ((TaskSupervisorNode) n).withIntensity(r, s));
        maxChildren(t.maxChildren(), path, (n, m) -> ((TaskSupervisorNode) n).withMaxChildren(m));
    }

    private void registry(RegistryNode r, String path) {
        form.group("Registry");
        form.choice("Keys", "keys", Arrays.asList(RegistryNode.Keys.values()), r.keys(), RegistryNode.Keys::atom, path,
                k -> change(path, "keys", n -> ((RegistryNode) n).withKeys(k)));
        form.parsed("Partitions", "partitions", String.valueOf(r.partitions()), path, "1 or more", InspectorValues::wholeNumber,
                (Integer p) -> change(path, "partitions", n -> ((RegistryNode) n).withPartitions(p)));
    }

    private void worker(WorkerNode w, String path) {
        WorkerSim sim = w.sim();
        form.group("Worker simulation");
        form.parsed("Init duration (ms)", "sim.init_ms", String.valueOf(sim.initDurationMs()), path, "ms", InspectorValues::wholeLong,
                (Long v) -> sim(path, "sim.init_ms", s -> s.withInitDurationMs(v)));
        init("Init outcome", sim.init(), path, (n, b) -> ((WorkerNode) n).withSim(((WorkerNode) n).sim().withInit(b)));
        form.check("Trap exits", "trap_exit", sim.trapExit(), path, v -> sim(path, "trap_exit", s -> s.withTrapExit(v)));
        form.parsed("Terminate takes (ms)", "terminate_ms", String.valueOf(sim.terminateMs()), path, "ms", InspectorValues::wholeLong,
                (Long v) -> sim(path, "terminate_ms", s -> s.withTerminateMs(v)));
        Dependency dep = sim.dependency();
        form.choice("Dependency", "sim.dependency.kind", Arrays.asList(Dependency.Kind.values()), dep.kind(), Dependency.Kind::word,
                path, k -> sim(path, "sim.dependency.kind", // the with-ers keep the outages, which the inspector does not edit
                        s -> s.withDependency(s.dependency().withKind(k))));
        form.choice("Connect", "sim.dependency.connect", Arrays.asList(Dependency.Connect.values()), dep.connect(),
                Dependency.Connect::word, path, c -> sim(path, "sim.dependency.connect",
                        s -> s.withDependency(s.dependency().withConnect(c))));
        form.parsed("Backoff (ms)", "sim.dependency.backoff_ms", String.valueOf(dep.backoffMs()), path, "ms", InspectorValues::wholeLong,
                (Long v) -> sim(path, "sim.dependency.backoff_ms",
                        s -> s.withDependency(s.dependency().withBackoffMs(v))));
        form.parsed("Call latency (ms)", "sim.call_latency_ms", String.valueOf(sim.callLatencyMs()), path, "ms",
                InspectorValues::wholeLong, (Long v) -> sim(path, "sim.call_latency_ms", s -> s.withCallLatencyMs(v)));
        form.parsed("Message rate (/s)", "sim.message_rate_per_s", rate(sim.messageRatePerSecond()), path, "messages a second, 0 = none",
                InspectorValues::rateOf, (Double v) -> sim(path, "sim.message_rate_per_s", s -> s.withMessageRatePerSecond(v)));
        form.text("Crash on message", "sim.crash_on", sim.crashOnMessage() == null ? "" : sim.crashOnMessage(), path,
                v -> sim(path, "sim.crash_on", s -> s.withCrashOnMessage(v.isBlank() ? null : v.trim())), false, "none");
        // Simulator-only lesson fields, shown so that nothing in the file is hidden; edited in the file.
        if (!dep.outages().isEmpty()) {
            form.info("Outages", dep.outages().stream().map(o -> o.fromMs() + "–" + o.toMs() + " ms")
                    .collect(java.util.stream.Collectors.joining(", ")) + " (simulator only; edit in the file)");
        }
        if (sim.calls() != null) {
            var c = sim.calls();
            form.info("Calls", c.target() + " every " + c.everyMs() + " ms (timeout " + c.timeoutMs() + " ms); on an error: "
                    + c.policy().word() + (c.policy() == dev.canopy.diagrams.design.CallPolicy.RETRY
                    ? " from " + c.retryInMs() + " ms, doubling, " + c.maxAttempts() + " attempts" : "")
                    + " (simulator only; edit in the file)");
        }

        Naming naming = w.naming();
        form.group("Naming");
        form.choice("Scope", "name.scope", List.of("none", "local", "global", "via"), naming.scope(), s -> s, path,
                scope -> naming(path, "name.scope", old -> rescope(old, scope, w.id())));
        switch (naming) {
            case Naming.None none -> { }
            case Naming.Local l -> form.text("Name", "name.name", l.name(), path,
                    v -> naming(path, "name.name", old -> new Naming.Local(v.trim())), false);
            case Naming.Global g -> form.text("Name", "name.name", g.name(), path,
                    v -> naming(path, "name.name", old -> new Naming.Global(v.trim())), false);
            case Naming.Via v -> {
                List<String> registries = registryIds();
                form.editableChoice("Registry", "name.registry", registries, v.registryId(), path, "the id of a registry",
                        s -> s.trim(), (String id) -> naming(path, "name.registry",
                                old -> new Naming.Via(id, ((Naming.Via) old).key())));
                form.text("Key", "name.key", v.key(), path,
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
        form.parsed("Max restarts", "max_restarts", String.valueOf(maxRestarts), path, "0 or more", InspectorValues::wholeNumber,
                (Integer r) -> change(path, "max_restarts", n -> with.apply(n, r, secondsOf(n))));
        form.parsed("Max seconds", "max_seconds", String.valueOf(maxSeconds), path, "1 or more", InspectorValues::wholeNumber,
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
        form.editableChoice("Max children", "max_children", List.of("infinity", "10", "100", "1000"),
                value == DynamicSupervisorNode.INFINITY ? "infinity" : String.valueOf(value), path, "infinity or a number",
                InspectorValues::maxChildrenOf, (Integer m) -> change(path, "max_children", n -> with.apply(n, m)));
    }

    private void init(String name, InitBehaviour init, String path, With<InitBehaviour> with) {
        form.editableChoice(name, "init", List.of("ok", "crash", "ignore", "crash,ok", "crash_first:3"), InspectorValues.initText(init), path,
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


    /** The ControlsFX validation of the fields shown now (decorations on fields with problems). */
    public org.controlsfx.validation.ValidationSupport validation() {
        return form.validation();
    }
}
