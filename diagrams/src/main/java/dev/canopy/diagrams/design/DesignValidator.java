package dev.canopy.diagrams.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.ChildType;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.Strategy;

/**
 * The rules a design must follow (OTP's and Elixir's checks on child specs and flags, plus what
 * export needs of names). Returns every problem at once, in tree order, each with the JSON path of
 * the offending value (as the writer lays the file out) and a plain sentence. ERRORs stop a design
 * from running ({@link ToScenario#checked}) and exporting; WARNINGs are advice.
 *
 * <p>Reserved words ({@code end}, {@code after}, ...) as ids are WARNINGs: exports quote them
 * ({@link ErlangNames#atom}). {@code auto_shutdown} without a significant child is a WARNING (OTP
 * accepts it; it never takes effect).
 */
public final class DesignValidator {

    /** Erlang's largest timer (ms); a larger shutdown makes the supervisor crash (badarg). */
    public static final long MAX_TIMEOUT_MS = 4_294_967_295L;

    private static final Pattern APP_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

    private final Design design;
    private final List<DesignProblem> problems = new ArrayList<>();
    /** Start order of every static node (depth first, children in order). */
    private final Map<DesignNode, Integer> order = new java.util.IdentityHashMap<>();
    private final Map<String, RegistryNode> registries = new HashMap<>();
    private final Map<String, Integer> registryOrder = new HashMap<>();
    private final Map<String, String> localNames = new HashMap<>();
    private final Map<String, String> globalNames = new HashMap<>();

    private DesignValidator(Design design) {
        this.design = design;
    }

    public static List<DesignProblem> validate(Design design) {
        DesignValidator v = new DesignValidator(design);
        v.run();
        return List.copyOf(v.problems);
    }

    /** True when no problem is an error. */
    public static boolean isValid(Design design) {
        return validate(design).stream().noneMatch(DesignProblem::isError);
    }

    private void error(String path, String message) {
        problems.add(DesignProblem.error(path, message));
    }

    private void warning(String path, String message) {
        problems.add(DesignProblem.warning(path, message));
    }

    private void run() {
        if (design.format() != Design.FORMAT) {
            error("$.format", "format must be " + Design.FORMAT + ", not " + design.format());
        }
        String name = design.name();
        Optional<String> hostile = ErlangNames.hostile(name);
        if (hostile.isPresent()) {
            error("$.name", "the design's name cannot name an OTP application: " + hostile.get()
                    + "; use lowercase letters, digits and _, such as my_app");
        } else if (!APP_NAME.matcher(name).matches()) {
            error("$.name", "the design's name '" + name + "' must start with a lowercase letter and use only "
                    + "lowercase letters, digits and _ (such as my_app), so that it can name the OTP application");
        }
        if (design.clusterNodes() < 1) {
            error("$.cluster_nodes", "cluster_nodes must be at least 1, not " + design.clusterNodes());
        } else if (design.clusterNodes() > ClusterNodes.MAX) {
            error("$.cluster_nodes", "the simulator plays at most " + ClusterNodes.MAX + " nodes (a to z), not " + design.clusterNodes());
        }
        DesignNode root = design.root();
        if (root instanceof WorkerNode || root instanceof RegistryNode) {
            error("$.tree.kind", "the root must be a supervisor, a dynamic_supervisor or a task_supervisor, not a "
                    + root.kind().jsonName());
        }
        index(root, new int[] {0});
        node(root, "$.tree", Optional.empty(), root.id());
        problems.addAll(StepTargets.check(design));
        problems.addAll(SimFieldChecks.check(design));
        problems.addAll(LabStepChecks.check(design));
    }

    private void index(DesignNode node, int[] next) {
        order.put(node, next[0]++);
        if (node instanceof RegistryNode r && !registries.containsKey(r.id())) {
            registries.put(r.id(), r);
            registryOrder.put(r.id(), order.get(node));
        }
        for (DesignNode c : node.children()) index(c, next);
    }

    private void node(DesignNode node, String path, Optional<DesignNode> parent, String slashPath) {
        id(node, path);
        label(node, path);
        spec(node, path, parent);
        switch (node) {
            case SupervisorNode s -> {
                intensity(path, s.maxRestarts(), s.maxSeconds());
                boolean anySignificant = s.children().stream().anyMatch(c -> c.spec().significant());
                if (s.autoShutdown() != AutoShutdown.NEVER && !anySignificant) {
                    warning(path + ".auto_shutdown", "auto_shutdown is " + s.autoShutdown().atom() + " but no child of '"
                            + s.id() + "' is significant, so it never takes effect");
                }
                Map<String, Integer> seen = new HashMap<>();
                for (int i = 0; i < s.children().size(); i++) {
                    DesignNode child = s.children().get(i);
                    String childPath = path + ".children[" + i + "]";
                    Integer first = seen.putIfAbsent(child.id(), i);
                    if (first != null) {
                        error(childPath + ".id", "duplicate id '" + child.id() + "': children[" + first + "] of '"
                                + s.id() + "' already has it; ids must be unique under one supervisor");
                    }
                    node(child, childPath, Optional.of(s), slashPath + "/" + child.id());
                }
            }
            case DynamicSupervisorNode d -> {
                intensity(path, d.maxRestarts(), d.maxSeconds());
                maxChildren(path, d.maxChildren());
                terms(path + ".extra_arguments", "extra_arguments", d.extraArguments());
                if (d.childTemplate().isPresent()) {
                    WorkerNode t = d.childTemplate().get();
                    node(t, path + ".child_template", Optional.of(d), slashPath + "/" + t.id());
                    if (t.naming() instanceof Naming.Local || t.naming() instanceof Naming.Global) {
                        if (d.maxChildren() != 1) {
                            warning(path + ".child_template.name", "every process '" + d.id() + "' starts from this "
                                    + "template would take the same name, so the second one fails with already_started; "
                                    + "use a via name through a Registry");
                        }
                    }
                }
            }
            case TaskSupervisorNode t -> {
                intensity(path, t.maxRestarts(), t.maxSeconds());
                maxChildren(path, t.maxChildren());
            }
            case RegistryNode r -> {
                if (r.partitions() < 1) {
                    error(path + ".partitions", "partitions must be at least 1, not " + r.partitions());
                }
            }
            case WorkerNode w -> worker(w, path, parent, slashPath);
        }
    }

    // ---- names

    private void id(DesignNode node, String path) {
        String id = node.id();
        Optional<String> hostile = ErlangNames.hostile(id);
        if (hostile.isPresent()) {
            error(path + ".id", "id " + quote(id) + " cannot become an Erlang atom: " + hostile.get()
                    + "; use lowercase letters, digits and _, such as cache");
        } else if (!ID.matcher(id).matches()) {
            error(path + ".id", "id '" + id + "' must start with a lowercase letter and use only letters, digits and _ "
                    + "(such as repo or cache_1), so that it is a plain Erlang atom");
        } else if (ErlangNames.RESERVED.contains(id)) {
            warning(path + ".id", "id '" + id + "' is an Erlang reserved word; Erlang exports will quote it as '"
                    + id + "'");
        }
    }

    private void label(DesignNode node, String path) {
        String label = node.label();
        for (int i = 0; i < label.length(); i++) {
            if (Character.isISOControl(label.charAt(i))) {
                error(path + ".label", "label must be one line without control characters");
                return;
            }
        }
    }

    private void module(String path, String what, String module) {
        Optional<String> hostile = ErlangNames.hostile(module);
        if (hostile.isPresent()) {
            error(path, what + " " + quote(module) + " cannot become a module name: " + hostile.get());
        } else if (!ErlangNames.isModule(module)) {
            error(path, what + " '" + module + "' must be an Elixir alias such as MyApp.Repo or an Erlang module "
                    + "atom such as my_repo");
        }
    }

    /**
     * Start arguments are plain terms as text; their grammar is checked by the exporters (which
     * parse them); here only what can never be a one-line term: empty text, line breaks, control
     * characters.
     */
    private void terms(String path, String what, List<String> terms) {
        for (int i = 0; i < terms.size(); i++) {
            Optional<String> hostile = ErlangNames.hostile(terms.get(i))
                    .filter(h -> h.startsWith("it is empty") || h.startsWith("it contains a line break")
                            || h.startsWith("it contains a control character"));
            if (hostile.isPresent()) {
                error(path + "[" + i + "]", what + "[" + i + "] " + quote(terms.get(i)) + " cannot be written into "
                        + "generated code: " + hostile.get() + "; write a plain term such as 42, :name or [1, 2]");
            }
        }
    }

    // ---- child spec

    private void spec(DesignNode node, String path, Optional<DesignNode> parent) {
        ChildSpecFields spec = node.spec();
        if (spec.hasStartModule()) module(path + ".start.module", "start module", spec.startModule());
        Optional<String> hostileFunction = ErlangNames.hostile(spec.startFunction());
        if (hostileFunction.isPresent() || !ErlangNames.isPlainAtom(spec.startFunction())) {
            error(path + ".start.function", "start function " + quote(spec.startFunction())
                    + " must be a plain function name such as start_link"
                    + hostileFunction.map(h -> " (" + h + ")").orElse(""));
        }
        terms(path + ".start.args", "args", spec.args());
        for (int i = 0; i < spec.modules().size(); i++) {
            module(path + ".modules[" + i + "]", "modules[" + i + "]", spec.modules().get(i));
        }
        if (parent.isEmpty()) return; // the child-spec fields are ignored on the root

        boolean supervisorType = node.kind().childType() == ChildType.SUPERVISOR;
        switch (spec.shutdown()) {
            case Shutdown.Timeout t when t.ms() > MAX_TIMEOUT_MS -> error(path + ".shutdown", "shutdown must be at most "
                    + MAX_TIMEOUT_MS + " ms (Erlang's largest timeout), not " + t.ms() + "; use infinity to wait forever");
            case Shutdown.Timeout t when supervisorType -> warning(path + ".shutdown", "'" + node.id() + "' is a "
                    + node.kind().jsonName() + "; give it shutdown infinity so that its children have time to stop "
                    + "(a timeout of " + t.ms() + " ms may kill them mid-shutdown)");
            case Shutdown.BrutalKill b when supervisorType -> warning(path + ".shutdown", "'" + node.id() + "' is a "
                    + node.kind().jsonName() + "; brutal_kill leaves its children to die unordered; use infinity");
            default -> { }
        }

        DesignNode p = parent.get();
        if (spec.significant()) {
            if (p instanceof SupervisorNode sup) {
                if (spec.restart() == Restart.PERMANENT) {
                    error(path + ".significant", "'" + node.id() + "' is significant, so it must be transient or "
                            + "temporary, not permanent (OTP rejects the child spec)");
                }
                if (sup.autoShutdown() == AutoShutdown.NEVER) {
                    error(path + ".significant", "'" + node.id() + "' is significant but its supervisor '" + sup.id()
                            + "' has auto_shutdown never; set auto_shutdown to any_significant or all_significant, "
                            + "or make the child not significant");
                }
            } else {
                warning(path + ".significant", "significant is ignored under a " + p.kind().jsonName());
            }
        }
        if (p instanceof SupervisorNode sup && sup.strategy() != Strategy.ONE_FOR_ONE
                && spec.restart() == Restart.TEMPORARY) {
            warning(path + ".restart", "'" + node.id() + "' is temporary: when " + sup.strategy().atom()
                    + " restarts its siblings, it is stopped and not started again");
        }
    }

    private void intensity(String path, int maxRestarts, int maxSeconds) {
        if (maxRestarts < 0) error(path + ".max_restarts", "max_restarts must be 0 or more, not " + maxRestarts);
        if (maxSeconds < 1) error(path + ".max_seconds", "max_seconds must be at least 1, not " + maxSeconds);
    }

    private void maxChildren(String path, int maxChildren) {
        if (maxChildren < -1) {
            error(path + ".max_children", "max_children must be 0 or more, or infinity, not " + maxChildren);
        } else if (maxChildren == 0) {
            warning(path + ".max_children", "max_children is 0, so every start_child fails with max_children");
        }
    }

    // ---- workers

    private void worker(WorkerNode w, String path, Optional<DesignNode> parent, String slashPath) {
        WorkerSim sim = w.sim();
        nonNegative(path + ".sim.init_ms", "init_ms", sim.initDurationMs());
        nonNegative(path + ".terminate_ms", "terminate_ms", sim.terminateMs());
        nonNegative(path + ".sim.call_latency_ms", "call_latency_ms", sim.callLatencyMs());
        if (!Double.isFinite(sim.messageRatePerSecond()) || sim.messageRatePerSecond() < 0) {
            error(path + ".sim.message_rate_per_s", "message_rate_per_s must be a number, 0 or more, not "
                    + sim.messageRatePerSecond());
        }
        Dependency dep = sim.dependency();
        nonNegative(path + ".sim.dependency.backoff_ms", "backoff_ms", dep.backoffMs());
        if (dep.kind() != Dependency.Kind.NONE && dep.connect() == Dependency.Connect.ASYNC_WITH_BACKOFF
                && dep.backoffMs() <= 0) {
            error(path + ".sim.dependency.backoff_ms", "backoff_ms must be more than 0 when connecting asynchronously "
                    + "with backoff, not " + dep.backoffMs());
        }
        if (dep.kind() == Dependency.Kind.REMOTE && dep.connect() == Dependency.Connect.SYNC_IN_INIT) {
            warning(path + ".sim.dependency.connect", "'" + w.id() + "' connects to a remote dependency in init: "
                    + "whenever the remote is down, init fails and the restarts can exhaust the supervisor; "
                    + "connect asynchronously with backoff");
        }
        if (sim.crashOnMessage() != null) {
            Optional<String> hostile = ErlangNames.hostile(sim.crashOnMessage());
            if (hostile.isPresent()) {
                error(path + ".sim.crash_on", "crash_on " + quote(sim.crashOnMessage())
                        + " cannot name a message: " + hostile.get());
            }
        }
        if (sim.trapExit() && w.spec().shutdown() instanceof Shutdown.Timeout t && parent.isPresent()
                && sim.terminateMs() > t.ms()) {
            warning(path + ".terminate_ms", "terminate takes " + sim.terminateMs() + " ms but the supervisor kills '"
                    + w.id() + "' after its shutdown of " + t.ms() + " ms");
        }
        naming(w, path, slashPath);
    }

    private void nonNegative(String path, String what, long value) {
        if (value < 0) error(path, what + " must be 0 or more, not " + value);
    }

    private void naming(WorkerNode w, String path, String slashPath) {
        switch (w.naming()) {
            case Naming.None n -> { }
            case Naming.Local l -> registered(path, l.name(), localNames, "local", slashPath);
            case Naming.Global g -> registered(path, g.name(), globalNames, "global", slashPath);
            case Naming.Via v -> {
                RegistryNode registry = registries.get(v.registryId());
                if (registry == null) {
                    error(path + ".name.registry", "no registry with id '" + v.registryId() + "' in this design; a via "
                            + "name needs a registry node");
                } else {
                    if (registry.keys() != RegistryNode.Keys.UNIQUE) {
                        error(path + ".name.registry", "registry '" + v.registryId() + "' has duplicate keys; a via "
                                + "name needs a registry with unique keys");
                    }
                    Integer own = order.get(w);
                    if (own != null && registryOrder.get(v.registryId()) > own) {
                        error(path + ".name.registry", "registry '" + v.registryId() + "' starts after '" + w.id()
                                + "'; put the registry before its users in start order");
                    }
                }
                Optional<String> hostile = ErlangNames.hostile(v.key());
                if (hostile.isPresent()) {
                    error(path + ".name.key", "key " + quote(v.key()) + " cannot be written into generated code: "
                            + hostile.get());
                }
            }
        }
    }

    private void registered(String path, String name, Map<String, String> taken, String scope, String slashPath) {
        Optional<String> hostile = ErlangNames.hostile(name);
        if (hostile.isPresent()) {
            error(path + ".name.name", "name " + quote(name) + " cannot become a registered name: " + hostile.get());
            return;
        }
        if (!ErlangNames.isModule(name)) {
            error(path + ".name.name", "name '" + name + "' must be an Elixir alias such as MyApp.Cache or an Erlang "
                    + "atom such as my_cache");
            return;
        }
        String first = taken.putIfAbsent(name, slashPath);
        if (first != null) {
            error(path + ".name.name", "the " + scope + " name '" + name + "' is already taken by '" + first
                    + "'; the second process would fail to start with already_started");
        }
    }

    /** Shows a name in a message with its hostile characters made visible. */
    private static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('\'').toString();
    }

}
