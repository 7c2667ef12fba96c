package dev.canopy.diagrams.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * One Java class that builds the design's tree on the Canopy engine: a
 * {@code SupervisorModule} per supervisor ({@code Supervisors}, {@code ChildSpec},
 * {@code SupervisorFlags}), dynamic and task supervisors on {@code DynamicSupervisors},
 * registries on {@code Registries}, and a GenServer stub per worker module. Start it with
 * {@code Supervisors.startLink(ctx, AppTree.root(), name)}.
 *
 * <p>Not carried over: start args and extra_arguments (the engine's starts take no
 * arguments), global and via names (the engine registers local names only: such workers
 * start unnamed), the dynamic supervisor's child template (the class has a spec factory for
 * it) and registry partitions.
 */
public final class JavaExporter implements Exporter {

    private static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
            "non_sealed", "when", "module", "open", "exports", "requires", "_");

    @Override
    public String format() {
        return "java";
    }

    @Override
    public List<ExportedFile> export(Design design) throws ExportException {
        ExportModel m = ExportModel.of(design);
        String pkg = JAVA_KEYWORDS.contains(m.app) ? m.app + "_app" : m.app;
        String cls = m.alias + "Tree";
        // One Java name per generated module, from the Erlang module names (already unique).
        Map<ExportModel.Node, String> methods = new LinkedHashMap<>();
        Map<String, String> workerClasses = new LinkedHashMap<>();
        UniqueNames javaNames = new UniqueNames("").reserve("root").reserve(cls);
        for (ExportModel.Node n : m.allNodes()) {
            String base = Names.camel(n.erlModule.substring(m.app.length() + 1), "Node");
            if (n.design instanceof WorkerNode) {
                workerClasses.computeIfAbsent(n.erlModule, k -> javaNames.claim(base + "Server"));
            } else if (n.design instanceof SupervisorNode) {
                String method = lowerFirst(base);
                methods.put(n, n == m.root ? "root" : javaNames.claim(JAVA_KEYWORDS.contains(method) ? method + "Sup" : method));
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("package canopy.generated.").append(pkg).append(";\n\n");
        b.append("import java.util.List;\n\n");
        b.append("import dev.canopy.engine.dynamic.DynamicSupervisorFlags;\n");
        b.append("import dev.canopy.engine.dynamic.DynamicSupervisorModule;\n");
        b.append("import dev.canopy.engine.dynamic.DynamicSupervisors;\n");
        b.append("import dev.canopy.engine.genserver.From;\n");
        b.append("import dev.canopy.engine.genserver.GenServer;\n");
        b.append("import dev.canopy.engine.genserver.GenServers;\n");
        b.append("import dev.canopy.engine.genserver.HandlerResult;\n");
        b.append("import dev.canopy.engine.genserver.InitResult;\n");
        b.append("import dev.canopy.engine.genserver.StartResult;\n");
        b.append("import dev.canopy.engine.process.ProcessContext;\n");
        b.append("import dev.canopy.engine.registry.Registries;\n");
        b.append("import dev.canopy.engine.registry.RegistryKeys;\n");
        b.append("import dev.canopy.engine.supervisor.AutoShutdown;\n");
        b.append("import dev.canopy.engine.supervisor.ChildSpec;\n");
        b.append("import dev.canopy.engine.supervisor.ChildType;\n");
        b.append("import dev.canopy.engine.supervisor.Restart;\n");
        b.append("import dev.canopy.engine.supervisor.Shutdown;\n");
        b.append("import dev.canopy.engine.supervisor.Strategy;\n");
        b.append("import dev.canopy.engine.supervisor.SupervisorFlags;\n");
        b.append("import dev.canopy.engine.supervisor.SupervisorInit;\n");
        b.append("import dev.canopy.engine.supervisor.SupervisorModule;\n");
        b.append("import dev.canopy.engine.supervisor.Supervisors;\n\n");
        b.append("/** The supervision tree of the design ").append(Names.javaString(design.name()).replace("*/", "*\\/"))
                .append(", built on the Canopy engine. Generated by canopy export. */\n");
        b.append("public final class ").append(cls).append(" {\n");
        b.append("    private ").append(cls).append("() {}\n\n");
        b.append("    /** Starts the whole tree linked to ctx (as the application's top supervisor). */\n");
        b.append("    public static StartResult start(ProcessContext ctx) {\n");
        b.append("        return ").append(startExpression(m.root, "ctx", methods, workerClasses)).append(";\n");
        b.append("    }\n");
        for (Map.Entry<ExportModel.Node, String> e : methods.entrySet()) {
            supervisorMethod(b, e.getKey(), (SupervisorNode) e.getKey().design, e.getValue(), methods, workerClasses);
        }
        for (ExportModel.Node n : m.nodes) {
            if (n.childTemplate != null) {
                b.append("\n    /** The child template of dynamic supervisor ").append(n.erlModule)
                        .append(": start it with DynamicSupervisors.startChild. */\n");
                b.append("    public static ChildSpec ").append(lowerFirst(Names.camel(n.erlModule.substring(m.app.length() + 1), "Node")))
                        .append("Child() {\n");
                b.append("        return ").append(childSpec(n.childTemplate, methods, workerClasses, "                ")).append(";\n");
                b.append("    }\n");
            }
        }
        for (String worker : new ArrayList<>(new java.util.LinkedHashSet<>(workerClasses.values()))) {
            ExportModel.Node first = m.allNodes().stream()
                    .filter(n -> worker.equals(workerClasses.get(n.erlModule)) && n.design instanceof WorkerNode).findFirst().orElseThrow();
            workerClass(b, worker, (WorkerNode) first.design);
        }
        b.append("}\n");
        String path = "src/main/java/canopy/generated/" + pkg + "/" + cls + ".java";
        return List.of(new ExportedFile(path, b.toString()));
    }

    private static void supervisorMethod(StringBuilder b, ExportModel.Node n, SupervisorNode s, String method,
                                         Map<ExportModel.Node, String> methods, Map<String, String> workers) {
        b.append("\n    /** Supervisor ").append(Names.javaString(n.erlModule)).append(". */\n");
        b.append("    public static SupervisorModule ").append(method).append("() {\n");
        b.append("        SupervisorFlags flags = new SupervisorFlags(Strategy.").append(s.strategy().name())
                .append(", ").append(s.maxRestarts()).append(", ").append(s.maxSeconds())
                .append(", AutoShutdown.").append(s.autoShutdown().name()).append(");\n");
        b.append("        return ctx -> new SupervisorInit.Ok(flags, List.of(");
        for (int i = 0; i < n.children.size(); i++) {
            b.append(i == 0 ? "\n                " : ",\n                ");
            b.append(childSpec(n.children.get(i), methods, workers, "                "));
        }
        b.append("));\n");
        b.append("    }\n");
    }

    private static String childSpec(ExportModel.Node n, Map<ExportModel.Node, String> methods, Map<String, String> workers,
                                    String indent) {
        DesignNode d = n.design;
        String start = "sup -> " + startExpression(n, "sup", methods, workers);
        List<String> modules = new ArrayList<>();
        for (String mod : d.spec().modules().isEmpty() ? List.of(n.erlModule) : d.spec().modules()) {
            modules.add(Names.javaString(mod));
        }
        return "new ChildSpec(" + Names.javaString(n.id()) + ",\n"
                + indent + "        " + start + ",\n"
                + indent + "        Restart." + d.spec().restart().name() + ", " + shutdown(d.spec().shutdown())
                + ", ChildType." + d.kind().childType().name() + ", " + d.spec().significant()
                + ", List.of(" + String.join(", ", modules) + "))";
    }

    /** The call that starts this node linked to the process {@code ctx}. */
    private static String startExpression(ExportModel.Node n, String ctx, Map<ExportModel.Node, String> methods,
                                          Map<String, String> workers) {
        String name = Names.javaString(n.erlModule);
        return switch (n.design) {
            case SupervisorNode s -> "Supervisors.startLink(" + ctx + ", " + methods.get(n) + "(), " + name + ")";
            case DynamicSupervisorNode dyn -> "DynamicSupervisors.startLink(" + ctx + ", DynamicSupervisorModule.of("
                    + "new DynamicSupervisorFlags(" + dyn.maxRestarts() + ", " + dyn.maxSeconds() + ", " + dyn.maxChildren()
                    + ", List.of())), " + name + ")";
            case TaskSupervisorNode t -> "DynamicSupervisors.startLink(" + ctx + ", DynamicSupervisorModule.of("
                    + "new DynamicSupervisorFlags(" + t.maxRestarts() + ", " + t.maxSeconds() + ", " + t.maxChildren()
                    + ", List.of())), " + name + ")";
            case RegistryNode r -> "Registries.startLink(" + ctx + ", RegistryKeys." + r.keys().name() + ", " + name + ")";
            case WorkerNode w -> "GenServers.startLink(" + ctx + ", " + workers.get(n.erlModule) + "::new"
                    + (w.naming() instanceof Naming.Local l ? ", " + Names.javaString(ExportModel.nameAtom(l.name())) : "") + ")";
        };
    }

    private static void workerClass(StringBuilder b, String cls, WorkerNode w) {
        b.append("\n    /** A worker stub: init returns {ok, State}; calls are answered with ok. */\n");
        b.append("    public static final class ").append(cls).append(" implements GenServer<Object> {\n");
        b.append("        @Override\n");
        b.append("        public InitResult<Object> init(ProcessContext ctx) {\n");
        if (w.sim().trapExit()) {
            b.append("            ctx.trapExit(true);\n");
        }
        b.append("            return InitResult.ok(List.of());\n");
        b.append("        }\n\n");
        b.append("        @Override\n");
        b.append("        public HandlerResult<Object> handleCall(ProcessContext ctx, Object request, From from, Object state) {\n");
        b.append("            return HandlerResult.reply(\"ok\", state);\n");
        b.append("        }\n\n");
        b.append("        @Override\n");
        b.append("        public HandlerResult<Object> handleCast(ProcessContext ctx, Object request, Object state) {\n");
        b.append("            return HandlerResult.noreply(state);\n");
        b.append("        }\n");
        b.append("    }\n");
    }

    private static String shutdown(Shutdown s) {
        return switch (s) {
            case Shutdown.Timeout t -> "new Shutdown.Timeout(" + t.ms() + ")";
            case Shutdown.BrutalKill k -> "Shutdown.BRUTAL_KILL";
            case Shutdown.Infinity i -> "Shutdown.INFINITY";
        };
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
