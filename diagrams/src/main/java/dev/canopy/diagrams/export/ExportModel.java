package dev.canopy.diagrams.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DesignProblem;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.TaskSupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;

/**
 * A design prepared for the code exporters: the tree flattened in start order (depth first,
 * no recursion), every name the generated code needs chosen once (so the Elixir, Erlang and
 * Java exports agree), and the text-valued fields (args, extra_arguments, names) checked.
 *
 * <p>Naming rules, the same for every target:
 * <ul>
 *   <li>The OTP application is {@code snake(design name)} ({@code app}); the Elixir namespace
 *       ({@code alias}) is the first segment of the root's {@code start.module} when that is
 *       an alias such as {@code MyApp.Supervisor}, else the CamelCase of {@code app}. A name that would clash with an OTP or Elixir
 *       application gets {@code _app} appended.</li>
 *   <li>Every generated module lives under the application: {@code app_<x>} in Erlang,
 *       {@code Alias.<X>} in Elixir, so nothing generated can shadow an OTP or Elixir module.
 *       {@code x} is the node's {@code start.module} when given (either spelling) or its id.
 *       Workers with the same {@code start.module} share one module.</li>
 *   <li>Child ids, registered names and registry keys are written as literals of the exact
 *       design text ({@link Names}), never reduced.</li>
 * </ul>
 */
final class ExportModel {

    /** OTP and Elixir applications an export must not be named after. */
    private static final Set<String> TAKEN_APPS = Set.of(
            "kernel", "stdlib", "sasl", "compiler", "crypto", "ssl", "public_key", "inets", "mnesia",
            "runtime_tools", "tools", "observer", "erts", "asn1", "syntax_tools", "parsetools", "xmerl",
            "os_mon", "eunit", "common_test", "debugger", "dialyzer", "edoc", "ssh", "elixir", "logger",
            "mix", "iex", "eex", "ex_unit", "hex");

    private static final Pattern ALIAS = Pattern.compile("[A-Z][A-Za-z0-9_]*(\\.[A-Z][A-Za-z0-9_]*)*");

    /** One node of the tree (or a dynamic supervisor's child template). */
    static final class Node {
        final DesignNode design;
        final Node parent;
        final int depth;
        final String path;
        final boolean template;
        final List<Node> children = new ArrayList<>();
        Node childTemplate;
        /** Erlang module written for this node (null for none). */
        String erlModule;
        /** Elixir module written for this node; for a Registry or Task.Supervisor, its registered name. */
        String exModule;
        /** Name of the start function in the generated module (workers: from start.function). */
        String startFunction;
        List<TermText.T> args = List.of();
        List<TermText.T> extraArguments = List.of();
        /** For a worker with a via-name: the registry node it registers with. */
        Node viaRegistry;

        Node(DesignNode design, Node parent, String path, boolean template) {
            this.design = design;
            this.parent = parent;
            this.depth = parent == null ? 0 : parent.depth + 1;
            this.path = path;
            this.template = template;
        }

        String id() {
            return design.id();
        }
    }

    final Design design;
    final String app;
    final String alias;
    /** Tree nodes in start order (pre-order, root first); templates are not in it. */
    final List<Node> nodes;
    final Node root;
    /** Worker modules in order of first use, each with the first node that uses it. */
    final Map<String, Node> erlWorkerModules = new java.util.LinkedHashMap<>();
    final Map<String, Node> exWorkerModules = new java.util.LinkedHashMap<>();

    private ExportModel(Design design, String app, String alias, List<Node> nodes) {
        this.design = design;
        this.app = app;
        this.alias = alias;
        this.nodes = nodes;
        this.root = nodes.getFirst();
    }

    static ExportModel of(Design design) throws ExportException {
        String app = Names.snake(design.name(), "canopy_app");
        if (TAKEN_APPS.contains(app)) {
            app = app + "_app";
        }
        ExportModel m = new ExportModel(design, app, namespace(design, app), flatten(design.root()));
        List<DesignProblem> problems = new ArrayList<>();
        if (!(design.root() instanceof SupervisorNode || design.root() instanceof DynamicSupervisorNode
                || design.root() instanceof TaskSupervisorNode)) {
            problems.add(DesignProblem.error("$.tree.kind",
                    "the root of an exported tree must be a supervisor, a dynamic_supervisor or a task_supervisor"));
        }
        m.chooseNames();
        for (Node n : m.allNodes()) {
            m.checkNode(n, problems);
        }
        if (!problems.isEmpty()) {
            throw new ExportException(problems);
        }
        return m;
    }

    /** Tree nodes and templates, in start order, each template right after its supervisor. */
    List<Node> allNodes() {
        List<Node> all = new ArrayList<>();
        for (Node n : nodes) {
            all.add(n);
            if (n.childTemplate != null) {
                all.add(n.childTemplate);
            }
        }
        return all;
    }

    /** Elixir namespaces an export must not take over. */
    private static final Set<String> CORE_NAMESPACES = Set.of(
            "Elixir", "Kernel", "Application", "Supervisor", "DynamicSupervisor", "PartitionSupervisor", "GenServer",
            "Registry", "Task", "Agent", "Process", "Logger", "Mix", "IO", "File", "Enum", "String", "Map", "List",
            "Keyword", "System", "Code", "Module", "Node", "Port", "Access", "Stream", "Phoenix", "Ecto", "Plug");

    /**
     * The Elixir namespace: the first segment of the root's start module when it is an alias
     * ({@code MyApp.Supervisor} gives {@code MyApp}), else the application name in CamelCase.
     */
    private static String namespace(Design design, String app) {
        String given = design.root().spec().startModule();
        if (ALIAS.matcher(given).matches()) {
            String first = given.contains(".") ? given.substring(0, given.indexOf('.')) : given;
            if (!CORE_NAMESPACES.contains(first) && first.length() <= 60) {
                return first;
            }
        }
        return Names.camel(app, "app");
    }

    private static List<Node> flatten(DesignNode rootNode) {
        List<Node> out = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(new Node(rootNode, null, "$.tree", false));
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            out.add(n);
            if (n.parent != null) {
                n.parent.children.add(n);   // parents are visited first, children in order
            }
            if (n.design instanceof DynamicSupervisorNode d && d.childTemplate().isPresent()) {
                n.childTemplate = new Node(d.childTemplate().get(), n, n.path + ".child_template", true);
            }
            List<DesignNode> kids = n.design.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(new Node(kids.get(i), n, n.path + ".children[" + i + "]", false));
            }
        }
        return out;
    }

    private void chooseNames() {
        UniqueNames erl = new UniqueNames("_").reserve(app).reserve(app + "_app");
        UniqueNames ex = new UniqueNames("").reserve(alias + ".Application");
        Map<String, String[]> byStartModule = new HashMap<>();
        for (Node n : allNodes()) {
            String given = n.design.spec().startModule();
            String base = given.isEmpty() ? n.id() : given;
            if (n.design instanceof WorkerNode w) {
                // Workers share a module when they name the same start.module and register the
                // same way (the name is chosen inside the module's start function).
                String key = given + "\u0000" + w.naming();
                String[] shared = given.isEmpty() ? null : byStartModule.get(key);
                if (shared == null) {
                    shared = new String[] {erl.claim(erlangModule(base)), ex.claim(elixirModule(base))};
                    if (!given.isEmpty()) {
                        byStartModule.put(key, shared);
                    }
                }
                n.erlModule = shared[0];
                n.exModule = shared[1];
                erlWorkerModules.putIfAbsent(n.erlModule, n);
                exWorkerModules.putIfAbsent(n.exModule, n);
                n.startFunction = Names.snake(n.design.spec().startFunction(), "start_link");
            } else {
                n.erlModule = erl.claim(erlangModule(base));
                n.exModule = ex.claim(elixirModule(base));
                n.startFunction = "start_link";
            }
        }
    }

    /** {@code app_<snake>}; a given module that already has the prefix keeps its spelling. */
    private String erlangModule(String base) {
        String s = Names.snake(ALIAS.matcher(base).matches() ? lastSegment(base) : base, "node");
        return s.startsWith(app + "_") ? s : app + "_" + s;
    }

    /** {@code Alias.<Camel>}; a given alias already under the namespace keeps its spelling. */
    private String elixirModule(String base) {
        if (ALIAS.matcher(base).matches() && base.startsWith(alias + ".") && base.length() <= 120) {
            return base;
        }
        return alias + "." + Names.camel(ALIAS.matcher(base).matches() ? lastSegment(base) : base, "Node");
    }

    private static String lastSegment(String alias) {
        return alias.substring(alias.lastIndexOf('.') + 1);
    }

    private void checkNode(Node n, List<DesignProblem> problems) {
        if (!Names.fitsInAtom(n.id())) {
            problems.add(DesignProblem.error(n.path + ".id", "an id must be at most " + Names.MAX_ATOM_LENGTH
                    + " characters to be an atom"));
        }
        n.args = terms(n.design.spec().args(), n.path + ".start.args", problems);
        if (n.design instanceof DynamicSupervisorNode d) {
            n.extraArguments = terms(d.extraArguments(), n.path + ".extra_arguments", problems);
        }
        if (n.design instanceof WorkerNode w) {
            switch (w.naming()) {
                case Naming.None none -> { }
                case Naming.Local l -> checkAtom(l.name(), n.path + ".name.name", problems);
                case Naming.Global g -> checkAtom(g.name(), n.path + ".name.name", problems);
                case Naming.Via v -> {
                    n.viaRegistry = nodes.stream()
                            .filter(r -> r.design instanceof RegistryNode && r.id().equals(v.registryId()))
                            .findFirst().orElse(null);
                    if (n.viaRegistry == null) {
                        problems.add(DesignProblem.error(n.path + ".name.registry",
                                "no registry with this id in the design"));
                    }
                }
            }
        }
    }

    private static void checkAtom(String name, String path, List<DesignProblem> problems) {
        if (name.isEmpty() || !Names.fitsInAtom(name)) {
            problems.add(DesignProblem.error(path, "a registered name must be 1 to " + Names.MAX_ATOM_LENGTH
                    + " characters"));
        }
    }

    private static List<TermText.T> terms(List<String> texts, String path, List<DesignProblem> problems) {
        List<TermText.T> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                out.add(TermText.parse(texts.get(i)));
            } catch (TermText.BadTerm e) {
                problems.add(DesignProblem.error(path + "[" + i + "]", "not a plain term: " + e.getMessage()));
            }
        }
        return out;
    }

    /** A registered name as an atom: an alias spelling ({@code MyApp.Cache}) is Elixir's alias atom. */
    static String nameAtom(String name) {
        return ALIAS.matcher(name).matches() ? "Elixir." + name : name;
    }

    static boolean isSupervisorLike(DesignNode n) {
        return n instanceof SupervisorNode || n instanceof DynamicSupervisorNode || n instanceof TaskSupervisorNode
                || n instanceof RegistryNode;
    }
}
