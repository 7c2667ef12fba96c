package dev.canopy.diagrams.export;

import java.util.ArrayList;
import java.util.List;
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
import dev.canopy.engine.supervisor.Shutdown;

/**
 * A rebar-free OTP application: {@code src/*.erl} and {@code src/app.app.src} (a complete
 * {@code .app} file: copy it to {@code ebin/app.app}; rebar3 reads it as is), plus a
 * {@code Makefile} that does exactly that. Compiles and boots on OTP 24 and later.
 *
 * <p>Elixir-only kinds, mapped to what OTP has:
 * <ul>
 *   <li><b>DynamicSupervisor</b> with a child template: a {@code simple_one_for_one}
 *       supervisor with that template (extra_arguments prepended to the template's args, as
 *       Elixir does; {@code start_child()} starts one). Without a template: a
 *       {@code one_for_one} supervisor with no static children ({@code start_child(Spec)}).
 *       OTP's supervisor has no max_children, so the generated {@code start_child} enforces it
 *       as DynamicSupervisor does: with that many children running or restarting it returns
 *       {@code {error, max_children}} without starting one.</li>
 *   <li><b>Task.Supervisor</b>: a {@code simple_one_for_one} supervisor of temporary task
 *       processes (shutdown 5000), {@code start_child(Fun)}, with the same max_children check.</li>
 *   <li><b>Registry</b>: a generated gen_server with the via callbacks
 *       ({@code register_name/2}, {@code whereis_name/1}, ...), unique keys; workers named
 *       {@code {via, Mod, Key}}. Being a gen_server, its child spec says {@code type => worker}
 *       (Elixir's Registry is a supervisor); every other field is the design's.</li>
 * </ul>
 */
public final class ErlangExporter implements Exporter {

    @Override
    public String format() {
        return "erlang";
    }

    @Override
    public List<ExportedFile> export(Design design) throws ExportException {
        ExportModel m = ExportModel.of(design);
        List<ExportedFile> files = new ArrayList<>();
        List<String> modules = new ArrayList<>();
        modules.add(m.app + "_app");
        files.add(new ExportedFile("src/" + m.app + "_app.erl", application(m)));
        for (ExportModel.Node n : m.nodes) {
            String text = switch (n.design) {
                case SupervisorNode s -> supervisor(m, n, s);
                case DynamicSupervisorNode d -> dynamicSupervisor(m, n, d);
                case TaskSupervisorNode t -> taskSupervisor(n, t);
                case RegistryNode r -> registry(n, r);
                case WorkerNode w -> null;
            };
            if (text != null) {
                modules.add(n.erlModule);
                files.add(new ExportedFile("src/" + n.erlModule + ".erl", text));
            }
        }
        for (Map.Entry<String, Map<Integer, ExportModel.Node>> e : workerArities(m).entrySet()) {
            modules.add(e.getKey());
            files.add(new ExportedFile("src/" + e.getKey() + ".erl", worker(e.getValue())));
        }
        files.add(0, new ExportedFile("src/" + m.app + ".app.src", appSrc(m, modules)));
        files.add(new ExportedFile("Makefile", makefile(m)));
        return files;
    }

    // ---------------------------------------------------------------- application

    private static String appSrc(ExportModel m, List<String> modules) {
        List<String> registered = new ArrayList<>();
        for (ExportModel.Node n : m.nodes) {
            if (!(n.design instanceof WorkerNode)) {
                registered.add(n.erlModule);
            }
        }
        String description = m.design.description().isEmpty() ? m.design.name() : m.design.description();
        return "{application, " + m.app + ",\n"
                + " [{description, " + Names.erlangString(description) + "},\n"
                + "  {vsn, \"0.1.0\"},\n"
                + "  {modules, [" + String.join(", ", modules) + "]},\n"
                + "  {registered, [" + String.join(", ", registered) + "]},\n"
                + "  {applications, [kernel, stdlib]},\n"
                + "  {mod, {" + m.app + "_app, []}},\n"
                + "  {env, []}]}.\n";
    }

    private static String makefile(ExportModel m) {
        return "# Builds without rebar3: erlc, then the .app file next to the beams.\n"
                + "all:\n"
                + "\tmkdir -p ebin\n"
                + "\terlc -o ebin src/*.erl\n"
                + "\tcp src/" + m.app + ".app.src ebin/" + m.app + ".app\n\n"
                + "run: all\n"
                + "\terl -pa ebin -eval 'application:ensure_all_started(" + m.app + ")'\n";
    }

    private static String application(ExportModel m) {
        return "-module(" + m.app + "_app).\n"
                + "-behaviour(application).\n\n"
                + "-export([start/2, stop/1]).\n\n"
                + "start(_StartType, _StartArgs) ->\n"
                + "    " + m.root.erlModule + ":start_link().\n\n"
                + "stop(_State) ->\n"
                + "    ok.\n";
    }

    // ---------------------------------------------------------------- supervisors

    private static String header(ExportModel.Node n, String behaviour, String exports) {
        return "-module(" + n.erlModule + ").\n"
                + docComment(n.design)
                + "-behaviour(" + behaviour + ").\n\n"
                + "-export([" + exports + "]).\n\n";
    }

    private static String supervisor(ExportModel m, ExportModel.Node n, SupervisorNode s) {
        return header(n, "supervisor", "start_link/0, init/1")
                + startLink()
                + "init([]) ->\n"
                + "    SupFlags = #{strategy => " + s.strategy().atom() + ",\n"
                + "                 intensity => " + s.maxRestarts() + ",\n"
                + "                 period => " + s.maxSeconds() + ",\n"
                + "                 auto_shutdown => " + s.autoShutdown().atom() + "},\n"
                + "    ChildSpecs = " + childList(m, n.children) + ",\n"
                + "    {ok, {SupFlags, ChildSpecs}}.\n";
    }

    private static String dynamicSupervisor(ExportModel m, ExportModel.Node n, DynamicSupervisorNode d) {
        if (n.childTemplate != null) {
            return header(n, "supervisor", "start_link/0, start_child/0, init/1")
                    + "%% The design's DynamicSupervisor, as OTP's simple_one_for_one: one child template,\n"
                    + "%% children only on demand. extra_arguments come first in the template's args.\n"
                    + maxChildrenNote(d.maxChildren()) + "\n"
                    + startLink()
                    + "start_child() ->\n"
                    + limited(d.maxChildren(), "supervisor:start_child(?MODULE, [])")
                    + maxChildrenHelpers(d.maxChildren())
                    + "init([]) ->\n"
                    + "    SupFlags = #{strategy => simple_one_for_one,\n"
                    + "                 intensity => " + d.maxRestarts() + ",\n"
                    + "                 period => " + d.maxSeconds() + ",\n"
                    + "                 auto_shutdown => never},\n"
                    + "    ChildSpecs = [" + childSpec(m, n.childTemplate, "                  ") + "],\n"
                    + "    {ok, {SupFlags, ChildSpecs}}.\n";
        }
        return header(n, "supervisor", "start_link/0, start_child/1, init/1")
                + "%% The design's DynamicSupervisor (no child template): a one_for_one supervisor\n"
                + "%% without static children; start_child/1 takes a full child spec.\n"
                + maxChildrenNote(d.maxChildren()) + "\n"
                + startLink()
                + "start_child(ChildSpec) ->\n"
                + limited(d.maxChildren(), "supervisor:start_child(?MODULE, ChildSpec)")
                + maxChildrenHelpers(d.maxChildren())
                + "init([]) ->\n"
                + "    SupFlags = #{strategy => one_for_one,\n"
                + "                 intensity => " + d.maxRestarts() + ",\n"
                + "                 period => " + d.maxSeconds() + ",\n"
                + "                 auto_shutdown => never},\n"
                + "    {ok, {SupFlags, []}}.\n";
    }

    /** The comment on the limit: OTP's supervisor has none, so start_child checks it. */
    private static String maxChildrenNote(int maxChildren) {
        return maxChildren < 0
                ? "%% max_children: infinity in the design.\n"
                : "%% max_children: " + maxChildren + " in the design. OTP's supervisor has no such limit, so\n"
                        + "%% start_child refuses with {error, max_children} once that many children are running\n"
                        + "%% or restarting, as DynamicSupervisor does (checked before the call, not inside it).\n";
    }

    /** The body of a start_child: the call itself, behind the max_children check when there is a limit. */
    private static String limited(int maxChildren, String call) {
        if (maxChildren < 0) return "    " + call + ".\n\n";
        return "    case children() >= " + maxChildren + " of\n"
                + "        true -> {error, max_children};\n"
                + "        false -> " + call + "\n"
                + "    end.\n\n";
    }

    private static String maxChildrenHelpers(int maxChildren) {
        if (maxChildren < 0) return "";
        return "%% Children running or restarting (DynamicSupervisor counts both).\n"
                + "children() ->\n"
                + "    length([Pid || {_, Pid, _, _} <- supervisor:which_children(?MODULE), Pid =/= undefined]).\n\n";
    }

    private static String taskSupervisor(ExportModel.Node n, TaskSupervisorNode t) {
        return header(n, "supervisor", "start_link/0, start_child/1, start_task/1, init/1")
                + "%% The design's Task.Supervisor: temporary task processes, started on demand.\n"
                + maxChildrenNote(t.maxChildren()) + "\n"
                + startLink()
                + "%% Runs Fun in a new supervised task.\n"
                + "start_child(Fun) when is_function(Fun, 0) ->\n"
                + limited(t.maxChildren(), "supervisor:start_child(?MODULE, [Fun])")
                + maxChildrenHelpers(t.maxChildren())
                + "start_task(Fun) ->\n"
                + "    {ok, proc_lib:spawn_link(Fun)}.\n\n"
                + "init([]) ->\n"
                + "    SupFlags = #{strategy => simple_one_for_one,\n"
                + "                 intensity => " + t.maxRestarts() + ",\n"
                + "                 period => " + t.maxSeconds() + ",\n"
                + "                 auto_shutdown => never},\n"
                + "    Task = #{id => task,\n"
                + "             start => {?MODULE, start_task, []},\n"
                + "             restart => temporary,\n"
                + "             significant => false,\n"
                + "             shutdown => 5000,\n"
                + "             type => worker,\n"
                + "             modules => [?MODULE]},\n"
                + "    {ok, {SupFlags, [Task]}}.\n";
    }

    private static String registry(ExportModel.Node n, RegistryNode r) {
        return header(n, "gen_server", "start_link/0, register_name/2, unregister_name/1, whereis_name/1, send/2,\n"
                        + "         init/1, handle_call/3, handle_cast/2, handle_info/2")
                + "%% The design's Registry (keys: " + r.keys().atom() + ", partitions: " + r.partitions() + "). OTP has none:\n"
                + "%% this server keeps unique keys for {via, ?MODULE, Key} names; an entry goes away\n"
                + "%% when its process dies.\n\n"
                + "start_link() ->\n"
                + "    gen_server:start_link({local, ?MODULE}, ?MODULE, [], []).\n\n"
                + "register_name(Key, Pid) ->\n"
                + "    gen_server:call(?MODULE, {register, Key, Pid}).\n\n"
                + "unregister_name(Key) ->\n"
                + "    gen_server:call(?MODULE, {unregister, Key}).\n\n"
                + "whereis_name(Key) ->\n"
                + "    gen_server:call(?MODULE, {whereis, Key}).\n\n"
                + "send(Key, Message) ->\n"
                + "    case whereis_name(Key) of\n"
                + "        undefined -> exit({badarg, {Key, Message}});\n"
                + "        Pid -> Pid ! Message, Pid\n"
                + "    end.\n\n"
                + "init([]) ->\n"
                + "    {ok, #{}}.\n\n"
                + "handle_call({register, Key, Pid}, _From, Names) ->\n"
                + "    case maps:find(Key, Names) of\n"
                + "        {ok, Owner} when Owner =/= Pid ->\n"
                + "            case is_process_alive(Owner) of\n"
                + "                true -> {reply, no, Names};\n"
                + "                false -> add(Key, Pid, Names)\n"
                + "            end;\n"
                + "        _ -> add(Key, Pid, Names)\n"
                + "    end;\n"
                + "handle_call({unregister, Key}, _From, Names) ->\n"
                + "    {reply, ok, maps:remove(Key, Names)};\n"
                + "handle_call({whereis, Key}, _From, Names) ->\n"
                + "    {reply, maps:get(Key, Names, undefined), Names}.\n\n"
                + "handle_cast(_Request, Names) ->\n"
                + "    {noreply, Names}.\n\n"
                + "handle_info({'DOWN', _Ref, process, Pid, _Reason}, Names) ->\n"
                + "    {noreply, maps:filter(fun(_Key, Owner) -> Owner =/= Pid end, Names)};\n"
                + "handle_info(_Message, Names) ->\n"
                + "    {noreply, Names}.\n\n"
                + "add(Key, Pid, Names) ->\n"
                + "    erlang:monitor(process, Pid),\n"
                + "    {reply, yes, Names#{Key => Pid}}.\n";
    }

    private static String startLink() {
        return "start_link() ->\n"
                + "    supervisor:start_link({local, ?MODULE}, ?MODULE, []).\n\n";
    }

    private static String childList(ExportModel m, List<ExportModel.Node> children) {
        if (children.isEmpty()) {
            return "[]";
        }
        String indent = "      ";
        StringBuilder b = new StringBuilder("[\n");
        for (int i = 0; i < children.size(); i++) {
            b.append(indent).append(childSpec(m, children.get(i), indent));
            b.append(i + 1 < children.size() ? ",\n" : "\n");
        }
        return b.append("    ]").toString();
    }

    /** One child-spec map with every key; indent is that of the line it starts on. */
    private static String childSpec(ExportModel m, ExportModel.Node n, String indent) {
        DesignNode d = n.design;
        String start;
        String modules;
        if (d instanceof WorkerNode w) {
            List<TermText.T> args = new ArrayList<>();
            if (n.template && n.parent.design instanceof DynamicSupervisorNode) {
                args.addAll(n.parent.extraArguments);
            }
            args.addAll(n.args);
            start = "{" + n.erlModule + ", " + n.startFunction + ", " + TermText.erlang(new TermText.Lst(args)) + "}";
            modules = modules(w.spec().modules(), n.erlModule);
        } else {
            start = "{" + n.erlModule + ", start_link, []}";
            modules = modules(d.spec().modules(), n.erlModule);
        }
        String in = indent + "  ";
        return "#{id => " + Names.erlangAtom(n.id()) + ",\n"
                + in + "start => " + start + ",\n"
                + in + "restart => " + d.spec().restart().atom() + ",\n"
                + in + "significant => " + d.spec().significant() + ",\n"
                + in + "shutdown => " + shutdown(d.spec().shutdown()) + ",\n"
                + in + "type => " + erlangType(d) + ",\n"
                + in + "modules => " + modules + "}";
    }

    private static String modules(List<String> given, String fallback) {
        if (given.isEmpty()) {
            return "[" + fallback + "]";
        }
        List<String> out = new ArrayList<>();
        for (String g : given) {
            out.add(Names.erlangAtom(ExportModel.nameAtom(g)));
        }
        return "[" + String.join(", ", out) + "]";
    }

    // ---------------------------------------------------------------- workers

    private static Map<String, Map<Integer, ExportModel.Node>> workerArities(ExportModel m) {
        Map<String, Map<Integer, ExportModel.Node>> out = new java.util.LinkedHashMap<>();
        for (ExportModel.Node n : m.allNodes()) {
            if (n.design instanceof WorkerNode) {
                int extra = n.template && n.parent.design instanceof DynamicSupervisorNode ? n.parent.extraArguments.size() : 0;
                out.computeIfAbsent(n.erlModule, k -> new TreeMap<>()).putIfAbsent(n.args.size() + extra, n);
            }
        }
        return out;
    }

    private static String worker(Map<Integer, ExportModel.Node> arities) {
        ExportModel.Node first = arities.values().iterator().next();
        WorkerNode w = (WorkerNode) first.design;
        TreeSet<String> exports = new TreeSet<>();
        StringBuilder fns = new StringBuilder();
        for (Map.Entry<Integer, ExportModel.Node> e : arities.entrySet()) {
            String fn = e.getValue().startFunction;
            if (!exports.add(fn + "/" + e.getKey())) {
                continue;
            }
            List<String> params = new ArrayList<>();
            for (int i = 1; i <= e.getKey(); i++) {
                params.add(e.getKey() == 1 ? "Arg" : "Arg" + i);
            }
            String ps = String.join(", ", params);
            fns.append(fn).append("(").append(ps).append(") ->\n");
            fns.append("    gen_server:start_link(").append(name((WorkerNode) e.getValue().design, e.getValue()))
                    .append("?MODULE, [").append(ps).append("], []).\n\n");
        }
        return header(first, "gen_server", String.join(", ", exports) + ",\n         init/1, handle_call/3, handle_cast/2, handle_info/2")
                + fns
                + "init(Args) ->\n"
                + (w.sim().trapExit() ? "    process_flag(trap_exit, true),\n" : "")
                + "    {ok, #{args => Args}}.\n\n"
                + "handle_call(_Request, _From, State) ->\n"
                + "    {reply, ok, State}.\n\n"
                + "handle_cast(_Request, State) ->\n"
                + "    {noreply, State}.\n\n"
                + "handle_info(_Message, State) ->\n"
                + "    {noreply, State}.\n";
    }

    private static String name(WorkerNode w, ExportModel.Node n) {
        return switch (w.naming()) {
            case Naming.None none -> "";
            case Naming.Local l -> "{local, " + Names.erlangAtom(ExportModel.nameAtom(l.name())) + "}, ";
            case Naming.Global g -> "{global, " + Names.erlangAtom(ExportModel.nameAtom(g.name())) + "}, ";
            case Naming.Via v -> "{via, " + n.viaRegistry.erlModule + ", " + Names.erlangBinary(v.key()) + "}, ";
        };
    }

    // ---------------------------------------------------------------- small pieces

    /** The label and notes as comments: each one line, as an escaped string literal. */
    private static String docComment(DesignNode n) {
        StringBuilder b = new StringBuilder();
        if (!n.label().isEmpty()) {
            b.append("%% Label: ").append(Names.erlangString(n.label())).append('\n');
        }
        if (!n.notes().isEmpty()) {
            b.append("%% Notes: ").append(Names.erlangString(n.notes())).append('\n');
        }
        return b.toString();
    }

    /** The design's type, except a Registry: here a gen_server, so a worker. */
    static String erlangType(DesignNode d) {
        return d instanceof RegistryNode ? "worker" : d.kind().childType().atom();
    }

    static String shutdown(Shutdown s) {
        return switch (s) {
            case Shutdown.Timeout t -> Long.toString(t.ms());
            case Shutdown.BrutalKill b -> "brutal_kill";
            case Shutdown.Infinity i -> "infinity";
        };
    }
}
