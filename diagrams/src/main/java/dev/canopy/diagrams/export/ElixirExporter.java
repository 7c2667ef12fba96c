package dev.canopy.diagrams.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.TaskSupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Shutdown;

/**
 * A mix project ({@code mix.exs}, {@code lib/app/application.ex}, one module per supervisor,
 * dynamic supervisor and worker module) that compiles and boots with Elixir 1.14 and later,
 * no dependencies.
 *
 * <p>Choices, and why:
 * <ul>
 *   <li>Every child spec is a map with all seven keys. Defaults are written out (the issue
 *       asks for it, and Erlang's and Elixir's defaults differ), and Elixir 1.14's
 *       {@code Supervisor.child_spec/2} rejects the {@code significant} key, which reached
 *       Elixir in 1.15; a map passes it straight to OTP.</li>
 *   <li>A supervisor with {@code auto_shutdown: :never} ends in the idiomatic
 *       {@code Supervisor.init(children, strategy: ..., max_restarts: ..., max_seconds: ...,
 *       auto_shutdown: :never)}. Any other auto_shutdown returns OTP's flags map from
 *       {@code init/1}, because 1.14's {@code Supervisor.init/2} drops the option.</li>
 *   <li>A Registry and a Task.Supervisor are started from Elixir's own modules under a
 *       registered name {@code App.<Id>}; a DynamicSupervisor gets a module
 *       ({@code use DynamicSupervisor}) with a {@code start_child} helper for its template.</li>
 *   <li>Workers are GenServer stubs whose {@code init/1} returns {@code {:ok, state}} (the
 *       simulator's init behaviours are not exported); {@code trap_exit} is.</li>
 * </ul>
 */
public final class ElixirExporter implements Exporter {

    @Override
    public String format() {
        return "elixir";
    }

    @Override
    public List<ExportedFile> export(Design design) throws ExportException {
        ExportModel m = ExportModel.of(design);
        List<ExportedFile> files = new ArrayList<>();
        files.add(new ExportedFile("mix.exs", mixExs(m)));
        files.add(new ExportedFile(".formatter.exs", "[\n  inputs: [\"{mix,.formatter}.exs\", \"{config,lib,test}/**/*.{ex,exs}\"]\n]\n"));
        files.add(new ExportedFile(file(m, m.alias + ".Application"), application(m)));
        for (ExportModel.Node n : m.nodes) {
            switch (n.design) {
                case SupervisorNode s -> files.add(new ExportedFile(file(m, n.exModule), supervisor(m, n, s)));
                case DynamicSupervisorNode d -> files.add(new ExportedFile(file(m, n.exModule), dynamicSupervisor(m, n, d)));
                default -> { }
            }
        }
        for (Map.Entry<String, Map<Integer, ExportModel.Node>> e : workerArities(m).entrySet()) {
            files.add(new ExportedFile(file(m, e.getKey()), worker(m, e.getValue())));
        }
        return uniquePaths(files);
    }

    // ---------------------------------------------------------------- project files

    private static String mixExs(ExportModel m) {
        return "defmodule " + m.alias + ".MixProject do\n"
                + "  use Mix.Project\n\n"
                + "  def project do\n"
                + "    [\n"
                + "      app: :" + m.app + ",\n"
                + "      version: \"0.1.0\",\n"
                + "      elixir: \"~> 1.14\",\n"
                + "      start_permanent: Mix.env() == :prod,\n"
                + "      deps: []\n"
                + "    ]\n"
                + "  end\n\n"
                + "  def application do\n"
                + "    [\n"
                + "      extra_applications: [:logger],\n"
                + "      mod: {" + m.alias + ".Application, []}\n"
                + "    ]\n"
                + "  end\n"
                + "end\n";
    }

    private static String application(ExportModel m) {
        return "defmodule " + m.alias + ".Application do\n"
                + "  @moduledoc " + Names.elixirString(m.design.description().isEmpty()
                        ? "Starts the supervision tree of " + m.design.name() + "." : m.design.description()) + "\n\n"
                + "  use Application\n\n"
                + "  @impl true\n"
                + "  def start(_type, _args) do\n"
                + "    " + (m.root.design instanceof TaskSupervisorNode t ? taskSupervisorStart(m.root, t)
                        : m.root.exModule + ".start_link([])") + "\n"
                + "  end\n"
                + "end\n";
    }

    // ---------------------------------------------------------------- supervisors

    private static String supervisor(ExportModel m, ExportModel.Node n, SupervisorNode s) {
        StringBuilder b = new StringBuilder();
        b.append("defmodule ").append(n.exModule).append(" do\n");
        b.append(moduledoc(n.design));
        b.append("  use Supervisor\n\n");
        b.append("  def start_link(init_arg) do\n");
        b.append("    Supervisor.start_link(__MODULE__, init_arg, name: __MODULE__)\n");
        b.append("  end\n\n");
        b.append("  @impl true\n");
        b.append("  def init(_init_arg) do\n");
        b.append("    children = ").append(childList(m, n.children, "    ")).append("\n\n");
        String strategy = s.strategy().atom();
        if (s.autoShutdown() == AutoShutdown.NEVER) {
            b.append("    Supervisor.init(children,\n");
            b.append("      strategy: :").append(strategy).append(",\n");
            b.append("      max_restarts: ").append(s.maxRestarts()).append(",\n");
            b.append("      max_seconds: ").append(s.maxSeconds()).append(",\n");
            b.append("      auto_shutdown: :never\n");
            b.append("    )\n");
        } else {
            b.append("    # OTP's flags map: Supervisor.init/2 passes auto_shutdown on only from Elixir 1.15.\n");
            b.append("    flags = %{\n");
            b.append("      strategy: :").append(strategy).append(",\n");
            b.append("      intensity: ").append(s.maxRestarts()).append(",\n");
            b.append("      period: ").append(s.maxSeconds()).append(",\n");
            b.append("      auto_shutdown: :").append(s.autoShutdown().atom()).append("\n");
            b.append("    }\n\n");
            b.append("    {:ok, {flags, children}}\n");
        }
        b.append("  end\n");
        b.append("end\n");
        return b.toString();
    }

    private static String dynamicSupervisor(ExportModel m, ExportModel.Node n, DynamicSupervisorNode d) {
        StringBuilder b = new StringBuilder();
        b.append("defmodule ").append(n.exModule).append(" do\n");
        b.append(moduledoc(n.design));
        b.append("  use DynamicSupervisor\n\n");
        b.append("  def start_link(init_arg) do\n");
        b.append("    DynamicSupervisor.start_link(__MODULE__, init_arg, name: __MODULE__)\n");
        b.append("  end\n\n");
        if (n.childTemplate != null) {
            b.append("  @doc \"Starts one child from the design's template.\"\n");
            b.append("  def start_child do\n");
            b.append("    DynamicSupervisor.start_child(__MODULE__, ").append(childSpec(m, n.childTemplate, "    ")).append(")\n");
            b.append("  end\n\n");
        } else {
            b.append("  @doc \"Starts a child from a child spec.\"\n");
            b.append("  def start_child(child_spec) do\n");
            b.append("    DynamicSupervisor.start_child(__MODULE__, child_spec)\n");
            b.append("  end\n\n");
        }
        b.append("  @impl true\n");
        b.append("  def init(_init_arg) do\n");
        b.append("    DynamicSupervisor.init(\n");
        b.append("      strategy: :one_for_one,\n");
        b.append("      max_restarts: ").append(d.maxRestarts()).append(",\n");
        b.append("      max_seconds: ").append(d.maxSeconds()).append(",\n");
        b.append("      max_children: ").append(maxChildren(d.maxChildren())).append(",\n");
        b.append("      extra_arguments: ").append(termList(n.extraArguments)).append("\n");
        b.append("    )\n");
        b.append("  end\n");
        b.append("end\n");
        return b.toString();
    }

    private static String childList(ExportModel m, List<ExportModel.Node> children, String indent) {
        if (children.isEmpty()) {
            return "[]";
        }
        StringBuilder b = new StringBuilder("[\n");
        for (int i = 0; i < children.size(); i++) {
            b.append(indent).append("  ").append(childSpec(m, children.get(i), indent + "  "));
            b.append(i + 1 < children.size() ? ",\n" : "\n");
        }
        return b.append(indent).append("]").toString();
    }

    /** The full child-spec map; indent is the indentation of the line the map starts on. */
    private static String childSpec(ExportModel m, ExportModel.Node n, String indent) {
        DesignNode d = n.design;
        String start;
        String modules;
        switch (d) {
            case RegistryNode r -> {
                start = startTuple("Registry", "start_link", "[[keys: :" + r.keys().atom() + ", name: " + n.exModule
                        + ", partitions: " + r.partitions() + "]]", indent);
                modules = "[Registry]";
            }
            case TaskSupervisorNode t -> {
                start = startTuple("Task.Supervisor", "start_link", "[" + taskSupervisorOptions(n, t) + "]", indent);
                modules = "[Task.Supervisor]";
            }
            case WorkerNode w -> {
                start = startTuple(n.exModule, n.startFunction, termList(n.args), indent);
                modules = modules(w.spec().modules(), n.exModule);
            }
            default -> {
                start = startTuple(n.exModule, "start_link", "[[]]", indent);
                modules = modules(d.spec().modules(), n.exModule);
            }
        }
        String in = indent + "  ";
        return "%{\n"
                + in + "id: " + Names.elixirAtom(n.id()) + ",\n"
                + in + "start:" + (start.startsWith("\n") ? "" : " ") + start + ",\n"
                + in + "restart: :" + d.spec().restart().atom() + ",\n"
                + in + "shutdown: " + shutdown(d.spec().shutdown()) + ",\n"
                + in + "type: :" + d.kind().childType().atom() + ",\n"
                + in + "significant: " + d.spec().significant() + ",\n"
                + in + "modules: " + modules + "\n"
                + indent + "}";
    }

    /** Elixir's formatter keeps lines within 98 columns. */
    private static final int LINE_LIMIT = 98;

    /**
     * The value of a child spec's {@code start:} key, laid out as {@code mix format} does: on
     * the key's line when it fits, else on the next lines with the args on their own line.
     */
    private static String startTuple(String module, String function, String args, String indent) {
        String oneLine = "{" + module + ", :" + function + ", " + args + "}";
        String in = indent + "  ";
        if ((in + "start: " + oneLine + ",").length() <= LINE_LIMIT) {
            return oneLine;
        }
        String head = "{" + module + ", :" + function + ", " + args + "}";
        if ((in + "  " + head + ",").length() <= LINE_LIMIT) {
            return "\n" + in + "  " + head;
        }
        return "\n" + in + "  {" + module + ", :" + function + ",\n" + in + "   " + args + "}";
    }

    private static String taskSupervisorOptions(ExportModel.Node n, TaskSupervisorNode t) {
        return "[name: " + n.exModule + ", max_restarts: " + t.maxRestarts() + ", max_seconds: " + t.maxSeconds()
                + ", max_children: " + maxChildren(t.maxChildren()) + "]";
    }

    private static String taskSupervisorStart(ExportModel.Node n, TaskSupervisorNode t) {
        return "Task.Supervisor.start_link(" + taskSupervisorOptions(n, t) + ")";
    }

    private static String modules(List<String> given, String fallback) {
        if (given.isEmpty()) {
            return "[" + fallback + "]";
        }
        List<String> out = new ArrayList<>();
        for (String g : given) {
            out.add(TermText.elixir(new TermText.Atom(ExportModel.nameAtom(g))));
        }
        return "[" + String.join(", ", out) + "]";
    }

    // ---------------------------------------------------------------- workers

    /** Worker modules in order, each with the arities its start function needs (one node per arity). */
    private static Map<String, Map<Integer, ExportModel.Node>> workerArities(ExportModel m) {
        Map<String, Map<Integer, ExportModel.Node>> out = new java.util.LinkedHashMap<>();
        for (ExportModel.Node n : m.allNodes()) {
            if (n.design instanceof WorkerNode) {
                int extra = n.template && n.parent.design instanceof DynamicSupervisorNode ? n.parent.extraArguments.size() : 0;
                out.computeIfAbsent(n.exModule, k -> new TreeMap<>()).putIfAbsent(n.args.size() + extra, n);
            }
        }
        return out;
    }

    private static String worker(ExportModel m, Map<Integer, ExportModel.Node> arities) {
        ExportModel.Node first = arities.values().iterator().next();
        WorkerNode w = (WorkerNode) first.design;
        StringBuilder b = new StringBuilder();
        b.append("defmodule ").append(first.exModule).append(" do\n");
        b.append(moduledoc(w));
        b.append("  use GenServer\n\n");
        TreeSet<String> functions = new TreeSet<>();
        for (Map.Entry<Integer, ExportModel.Node> e : arities.entrySet()) {
            List<String> params = new ArrayList<>();
            for (int i = 1; i <= e.getKey(); i++) {
                params.add(e.getKey() == 1 ? "arg" : "arg" + i);
            }
            String fn = e.getValue().startFunction;
            if (!functions.add(fn + "/" + e.getKey())) {
                continue;
            }
            b.append("  def ").append(fn).append("(").append(String.join(", ", params)).append(") do\n");
            b.append("    GenServer.start_link(__MODULE__, [").append(String.join(", ", params)).append("]")
                    .append(nameOption(m, (WorkerNode) e.getValue().design, e.getValue())).append(")\n");
            b.append("  end\n\n");
        }
        b.append("  @impl true\n");
        b.append("  def init(args) do\n");
        if (w.sim().trapExit()) {
            b.append("    Process.flag(:trap_exit, true)\n");
        }
        b.append("    {:ok, %{args: args}}\n");
        b.append("  end\n\n");
        b.append("  @impl true\n");
        b.append("  def handle_call(_request, _from, state) do\n");
        b.append("    {:reply, :ok, state}\n");
        b.append("  end\n\n");
        b.append("  @impl true\n");
        b.append("  def handle_cast(_request, state) do\n");
        b.append("    {:noreply, state}\n");
        b.append("  end\n\n");
        b.append("  @impl true\n");
        b.append("  def handle_info(_message, state) do\n");
        b.append("    {:noreply, state}\n");
        b.append("  end\n");
        b.append("end\n");
        return b.toString();
    }

    private static String nameOption(ExportModel m, WorkerNode w, ExportModel.Node n) {
        return switch (w.naming()) {
            case Naming.None none -> "";
            case Naming.Local l -> ", name: " + atom(l.name());
            case Naming.Global g -> ", name: {:global, " + atom(g.name()) + "}";
            case Naming.Via v -> ", name: {:via, Registry, {" + n.viaRegistry.exModule + ", " + Names.elixirString(v.key()) + "}}";
        };
    }

    // ---------------------------------------------------------------- small pieces

    private static String atom(String name) {
        return TermText.elixir(new TermText.Atom(ExportModel.nameAtom(name)));
    }

    private static String moduledoc(DesignNode n) {
        String text = n.label().isEmpty() ? n.notes() : n.notes().isEmpty() ? n.label() : n.label() + "\n\n" + n.notes();
        return "  @moduledoc " + (text.isEmpty() ? "false" : Names.elixirString(text)) + "\n\n";
    }

    private static String termList(List<TermText.T> terms) {
        return TermText.elixir(new TermText.Lst(terms));
    }

    static String shutdown(Shutdown s) {
        return switch (s) {
            case Shutdown.Timeout t -> Long.toString(t.ms());
            case Shutdown.BrutalKill b -> ":brutal_kill";
            case Shutdown.Infinity i -> ":infinity";
        };
    }

    private static String maxChildren(int max) {
        return max < 0 ? ":infinity" : Integer.toString(max);
    }

    /** Two modules whose file names reduce to the same text get {@code _2}, ... (one module per file). */
    private static List<ExportedFile> uniquePaths(List<ExportedFile> files) {
        UniqueNames paths = new UniqueNames("_");
        List<ExportedFile> out = new ArrayList<>();
        for (ExportedFile f : files) {
            String stem = f.path().endsWith(".ex") ? f.path().substring(0, f.path().length() - 3) : f.path();
            String claimed = paths.claim(stem);
            out.add(claimed.equals(stem) ? f : new ExportedFile(claimed + ".ex", f.content()));
        }
        return out;
    }

    /** {@code lib/app/sub/module.ex} for {@code Alias.Sub.Module}. */
    private static String file(ExportModel m, String module) {
        String rest = module.startsWith(m.alias + ".") ? module.substring(m.alias.length() + 1) : module;
        List<String> parts = new ArrayList<>();
        for (String seg : rest.split("\\.")) {
            parts.add(Names.snake(seg, "module").toLowerCase(Locale.ROOT));
        }
        return "lib/" + m.app + "/" + String.join("/", parts) + ".ex";
    }
}
