package dev.canopy.diagrams.design;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.canopy.diagrams.scenario.InitReader;
import dev.canopy.diagrams.scenario.Json;
import dev.canopy.diagrams.scenario.JsonCursor;
import dev.canopy.diagrams.scenario.JsonTree;
import dev.canopy.diagrams.scenario.NodeReader;
import dev.canopy.diagrams.scenario.Problems;
import dev.canopy.diagrams.scenario.StepReader;
import dev.canopy.diagrams.scenario.Vocabulary;
import dev.canopy.engine.scenario.InitBehaviour;
import dev.canopy.engine.scenario.Step;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.Strategy;

/**
 * Reads {@code *.canopy.json} text into a {@link Design}. The design format is a strict superset
 * of the conformance scenario format (shared/conformance/FORMAT.md): a scenario file (no
 * {@code "format"} key) opens as a design of format 1, with the same defaults, the same messages
 * and the same steps reader. Never throws for bad input: every problem is returned at once with its
 * file, line and JSON path. Keys this version does not know are warnings (a newer Canopy may have
 * added them; they are reported, and would be lost on save); everything else is an error.
 *
 * <p>This reader checks the shape of the file (types, words, required keys). The rules of OTP
 * (unique ids, significant/auto_shutdown, names ...) are {@link DesignValidator}'s.
 */
public final class DesignReader {

    /** The id of a node that could not be read (not a valid id, so it never names a real node). */
    private static final String PLACEHOLDER = "?";

    private static final Set<String> TOP_LEVEL = Set.of("format", "name", "description", "cluster_nodes", "tree", "steps",
            "lab_steps");

    static final Map<String, DesignKind> KIND = kinds();
    private static final Set<String> COMMON = Set.of("id", "kind", "label", "notes", "start", "restart", "shutdown",
            "significant", "modules");
    private static final Map<DesignKind, Set<String>> OWN = Map.of(
            DesignKind.SUPERVISOR, Set.of("init", "strategy", "max_restarts", "max_seconds", "auto_shutdown", "children"),
            DesignKind.DYNAMIC_SUPERVISOR, Set.of("init", "max_restarts", "max_seconds", "max_children",
                    "extra_arguments", "child_template"),
            DesignKind.WORKER, Set.of("init", "trap_exit", "terminate_ms", "name", "sim"),
            DesignKind.TASK_SUPERVISOR, Set.of("max_restarts", "max_seconds", "max_children"),
            DesignKind.REGISTRY, Set.of("keys", "partitions"));
    private static final Set<String> NODE_KEYS = nodeKeys();

    private static final Map<String, RegistryNode.Keys> REGISTRY_KEYS = Map.of("unique", RegistryNode.Keys.UNIQUE,
            "duplicate", RegistryNode.Keys.DUPLICATE);
    private static final Map<String, Dependency.Kind> DEPENDENCY_KIND = words(Dependency.Kind.values());
    private static final Map<String, Dependency.Connect> CONNECT = words(Dependency.Connect.values());
    private static final Map<String, String> SCOPES = words(new String[] {"none", "local", "global", "via"});

    private DesignReader() {
    }

    /**
     * Parses JSON text; {@code file} labels the problems. When the file breaks the format, the
     * rules of {@link DesignValidator} are still checked on what could be read (a wrong value
     * replaced by its default, a node without id by a placeholder), so that one type error does
     * not hide the other problems; a rule broken in a node next to a reader error is left out, as
     * it may come from the default that replaced the wrong value.
     */
    public static LoadResult parse(String json, String file) {
        Problems problems = new Problems(file);
        Optional<Json> tree = JsonTree.parse(json, problems);
        Optional<Design> design = tree.flatMap(root -> design(JsonCursor.root(root, problems)));
        List<DesignProblem> found = problems.inFileOrder().stream().map(DesignProblem::of).toList();
        if (design.isPresent() && found.stream().noneMatch(DesignProblem::isError)) {
            return new LoadResult.Loaded(design.get(), found, SourceLines.of(file, tree.get()));
        }
        if (design.isEmpty()) return new LoadResult.Failed(found);
        List<DesignProblem> all = new ArrayList<>(found);
        List<DesignProblem> errors = found.stream().filter(DesignProblem::isError).toList();
        for (DesignProblem p : SourceLines.of(file, tree.get()).locate(DesignValidator.validate(design.get()))) {
            String owner = owner(p.jsonPath());
            boolean near = errors.stream().anyMatch(e -> {
                String b = owner(e.jsonPath());
                return b.equals(owner) || (isParent(b, owner) || isParent(owner, b)) && SHARED_RULES.stream()
                        .anyMatch(key -> e.jsonPath().equals(b + "." + key));
            });
            if (!near && !all.contains(p)) all.add(p);
        }
        all.sort(java.util.Comparator.comparingInt(DesignProblem::line));
        return new LoadResult.Failed(all);
    }

    /** Keys whose value a rule reads from a parent and its child together (significant ↔ auto_shutdown). */
    private static final Set<String> SHARED_RULES = Set.of("id", "kind", "restart", "significant", "auto_shutdown");

    private static final java.util.regex.Pattern OWNER =
            java.util.regex.Pattern.compile("^\\$\\.tree(?:\\.children\\[\\d+\\]|\\.child_template)*|^\\$\\.steps\\[\\d+\\]|^\\$\\.[a-z_]+|^\\$");

    /** The node (or step, or top-level key) a JSON path is in: $.tree.children[2].restart → $.tree.children[2]. */
    private static String owner(String jsonPath) {
        java.util.regex.Matcher m = OWNER.matcher(jsonPath);
        return m.find() ? m.group() : jsonPath;
    }

    private static boolean isParent(String parent, String child) {
        return child.startsWith(parent + ".") && child.lastIndexOf('.') == parent.length();
    }

    private static Optional<Design> design(JsonCursor doc) {
        if (!doc.expectObject()) return Optional.empty();
        doc.checkKeys(TOP_LEVEL, key -> Optional.empty());
        Optional<Integer> format = doc.get("format").map(DesignReader::format).orElse(Optional.of(Design.FORMAT));
        Optional<String> name = doc.require("name").flatMap(JsonCursor::string);
        String description = doc.get("description").flatMap(JsonCursor::string).orElse("");
        Optional<Integer> clusterNodes = doc.get("cluster_nodes").map(DesignReader::anyInt).orElse(Optional.of(1));
        Optional<JsonCursor> treeJson = doc.require("tree");
        Optional<DesignNode> tree = treeJson.flatMap(t -> t.value() instanceof Json.Obj
                ? Optional.of(nodeOrPlaceholder(t, true)) : node(t, true));
        Optional<String> rootId = tree.map(DesignNode::id).filter(id -> !id.equals(PLACEHOLDER))
                .or(() -> treeJson.flatMap(t -> t.get("id")).map(JsonCursor::value)
                        .filter(v -> v instanceof Json.Str s && Vocabulary.isId(s.value()))
                        .map(v -> ((Json.Str) v).value()));
        List<Step> steps = doc.get("steps").map(s -> StepReader.read(s, rootId)).orElse(List.of());
        List<LabStep> labSteps = doc.get("lab_steps").map(s -> LabStepReader.read(s, rootId.orElse(PLACEHOLDER))).orElse(List.of());
        // A value that could not be read has been reported (so the file does not load); its default
        // stands in for it, so that the rules can still be checked on the rest (see parse).
        if (tree.isEmpty()) return Optional.empty();
        return Optional.of(new Design(format.orElse(Design.FORMAT), name.orElse(""), description, clusterNodes.orElse(1),
                tree.get(), steps, labSteps));
    }

    /**
     * The format version. This version reads format 1; files without "format" are conformance
     * scenarios, which are format 1 too. A future format 2 would be upgraded here, before reading.
     */
    private static Optional<Integer> format(JsonCursor c) {
        if (c.value() instanceof Json.Num n && n.integer() != null && n.integer().signum() > 0) {
            if (n.integer().equals(BigInteger.valueOf(Design.FORMAT))) return Optional.of(Design.FORMAT);
            c.report("written by a newer Canopy (format " + n.text() + "); this version reads format " + Design.FORMAT);
            return Optional.empty();
        }
        c.report("format must be " + Design.FORMAT + ", not " + c.show());
        return Optional.empty();
    }

    // ---- nodes

    /** Reads a node; the root's kind defaults to supervisor, every other node's to worker. */
    static Optional<DesignNode> node(JsonCursor node, boolean root) {
        if (!node.expectObject()) return Optional.empty();
        Optional<String> id = node.require("id").flatMap(JsonCursor::string);
        Optional<DesignKind> kind = node.get("kind").map(k -> k.oneOf(KIND))
                .orElse(Optional.of(root ? DesignKind.SUPERVISOR : DesignKind.WORKER));
        node.checkKeys(NODE_KEYS, key -> kind.flatMap(k -> whyNot(k, key)));

        // An unknown kind has been reported; still check every value, as if each key applied.
        DesignKind k = kind.orElse(DesignKind.WORKER);
        ChildSpecFields d = ChildSpecFields.defaults(k);
        Reader r = new Reader(node, kind);
        Optional<ChildSpecFields> start = r.get("start", DesignReader::start);
        ChildSpecFields base = start.orElse(d);
        ChildSpecFields spec = new ChildSpecFields(base.startModule(), base.startFunction(), base.args(),
                r.get("restart", c -> c.oneOf(Vocabulary.RESTART)).orElse(d.restart()),
                r.get("shutdown", NodeReader::shutdown).orElse(d.shutdown()),
                r.get("significant", JsonCursor::bool).orElse(d.significant()),
                r.get("modules", DesignReader::strings).orElse(d.modules()));
        String label = r.get("label", JsonCursor::string).orElse("");
        String notes = r.get("notes", JsonCursor::string).orElse("");
        InitBehaviour init = r.get("init", InitReader::read).orElse(InitBehaviour.OK);
        int maxRestartsDefault = k == DesignKind.SUPERVISOR ? SupervisorNode.DEFAULT_MAX_RESTARTS
                : DynamicSupervisorNode.DEFAULT_MAX_RESTARTS;
        int maxRestarts = r.get("max_restarts", DesignReader::anyInt).orElse(maxRestartsDefault);
        int maxSeconds = r.get("max_seconds", DesignReader::anyInt).orElse(SupervisorNode.DEFAULT_MAX_SECONDS);
        int maxChildren = r.get("max_children", DesignReader::maxChildren).orElse(DynamicSupervisorNode.INFINITY);

        DesignNode result = switch (k) {
            case SUPERVISOR -> new SupervisorNode("?", label, notes, spec, init,
                    r.get("strategy", c -> c.oneOf(Vocabulary.STRATEGY)).orElse(Strategy.ONE_FOR_ONE),
                    maxRestarts, maxSeconds,
                    r.get("auto_shutdown", c -> c.oneOf(Vocabulary.AUTO_SHUTDOWN)).orElse(AutoShutdown.NEVER),
                    r.get("children", DesignReader::children).orElse(List.of()));
            case DYNAMIC_SUPERVISOR -> new DynamicSupervisorNode("?", label, notes, spec, init, maxRestarts, maxSeconds,
                    maxChildren, r.get("extra_arguments", DesignReader::strings).orElse(List.of()),
                    r.get("child_template", DesignReader::childTemplate).orElse(Optional.empty()));
            case WORKER -> new WorkerNode("?", label, notes, spec,
                    sim(r, init).orElse(WorkerSim.DEFAULT.withInit(init)),
                    r.get("name", DesignReader::naming).orElse(Naming.NONE));
            case TASK_SUPERVISOR -> new TaskSupervisorNode("?", label, notes, spec, maxRestarts, maxSeconds, maxChildren);
            case REGISTRY -> new RegistryNode("?", label, notes, spec,
                    r.get("keys", c -> c.oneOf(REGISTRY_KEYS)).orElse(RegistryNode.Keys.UNIQUE),
                    r.get("partitions", DesignReader::anyInt).orElse(1));
        };
        if (kind.isEmpty() && !root) {
            // keep reading children of a node whose kind is wrong, for their problems
            node.get("children").filter(c -> c.value() instanceof Json.Arr).ifPresent(DesignReader::children);
        }
        return id.isPresent() && kind.isPresent() ? Optional.of(result.withId(id.get())) : Optional.empty();
    }

    /** Reads keys applicable to the node's kind (inapplicable keys are already reported). */
    private record Reader(JsonCursor node, Optional<DesignKind> kind) {
        <T> Optional<T> get(String key, Function<JsonCursor, Optional<T>> reader) {
            if (kind.isPresent() && whyNot(kind.get(), key).isPresent()) return Optional.empty();
            return node.get(key).flatMap(reader);
        }
    }

    private static Optional<String> whyNot(DesignKind kind, String key) {
        if (COMMON.contains(key) || OWN.get(kind).contains(key)) return Optional.empty();
        if (key.equals("children")) {
            return Optional.of(switch (kind) {
                case WORKER -> "a worker cannot have children";
                case DYNAMIC_SUPERVISOR -> "a dynamic_supervisor cannot have children in the tree; it gets them "
                        + "through start_child steps (describe them with child_template)";
                case TASK_SUPERVISOR -> "a task_supervisor cannot have children in the tree; it starts tasks on demand";
                default -> "a registry cannot have children";
            });
        }
        return Optional.of("'" + key + "' does not apply to a " + kind.jsonName());
    }

    private static Optional<List<DesignNode>> children(JsonCursor c) {
        List<DesignNode> children = new ArrayList<>();
        for (JsonCursor child : c.items().orElse(List.of())) children.add(nodeOrPlaceholder(child, false));
        return Optional.of(children);
    }

    /**
     * The node, or (after its problem has been reported) a placeholder worker in its place, so
     * that its siblings keep their indices and the rules can still be checked on them.
     */
    private static DesignNode nodeOrPlaceholder(JsonCursor c, boolean root) {
        return node(c, root).orElseGet(() -> {
            String id = c.value() instanceof Json.Obj ? c.get("id").map(JsonCursor::value)
                    .filter(v -> v instanceof Json.Str s && Vocabulary.isId(s.value()))
                    .map(v -> ((Json.Str) v).value()).orElse(PLACEHOLDER) : PLACEHOLDER;
            DesignKind k = root ? DesignKind.SUPERVISOR : DesignKind.WORKER;
            DesignNode placeholder = root
                    ? new SupervisorNode("?", "", "", ChildSpecFields.defaults(k), InitBehaviour.OK, Strategy.ONE_FOR_ONE,
                            SupervisorNode.DEFAULT_MAX_RESTARTS, SupervisorNode.DEFAULT_MAX_SECONDS, AutoShutdown.NEVER, List.of())
                    : new WorkerNode("?", "", "", ChildSpecFields.defaults(k), WorkerSim.DEFAULT, Naming.NONE);
            return placeholder.withId(id);
        });
    }

    private static Optional<Optional<WorkerNode>> childTemplate(JsonCursor c) {
        if (c.value() instanceof Json.Null) return Optional.of(Optional.empty());
        Optional<DesignNode> node = node(c, false);
        if (node.isPresent() && !(node.get() instanceof WorkerNode)) {
            c.report("child_template must be a worker, not a " + node.get().kind().jsonName());
            return Optional.empty();
        }
        return node.map(n -> Optional.of((WorkerNode) n));
    }

    private static Optional<ChildSpecFields> start(JsonCursor c) {
        if (!c.expectObject()) return Optional.empty();
        c.checkKeys(Set.of("module", "function", "args"), key -> Optional.empty());
        Optional<String> module = c.get("module").map(JsonCursor::string).orElse(Optional.of(""));
        Optional<String> function = c.get("function").map(JsonCursor::string)
                .orElse(Optional.of(ChildSpecFields.DEFAULT_FUNCTION));
        Optional<List<String>> args = c.get("args").map(DesignReader::strings).orElse(Optional.of(List.of()));
        if (module.isEmpty() || function.isEmpty() || args.isEmpty()) return Optional.empty();
        return Optional.of(ChildSpecFields.defaults(DesignKind.WORKER).withStart(module.get(), function.get(), args.get()));
    }

    private static Optional<WorkerSim> sim(Reader r, InitBehaviour init) {
        boolean trapExit = r.get("trap_exit", JsonCursor::bool).orElse(false);
        long terminateMs = r.get("terminate_ms", DesignReader::anyLong).orElse(0L);
        WorkerSim base = WorkerSim.DEFAULT.withInit(init).withTrapExit(trapExit).withTerminateMs(terminateMs);
        Optional<JsonCursor> simJson = r.node().get("sim");
        if (simJson.isEmpty() || r.kind().isPresent() && r.kind().get() != DesignKind.WORKER) return Optional.of(base);
        JsonCursor c = simJson.get();
        if (!c.expectObject()) return Optional.empty();
        c.checkKeys(Set.of("init_ms", "dependency", "call_latency_ms", "message_rate_per_s", "crash_on"),
                key -> Optional.empty());
        Optional<Long> initMs = c.get("init_ms").map(DesignReader::anyLong).orElse(Optional.of(0L));
        Optional<Dependency> dependency = c.get("dependency").map(DesignReader::dependency).orElse(Optional.of(Dependency.NONE));
        Optional<Long> latency = c.get("call_latency_ms").map(DesignReader::anyLong).orElse(Optional.of(0L));
        Optional<Double> rate = c.get("message_rate_per_s").map(DesignReader::rate).orElse(Optional.of(0.0));
        Optional<Optional<String>> crashOn = c.get("crash_on")
                .map(x -> x.value() instanceof Json.Null ? Optional.of(Optional.<String>empty()) : x.string().map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        if (initMs.isEmpty() || dependency.isEmpty() || latency.isEmpty() || rate.isEmpty() || crashOn.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WorkerSim(initMs.get(), init, trapExit, terminateMs, dependency.get(), latency.get(),
                rate.get(), crashOn.get().orElse(null)));
    }

    private static Optional<Dependency> dependency(JsonCursor c) {
        if (!c.expectObject()) return Optional.empty();
        c.checkKeys(Set.of("kind", "connect", "backoff_ms"), key -> Optional.empty());
        Optional<Dependency.Kind> kind = c.require("kind").flatMap(k -> k.oneOf(DEPENDENCY_KIND));
        Optional<Dependency.Connect> connect = c.get("connect").map(k -> k.oneOf(CONNECT))
                .orElse(Optional.of(kind.orElse(Dependency.Kind.NONE) == Dependency.Kind.REMOTE
                        ? Dependency.Connect.ASYNC_WITH_BACKOFF : Dependency.Connect.SYNC_IN_INIT));
        Optional<Long> backoff = c.get("backoff_ms").map(DesignReader::anyLong).orElse(Optional.of(0L));
        if (kind.isEmpty() || connect.isEmpty() || backoff.isEmpty()) return Optional.empty();
        return Optional.of(new Dependency(kind.get(), connect.get(), backoff.get()));
    }

    private static Optional<Naming> naming(JsonCursor c) {
        if (!c.expectObject()) return Optional.empty();
        Optional<String> scope = c.require("scope").flatMap(s -> s.oneOf(SCOPES));
        c.checkKeys(Set.of("scope", "name", "registry", "key"), key -> scope.flatMap(s -> switch (s) {
            case "local", "global" -> key.equals("name") || key.equals("scope") ? Optional.empty()
                    : Optional.of("'" + key + "' does not apply to a " + s + " name");
            case "via" -> key.equals("name") ? Optional.of("a via name has 'registry' and 'key', not 'name'")
                    : Optional.empty();
            default -> key.equals("scope") ? Optional.empty() : Optional.of("'" + key + "' does not apply to scope none");
        }));
        if (scope.isEmpty()) return Optional.empty();
        return switch (scope.get()) {
            case "local" -> c.require("name").flatMap(JsonCursor::string).map(Naming.Local::new);
            case "global" -> c.require("name").flatMap(JsonCursor::string).map(Naming.Global::new);
            case "via" -> {
                Optional<String> registry = c.require("registry").flatMap(JsonCursor::string);
                Optional<String> key = c.require("key").flatMap(JsonCursor::string);
                yield registry.flatMap(reg -> key.map(k -> new Naming.Via(reg, k)));
            }
            default -> Optional.of(Naming.NONE);
        };
    }

    private static Optional<List<String>> strings(JsonCursor c) {
        Optional<List<JsonCursor>> items = c.items();
        if (items.isEmpty()) return Optional.empty();
        List<String> values = new ArrayList<>();
        for (JsonCursor item : items.get()) item.string().ifPresent(values::add);
        return values.size() == items.get().size() ? Optional.of(values) : Optional.empty();
    }

    /** Any integer that fits an int; the validator checks the range with a plain sentence. */
    private static Optional<Integer> anyInt(JsonCursor c) {
        if (c.value() instanceof Json.Num n && n.integer() != null && n.integer().bitLength() < 32) {
            return Optional.of(n.integer().intValueExact());
        }
        c.report(c.name() + " must be an integer, not " + c.show());
        return Optional.empty();
    }

    /** An integer or "infinity" (-1); the validator checks the range. */
    private static Optional<Integer> maxChildren(JsonCursor c) {
        if (c.value() instanceof Json.Str s && s.value().equals("infinity")) return Optional.of(DynamicSupervisorNode.INFINITY);
        if (c.value() instanceof Json.Num n && n.integer() != null && n.integer().bitLength() < 32) {
            return Optional.of(n.integer().intValueExact());
        }
        c.report("max_children must be an integer or \"infinity\", not " + c.show());
        return Optional.empty();
    }

    /** Any integer that fits a long (durations); the validator checks the range. */
    private static Optional<Long> anyLong(JsonCursor c) {
        if (c.value() instanceof Json.Num n && n.integer() != null && n.integer().bitLength() < 64) {
            return Optional.of(n.integer().longValueExact());
        }
        c.report(c.name() + " must be an integer, not " + c.show());
        return Optional.empty();
    }

    private static Optional<Double> rate(JsonCursor c) {
        if (c.value() instanceof Json.Num n) {
            double v = Double.parseDouble(n.text());
            if (Double.isFinite(v)) return Optional.of(v);
        }
        c.report(c.name() + " must be a number, not " + c.show());
        return Optional.empty();
    }

    private static Map<String, DesignKind> kinds() {
        Map<String, DesignKind> map = new LinkedHashMap<>();
        for (DesignKind k : DesignKind.values()) map.put(k.jsonName(), k);
        return java.util.Collections.unmodifiableMap(map);
    }

    private static Set<String> nodeKeys() {
        Set<String> all = new HashSet<>(COMMON);
        OWN.values().forEach(all::addAll);
        return Set.copyOf(all);
    }

    private static <E extends Enum<E>> Map<String, E> words(E[] values) {
        Map<String, E> map = new LinkedHashMap<>();
        for (E v : values) map.put(v.name().toLowerCase(java.util.Locale.ROOT), v);
        return java.util.Collections.unmodifiableMap(map);
    }

    private static Map<String, String> words(String[] values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String v : values) map.put(v, v);
        return java.util.Collections.unmodifiableMap(map);
    }

}
