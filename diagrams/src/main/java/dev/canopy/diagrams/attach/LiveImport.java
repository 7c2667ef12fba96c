package dev.canopy.diagrams.attach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.canopy.diagrams.design.ChildSpecFields;
import dev.canopy.diagrams.design.Design;
import dev.canopy.diagrams.design.DesignKind;
import dev.canopy.diagrams.design.DesignNode;
import dev.canopy.diagrams.design.DynamicSupervisorNode;
import dev.canopy.diagrams.design.ErlangNames;
import dev.canopy.diagrams.design.Naming;
import dev.canopy.diagrams.design.RegistryNode;
import dev.canopy.diagrams.design.SupervisorNode;
import dev.canopy.diagrams.design.WorkerNode;
import dev.canopy.engine.supervisor.AutoShutdown;
import dev.canopy.engine.supervisor.Restart;
import dev.canopy.engine.supervisor.Shutdown;
import dev.canopy.engine.supervisor.Strategy;

/**
 * Turns a live application's tree into a design: supervisors with their flags, workers with
 * their child specs and registered names, in start order. What OTP does not report is listed in
 * {@link Imported#unread()} (and left at Canopy's defaults), never guessed.
 */
public final class LiveImport {

    /** The design and, in sentences, what could not be read from the running node. */
    public record Imported(Design design, List<String> unread) {
        public Imported {
            unread = List.copyOf(unread);
        }
    }

    private final List<String> unread = new ArrayList<>();

    private LiveImport() {}

    /** Empty when the application has no supervision tree (a library application). */
    public static Optional<Imported> of(LiveApp app) {
        if (app.root().isEmpty()) return Optional.empty();
        LiveImport im = new LiveImport();
        LiveProcess top = app.root().get();
        DesignNode root = im.node(top, "");
        im.unread.add(0, "The top supervisor has no child id in OTP; it is named after its registered name (or module): " + top.id() + ".");
        im.unread.add(1, "Labels and notes are not kept by OTP: left empty.");
        im.unread.add(2, "Simulation settings of workers (init time, dependency, call latency, message rate, crash behaviour, trap_exit, terminate time) are not reported by OTP: Canopy's defaults.");
        if (!(root instanceof SupervisorNode)) {
            root = SupervisorNode.of(plainId(top.id()), List.of(root));
            im.unread.add("The top process is not a static supervisor; it is placed under a default supervisor.");
        }
        return Optional.of(new Imported(Design.of(app.name(), app.description(), root), im.unread));
    }

    private DesignNode node(LiveProcess live, String where) {
        String at = where + (where.isEmpty() ? "" : "/") + live.id();
        LiveProcess p = withPlainId(live, at);
        ChildSpecFields spec = spec(p, at);
        if (!p.running() && !p.status().isEmpty()) {
            unread.add(at + " was not running (" + p.status() + ") when imported.");
        }
        return switch (p.kind()) {
            case "supervisor" -> "simple_one_for_one".equals(p.strategy()) ? simpleOneForOne(p, spec, at) : supervisor(p, spec, at);
            case "dynamic_supervisor" -> {
                DynamicSupervisorNode d = DynamicSupervisorNode.of(p.id()).withSpec(spec).withIntensity(p.intensity(), p.period());
                int max = p.maxChildren().matches("\\d+") ? Integer.parseInt(p.maxChildren()) : DynamicSupervisorNode.INFINITY;
                if (!p.children().isEmpty()) unread.add(at + ": its " + p.children().size() + " running children were started on demand and are not part of the design.");
                unread.add(at + ": the child template of a DynamicSupervisor is not kept by OTP.");
                yield d.withMaxChildren(max);
            }
            case "registry" -> RegistryNode.of(p.id()).withSpec(spec);
            case "unknown_supervisor" -> {
                unread.add(at + ": its supervisor state could not be read: imported as a default supervisor without children.");
                yield SupervisorNode.of(p.id(), List.of()).withSpec(spec);
            }
            default -> {
                WorkerNode w = WorkerNode.of(p.id()).withSpec(spec);
                yield p.registered().isEmpty() ? w : w.withNaming(new Naming.Local(designName(p.registered())));
            }
        };
    }

    private SupervisorNode supervisor(LiveProcess p, ChildSpecFields spec, String at) {
        List<DesignNode> children = new ArrayList<>();
        for (LiveProcess c : p.children()) children.add(node(c, at));
        if (p.children().isEmpty() && "one_for_one".equals(p.strategy())) {
            unread.add(at + ": a one_for_one supervisor without children; a DynamicSupervisor without a template exported to Erlang looks the same: imported as a supervisor.");
        }
        return SupervisorNode.of(p.id(), children).withSpec(spec)
                .withStrategy(Strategy.valueOf(p.strategy().toUpperCase(Locale.ROOT)))
                .withIntensity(p.intensity(), p.period())
                .withAutoShutdown(autoShutdown(p.autoShutdown()));
    }

    private DynamicSupervisorNode simpleOneForOne(LiveProcess p, ChildSpecFields spec, String at) {
        DynamicSupervisorNode d = DynamicSupervisorNode.of(p.id()).withSpec(spec).withIntensity(p.intensity(), p.period());
        unread.add(at + ": a simple_one_for_one supervisor, imported as a DynamicSupervisor with its child template; OTP has no max_children: infinity.");
        if (!p.children().isEmpty()) unread.add(at + ": its " + p.children().size() + " running children were started on demand and are not part of the design.");
        return p.template().map(t -> d.withChildTemplate(Optional.of(WorkerNode.of(t.id()).withSpec(spec(t, at + "/" + t.id())))))
                .orElse(d);
    }

    private ChildSpecFields spec(LiveProcess p, String at) {
        ChildSpecFields base = ChildSpecFields.defaults(p.isSupervisor() ? DesignKind.SUPERVISOR : DesignKind.WORKER);
        if (p.restart().isEmpty()) {
            // the top supervisor's spec lives in the application master, which does not report it
            if (at.contains("/")) unread.add(at + ": its child spec could not be read: OTP defaults.");
            return base;
        }
        List<String> modules = p.modules().equals(List.of(p.startModule())) ? List.of()
                : p.modules().stream().map(LiveImport::designName).toList();
        return new ChildSpecFields(designName(p.startModule()), p.startFunction(), p.startArgs(),
                Restart.valueOf(p.restart().toUpperCase(Locale.ROOT)), shutdown(p.shutdown()), p.significant(), modules);
    }

    /**
     * A design's ids are plain atoms; OTP allows any term ({@code Elixir.MyApp.Repo}, {@code {worker, 1}}).
     * Such an id is turned into one (MyApp.Repo → my_app_repo) and the change is listed.
     */
    private LiveProcess withPlainId(LiveProcess p, String at) {
        if (ErlangNames.isPlainAtom(p.id())) return p;
        String plain = plainId(p.id());
        unread.add(at + ": the id " + p.id() + " is not a plain atom; imported as " + plain + ".");
        return new LiveProcess(plain, p.kind(), p.pid(), p.status(), p.registered(), p.messageQueue(), p.memory(), p.module(),
                p.startModule(), p.startFunction(), p.startArgs(), p.restart(), p.shutdown(), p.significant(), p.specRead(),
                p.type(), p.modules(), p.strategy(), p.intensity(), p.period(), p.autoShutdown(), p.maxChildren(),
                p.children(), p.template());
    }

    static String plainId(String id) {
        String s = designName(id).replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) s = "p_" + s;
        return ErlangNames.isPlainAtom(s) ? s : s + "_";
    }

    /** A design writes an Elixir alias as such (MyApp.Cache); on the node it is the atom 'Elixir.MyApp.Cache'. */
    private static String designName(String registered) {
        return registered.startsWith("Elixir.") ? registered.substring("Elixir.".length()) : registered;
    }

    private static Shutdown shutdown(String text) {
        return switch (text) {
            case "brutal_kill" -> Shutdown.BRUTAL_KILL;
            case "infinity" -> Shutdown.INFINITY;
            default -> new Shutdown.Timeout(Long.parseLong(text));
        };
    }

    private static AutoShutdown autoShutdown(String text) {
        return text.isEmpty() ? AutoShutdown.NEVER : AutoShutdown.valueOf(text.toUpperCase(Locale.ROOT));
    }
}
